/** Run ids for the classroom's own trainer connections (Step mode, comparison lanes). */

let idCounter = 0;

/** A run id unique within this page: `kind`, the time and a counter. */
export function classroomRunId(kind: string): string {
  idCounter += 1;
  return `${kind}-${Date.now().toString(36)}-${idCounter}`;
}
