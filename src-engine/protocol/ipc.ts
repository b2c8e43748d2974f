/**
 * The desktop IPC surface between the renderer (through the preload) and Electron's main
 * process: channel names, the API the preload exposes as `window.layerlab`, and schemas main
 * uses to validate every request (schemas in ipc-schemas.ts, kept apart so the preload
 * bundles no zod). Training traffic does not pass here: it flows over a
 * MessagePort straight between renderer and trainer (see messages.ts).
 */
export const IPC = {
  /** renderer → main (send): please create a trainer channel and send me a port. */
  requestTrainerPort: 'layerlab:request-trainer-port',
  /** main → renderer (webContents.postMessage with [port]): the renderer's end of the channel. */
  trainerPort: 'layerlab:trainer-port',
  /** main → renderer (send): the trainer process exited; payload TrainerExitInfo. */
  trainerExit: 'layerlab:trainer-exit',
  /** renderer → main (invoke): show an open dialog and read a project file. */
  openProject: 'layerlab:open-project',
  /** renderer → main (invoke): save project text, with a dialog when needed. */
  saveProject: 'layerlab:save-project',
  /** renderer → main (invoke): save exported text (model JSON, CSV) through a dialog. */
  exportFile: 'layerlab:export-file',
  /** main → renderer (send): a native menu item was chosen; payload a MenuCommand. */
  menuCommand: 'layerlab:menu-command',
  /**
   * main → renderer (send): the OS asked LayerLab to open a project (double-click, drop on
   * the dock or taskbar icon, a second launch with a file, Open Recent); payload OpenedFile.
   */
  openFile: 'layerlab:open-file',
  /** renderer → main (invoke): open a project file dropped on the window; payload its path. */
  openDroppedFile: 'layerlab:open-dropped-file',
  /**
   * renderer → main (invoke): read a CSV/TSV data file for import; payload null (show an
   * open dialog filtered to csv/tsv/txt) or the path of a file dropped on the window.
   */
  openDataFile: 'layerlab:open-data-file',
  /** renderer → main (invoke): the user settings the renderer uses (UserSettings). */
  getSettings: 'layerlab:get-settings',
  /** renderer → main (invoke): change some settings; payload SettingsPatch, reply UserSettings. */
  updateSettings: 'layerlab:update-settings',
  /** main → renderer (send): settings changed (from the menu or another window); UserSettings. */
  settingsChanged: 'layerlab:settings-changed',
  /** renderer → main (send): which menu items apply right now; payload MenuState. */
  setMenuState: 'layerlab:set-menu-state',
  /** renderer → main (invoke): write the autosave record atomically; payload its text. */
  autosave: 'layerlab:autosave',
  /** renderer → main (invoke): read the autosave record; reply its text or null. */
  readAutosave: 'layerlab:read-autosave',
  /** renderer → main (invoke): save the run's latest checkpoint (a CheckpointRecord), or null to forget it. */
  saveCheckpoint: 'layerlab:save-checkpoint',
  /** renderer → main (invoke): read the saved run; reply a validated CheckpointRecord or null. */
  readCheckpoint: 'layerlab:read-checkpoint',
} as const;

/** The `type` of the window message by which the preload hands the trainer port to the page. */
export const TRAINER_PORT_MESSAGE = 'layerlab:trainer-port';

/** The channel of the app's main trainer connection; others (race lanes) name their own. */
export const DEFAULT_TRAINER_CHANNEL = 'main';
export const TRAINER_CHANNEL_PATTERN = /^[a-z0-9-]{1,40}$/;

/** The channel a request names, or the default when it names none or an invalid one. */
export function toTrainerChannel(raw: unknown): string {
  return typeof raw === 'string' && TRAINER_CHANNEL_PATTERN.test(raw) ? raw : DEFAULT_TRAINER_CHANNEL;
}

import type { ExportFileRequest, MenuState, PanelLayout, SaveProjectRequest, SettingsPatch, Theme, UserSettings } from './ipc-schemas';
import type { MenuCommand } from './shortcuts';
export type { ExportFileRequest, MenuCommand, MenuState, PanelLayout, SaveProjectRequest, SettingsPatch, Theme, UserSettings };

/**
 * The data file of an opened project whose data set is file-backed, read by main relative to
 * the project: its text (hash checked), or why it cannot be used (moved, changed, unreadable).
 * `note` says when it was found elsewhere than the saved path (next to the project).
 */
