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
} as const;

/** The `type` of the window message by which the preload hands the trainer port to the page. */
export const TRAINER_PORT_MESSAGE = 'layerlab:trainer-port';

import type { ExportFileRequest, SaveProjectRequest } from './ipc-schemas';
export type { ExportFileRequest, SaveProjectRequest };

export type FileResult =
  | { ok: true; path: string; text?: string }
  | { ok: false; canceled: true }
  | { ok: false; canceled: false; error: string };

export interface TrainerExitInfo {
  code: number | null;
  reason: string;
}

/** What the preload exposes on `window.layerlab`. Data only; no Electron objects. */
export interface DesktopApi {
  readonly platform: string;
  /** Asks main for a trainer port; it arrives as a window message of type TRAINER_PORT_MESSAGE. */
  requestTrainerPort(): void;
  onTrainerExit(listener: (info: TrainerExitInfo) => void): () => void;
  openProject(): Promise<FileResult>;
  saveProject(request: SaveProjectRequest): Promise<FileResult>;
  exportFile(request: ExportFileRequest): Promise<FileResult>;
}
