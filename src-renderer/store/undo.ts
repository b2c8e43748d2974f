/**
 * Undo history of the project, as pure functions over an `UndoState`. Only project edits
 * enter it; selection, viewport, training status and streamed metrics never do.
 *
 * How an edit counts (after excalidraw's CaptureUpdateAction):
 * - 'record': one undo step;
 * - { merge: key }: typing in one field is one step — an edit merges into the previous one
 *   when it has the same key and comes within MERGE_WINDOW_MS;
 * - 'skip': not recorded (the moves of a drag; the drag is recorded once, on drop).
 */
import type { Project } from '../../src-engine/project';

export const MAX_UNDO_STEPS = 100;
export const MERGE_WINDOW_MS = 1000;

export type Capture = 'record' | 'skip' | { merge: string };

export interface UndoState {
  past: Project[];
  future: Project[];
  mergeKey: string | null;
  mergeAt: number;
}

export const EMPTY_UNDO: UndoState = { past: [], future: [], mergeKey: null, mergeAt: 0 };

/** Records that `before` was replaced by an edit. A recorded edit clears the redo stack. */
export function recordEdit(undo: UndoState, before: Project, capture: Capture, now: number): UndoState {
  if (capture === 'skip') return undo;
  if (typeof capture === 'object') {
    const merges = undo.mergeKey === capture.merge && now - undo.mergeAt < MERGE_WINDOW_MS && undo.past.length > 0;
    if (merges) return { ...undo, future: [], mergeAt: now };
    return { past: pushBounded(undo.past, before), future: [], mergeKey: capture.merge, mergeAt: now };
  }
  return { past: pushBounded(undo.past, before), future: [], mergeKey: null, mergeAt: 0 };
}

function pushBounded(stack: Project[], item: Project): Project[] {
  const next = [...stack, item];
  return next.length > MAX_UNDO_STEPS ? next.slice(next.length - MAX_UNDO_STEPS) : next;
}

/** Steps back: returns the project to show and the new history, or null when there is none. */
export function undoStep(undo: UndoState, current: Project): { project: Project; undo: UndoState } | null {
  if (undo.past.length === 0) return null;
  const project = undo.past[undo.past.length - 1];
  return {
    project,
    undo: { past: undo.past.slice(0, -1), future: [current, ...undo.future], mergeKey: null, mergeAt: 0 },
  };
}

/** Steps forward again after an undo; null when there is nothing to redo. */
export function redoStep(undo: UndoState, current: Project): { project: Project; undo: UndoState } | null {
  if (undo.future.length === 0) return null;
  const [project, ...future] = undo.future;
  return {
    project,
    undo: { past: pushBounded(undo.past, current), future, mergeKey: null, mergeAt: 0 },
  };
}
