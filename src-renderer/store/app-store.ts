/**
 * The one renderer store (zustand): project, selection, run and loss history, notices.
 * `createAppStore` builds an independent store (tests make their own); `appStore` is the
 * app's instance and `useApp` subscribes a component to a narrow slice of it.
 */
import { createStore, useStore, type StoreApi } from 'zustand';
import { createSpiralExample } from '../../src-engine/examples';
import type { Project } from '../../src-engine/project';
import { createEditorSlice } from './editor-slice';
import { createProjectSlice } from './project-slice';
import { createRunSlice } from './run-slice';
import { createShellSlice } from './shell-slice';
import type { AppState, StoreDeps } from './types';
import { createViewsSlice } from './views-slice';
import { createClassroomSlice } from './classroom-slice';

export type AppStore = StoreApi<AppState>;

/** A run id unique within this page: time plus a counter, so ids never repeat. */
let runCounter = 0;
export function newRunId(): string {
  runCounter += 1;
  return `run-${Date.now().toString(36)}-${runCounter}`;
}

const DEFAULT_DEPS: StoreDeps = {
  now: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
  newRunId,
  // Two frames: the first callback runs before the frame that shows the change is painted.
  afterFrame: (fn) =>
    typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => requestAnimationFrame(fn)) : setTimeout(fn, 16),
};

/** Creates a store holding `project` (the spiral example by default). */
export function createAppStore(project: Project = createSpiralExample(), deps: Partial<StoreDeps> = {}): AppStore {
  const d: StoreDeps = { ...DEFAULT_DEPS, ...deps };
  return createStore<AppState>()((...a) => ({
    ...createProjectSlice(project, d)(...a),
    ...createEditorSlice(d)(...a),
    ...createRunSlice(d)(...a),
    ...createShellSlice()(...a),
    ...createViewsSlice()(...a),
    ...createClassroomSlice()(...a),
  }));
}

/** The app's store. */
export const appStore = createAppStore();

/** Subscribes to a slice of the app store; the selector must return stable values. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
