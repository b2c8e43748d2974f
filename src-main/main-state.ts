/**
 * What the main process holds while it runs: where its files are, the one window, the
 * settings and stores once they are open, and which project file each window has. main.ts
 * creates one `MainState` and passes it to the window, menu, IPC and file modules, so no
 * module keeps state of its own.
 */
import type { BrowserWindow, WebContents } from 'electron';
import type { MenuState } from '../src-engine/protocol/ipc-schemas';
import type { AutosaveStore } from './autosave';
import type { CheckpointStore } from './checkpoint-store';
import type { AppPaths } from './paths';
import type { SettingsStore } from './settings';
import { OpenFileQueue } from './single-instance';
import { TrainerManager } from './trainer-manager';

export interface MainState {
  readonly paths: AppPaths;
  /** The Vite dev server's URL in development; undefined in a built app. */
  readonly devServerUrl: string | undefined;
  /** The page the window loads; IPC senders and navigations are checked against it. */
  readonly appUrl: string;
  readonly trainer: TrainerManager;
  /** Path of the project file each window has open (set by main's dialogs and opened files only). */
  readonly projectPaths: WeakMap<WebContents, string>;
  /** Files the OS asked to open, waiting for the window. */
  readonly openQueue: OpenFileQueue;
  settings: SettingsStore | null;
  mainWindow: BrowserWindow | null;
  /** What the renderer last reported for the menu; null before it reports. */
  menuState: MenuState | null;
  autosave: AutosaveStore | null;
  savedRun: CheckpointStore | null;
  /** Set once settings are loaded and the first window exists; before that, files only queue. */
  started: boolean;
}

/** The state at start-up: nothing open yet. `devServerUrl` is given only in development. */
export function createMainState(paths: AppPaths, devServerUrl: string | undefined): MainState {
  return {
    paths,
    devServerUrl,
    appUrl: devServerUrl ?? `file://${paths.rendererHtml}`,
    trainer: new TrainerManager(paths.trainer),
    projectPaths: new WeakMap(),
    openQueue: new OpenFileQueue(),
    settings: null,
    mainWindow: null,
    menuState: null,
    autosave: null,
    savedRun: null,
    started: false,
  };
}