export type ProjectDataFile = { ok: true; path: string; text: string; note?: string } | { ok: false; error: string };

export type FileResult =
  | { ok: true; path: string; text?: string; data?: ProjectDataFile }
  | { ok: false; canceled: true }
  | { ok: false; canceled: false; error: string };

/** A project file the OS asked LayerLab to open: its name (no folder) and text, or why not. */
export type OpenedFile = { ok: true; name: string; text: string; data?: ProjectDataFile } | { ok: false; name: string; error: string };

/** A dropped file as the page holds it (a DOM `File`); the preload asks Electron for its path. */
export interface DroppedFile {
  readonly name: string;
}

export interface TrainerExitInfo {
  code: number | null;
  reason: string;
}

/** What the preload exposes on `window.layerlab`. Data only; no Electron objects. */
export interface DesktopApi {
  readonly platform: string;
  /**
   * Asks main for a trainer port; it arrives as a window message
   * `{ type: TRAINER_PORT_MESSAGE, channel }`. Each port is its own connection to the
   * trainer process, with its own run; `channel` (default DEFAULT_TRAINER_CHANNEL, matching
   * TRAINER_CHANNEL_PATTERN) tells the page which of its connections the port is for.
   */
  requestTrainerPort(channel?: string): void;
  onTrainerExit(listener: (info: TrainerExitInfo) => void): () => void;
  openProject(): Promise<FileResult>;
  saveProject(request: SaveProjectRequest): Promise<FileResult>;
  exportFile(request: ExportFileRequest): Promise<FileResult>;
  /**
   * Native menu commands; returns a function that unsubscribes. A command chosen before the
   * first listener subscribed (the newest one only) is delivered to it.
   */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Files the OS hands to LayerLab. Files that arrive before the first listener subscribes
   * are kept by the preload and delivered to it, so none is lost during start-up.
   */
  onOpenFile(listener: (file: OpenedFile) => void): () => void;
  /** Opens a `.layerlab.json` file dropped on the window (a DOM File from a drop event). */
  openDroppedFile(file: DroppedFile): Promise<FileResult>;
  /**
   * Reads a CSV/TSV/TXT data file for import: the one dropped (`file`), else one chosen in an
   * open dialog. Resolves to its full path and its text (UTF-8, at most MAX_DATA_FILE_BYTES).
   * Optional until main implements it (older builds); the renderer then reads a picked File.
   */
  openDataFile?(file?: DroppedFile): Promise<FileResult>;
  getSettings(): Promise<UserSettings>;
  /** Changes some settings; resolves to all settings after the change (unchanged if refused). */
  updateSettings(patch: SettingsPatch): Promise<UserSettings>;
  onSettingsChanged(listener: (settings: UserSettings) => void): () => void;
  /** Tells the native menu whether training runs (Train, Pause and Step grey out accordingly). */
  setMenuState(state: MenuState): void;
  /**
   * Autosave (renderer → main, invoke): writes `text` (an autosave record, JSON, at most
   * MAX_PROJECT_BYTES) to the app's data folder atomically: a temporary file in the same
   * folder, then rename over the previous autosave, so a crash or power loss leaves the old
   * or the new record, never a torn one. Optional until main implements it; the renderer
   * falls back to IndexedDB when it is absent.
   */
  autosave?(text: string): Promise<{ ok: true } | { ok: false; error: string }>;
  /** Reads the last autosave record, or null when there is none (never throws). */
  readAutosave?(): Promise<string | null>;
  /**
   * Saves the latest checkpoint of the run with its project (a CheckpointRecord from
   * src-engine/checkpoint-record.ts, plain data), or forgets it when `record` is null. Main
   * validates it in full, refuses it over MAX_CHECKPOINT_BYTES of JSON and writes it
   * atomically beside the autosave. Optional: the renderer falls back to IndexedDB.
   */
  saveCheckpoint?(record: unknown): Promise<{ ok: true } | { ok: false; error: string }>;
  /** The saved run (validated by main), or null when there is none. */
  readCheckpoint?(): Promise<unknown>;
  /**
   * True when main turns a prevented unload into a native "Leave / Stay" dialog (it handles
   * webContents 'will-prevent-unload'). Only then does the renderer cancel closing while
   * there are unsaved changes; without it Electron would silently refuse to close.
   */
  readonly promptsBeforeClose?: boolean;
}
