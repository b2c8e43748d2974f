/**
 * Autosave: the open project is written to a local store a few seconds after any change, and
 * at once after a structural change (a layer or connection added or removed, the data set
 * changed), so a crash or power loss loses at most a few seconds of typing. At the next
 * start the app offers to restore it.
 *
 * Where it goes is a `AutosaveTarget`: the app's data folder through the desktop API (main
 * writes a temporary file and renames it), or IndexedDB in the browser build.
 */
import { parseProject, type Project } from '../../src-engine/project';
import type { AppStore } from './app-store';
import { projectJson } from './project-json';
import type { RestoreOffer } from './types';

export const AUTOSAVE_FORMAT = 'layerlab-autosave';
export const AUTOSAVE_VERSION = 1;
/** A change that is not structural is written within this time. */
export const AUTOSAVE_DELAY_MS = 3000;

/** Where autosave records are kept. */
export interface AutosaveTarget {
  write(text: string): Promise<void>;
  /** The last record, or null when there is none. */
  read(): Promise<string | null>;
}

/** The record text: the project, whether it had unsaved changes, its file and the time. */
export function serializeAutosave(project: Project, filePath: string | null, dirty: boolean, savedAt: number): string {
  // = JSON.stringify({ format, version, savedAt, filePath, dirty, project }), the project's data set text cached.
  const head = JSON.stringify({ format: AUTOSAVE_FORMAT, version: AUTOSAVE_VERSION, savedAt, filePath, dirty });
  return `${head.slice(0, -1)},"project":${projectJson(project)}}`;
}

/** Reads a record; null for anything that is not a valid one (never throws). */
export function parseAutosave(text: string | null): RestoreOffer | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (r.format !== AUTOSAVE_FORMAT || r.version !== AUTOSAVE_VERSION) return null;
  const project = parseProject(r.project);
  if (!project.ok) return null;
  return {
    project: project.value,
    savedAt: typeof r.savedAt === 'number' && Number.isFinite(r.savedAt) ? r.savedAt : 0,
    filePath: typeof r.filePath === 'string' ? r.filePath : null,
    dirty: r.dirty === true,
  };
}

/** The shape of the graph and the data: what a structural change changes. */
export function structureKey(project: Project): string {
  const nodes = project.graph.nodes.map((n) => `${n.id}:${n.type}`).join(',');
  const edges = project.graph.edges.map((e) => e.id).join(',');
  return `${nodes}|${edges}|${project.dataset.type}:${project.dataset.name}`;
}

export interface AutosaveDeps {
  now(): number;
  setTimer(fn: () => void, ms: number): () => void;
}

/**
 * Watches `store` and writes to `target`. The project the store holds when this starts is
 * not written until it changes (the start example must not overwrite the record of the last
 * session before the user chose whether to restore it). Writes never overlap: a change while
 * a write is under way is written right after it. Returns `stop`, and `flush` to write now.
 */
export function startAutosave(store: AppStore, target: AutosaveTarget, deps: AutosaveDeps): { stop(): void; flush(): Promise<void> } {
  let armed = false;
  const startProject = store.getState().project;
  let lastKey = structureKey(startProject);
  let cancelTimer: (() => void) | null = null;
  let writing: Promise<void> | null = null;
  let again = false;

  const write = async (): Promise<void> => {
    cancelTimer?.();
    cancelTimer = null;
    if (writing) {
      again = true;
      return writing;
    }
    const { project, filePath, dirty } = store.getState();
    const savedAt = deps.now();
    writing = target
      .write(serializeAutosave(project, filePath, dirty, savedAt))
      .then(
        () => store.getState().setShell({ autosavedAt: savedAt, autosaveError: null }),
        (e: unknown) => store.getState().setShell({ autosaveError: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => {
        writing = null;
        if (again) {
          again = false;
          void write();
        }
      });
    return writing;
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.project === prev.project && s.dirty === prev.dirty && s.filePath === prev.filePath) return;
    if (!armed) {
      if (s.project === startProject) return;
      armed = true;
    }
    const key = structureKey(s.project);
    if (key !== lastKey) {
      lastKey = key;
      void write();
    } else if (!cancelTimer) {
      cancelTimer = deps.setTimer(() => {
        cancelTimer = null;
        void write();
      }, AUTOSAVE_DELAY_MS);
    }
  });

  return {
    stop() {
      unsubscribe();
      cancelTimer?.();
      cancelTimer = null;
    },
    flush: () => (armed ? write() : Promise.resolve()),
  };
}
