/**
 * The import dialog's choices as plain data, and the pure functions that change them and
 * turn them into the project's import options. The dialog calls these; tests call them
 * directly.
 */
import type { CsvDelimiter } from '../../src-engine/csv';
import { suggestTask, type ColumnInfo, type ColumnType, type CsvInspection } from '../../src-engine/data-import/inspect-csv';
import { LIMITS, type ImportOptionsInput } from '../../src-engine/project';

export type Inspection = Extract<CsvInspection, { ok: true }>;
export type MissingRule = 'refuse' | 'drop' | 'mean';
export type Task = 'classification' | 'regression';

/** What the user chose in the dialog. Column lists keep the file's column order. */
export interface ImportForm {
  delimiter: CsvDelimiter;
  header: boolean;
  /** The type of every column, starting from the guess. */
  types: Record<string, ColumnType>;
  target: string;
  task: Task;
  /** The checked feature columns; never the target. */
  features: string[];
  missing: MissingRule;
}

/** The data set name for a file: its name without the folder and the .csv/.tsv/.txt ending. */
export function datasetNameOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const name = base.replace(/\.(csv|tsv|txt)$/i, '').trim();
  return (name || 'data').slice(0, LIMITS.maxNameLength);
}

function columnOf(inspection: Inspection, name: string): ColumnInfo | undefined {
  return inspection.columns.find((c) => c.name === name);
}

/** The task suggested for `target` given the type chosen for it. */
function taskFor(inspection: Inspection, types: Record<string, ColumnType>, target: string): Task {
  const column = columnOf(inspection, target);
  if (!column) return 'classification';
  return suggestTask({ ...column, guessedType: types[target] ?? column.guessedType });
}

/**
 * The starting choices for a new inspection: the detected format, the guessed types, the
 * engine's suggestion for target, task and features. `keep` carries over the missing-value
 * rule when the file is read again (another delimiter or header choice).
 */
export function initialForm(inspection: Inspection, keep?: Pick<ImportForm, 'missing'>): ImportForm {
  const types = Object.fromEntries(inspection.columns.map((c) => [c.name, c.guessedType]));
  return {
    delimiter: inspection.delimiter,
    header: inspection.hasHeader,
    types,
    target: inspection.suggestion.target,
    task: inspection.suggestion.task,
    features: [...inspection.suggestion.features],
    missing: keep?.missing ?? 'refuse',
  };
}

/** In file order: the columns of `inspection` that `keep` accepts. */
function inColumnOrder(inspection: Inspection, keep: (name: string) => boolean): string[] {
  return inspection.columns.map((c) => c.name).filter(keep);
}

/**
 * Makes `target` the column to predict: the task is suggested again, the target leaves the
 * features, and the previous target (which was no feature) becomes one.
 */
export function withTarget(form: ImportForm, inspection: Inspection, target: string): ImportForm {
  if (target === form.target || !columnOf(inspection, target)) return form;
  const chosen = new Set(form.features);
  chosen.add(form.target);
  chosen.delete(target);
  return { ...form, target, task: taskFor(inspection, form.types, target), features: inColumnOrder(inspection, (n) => chosen.has(n)) };
}

/** Checks or unchecks a feature column (the target cannot be one). */
export function withFeature(form: ImportForm, inspection: Inspection, name: string, checked: boolean): ImportForm {
  if (name === form.target || !columnOf(inspection, name)) return form;
  const chosen = new Set(form.features);
  if (checked) chosen.add(name);
  else chosen.delete(name);
  return { ...form, features: inColumnOrder(inspection, (n) => chosen.has(n)) };
}

/** Sets a column's type. A category target cannot be regressed: the task becomes classification. */
export function withType(form: ImportForm, name: string, type: ColumnType): ImportForm {
  if (!(name in form.types)) return form;
  const types = { ...form.types, [name]: type };
  const task = name === form.target && type === 'category' ? 'classification' : form.task;
  return { ...form, types, task };
}

/** Why Import cannot be pressed yet (with the data set's `name` as typed), or null. */
export function formProblem(form: ImportForm, name: string): 'no-features' | 'no-name' | null {
  if (form.features.length === 0) return 'no-features';
  if (name.trim() === '') return 'no-name';
  return null;
}

/**
 * The import options for the engine (`importOptionsSchema`): the format as shown, the target
 * and task, the checked features, and the type of every used column (so the importer does
 * not guess again).
 */
export function importOptionsOf(form: ImportForm): ImportOptionsInput {
  const used = [...form.features, form.target];
  const types = Object.fromEntries(used.filter((n) => n in form.types).map((n) => [n, form.types[n]]));
  return {
    delimiter: form.delimiter,
    header: form.header,
    target: form.target,
    task: form.task,
    features: [...form.features],
    types,
    missing: form.missing,
  };
}
