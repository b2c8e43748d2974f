/**
 * The desktop IPC surface between the renderer (through the preload) and Electron's main
 * process: channel names, the API the preload exposes as `window.layerlab`, and schemas main
 * uses to validate every request. Training traffic does not pass here: it flows over a
 * MessagePort straight between renderer and trainer (see messages.ts).
 */
import { z } from 'zod';

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

export const MAX_PROJECT_BYTES = 64 * 1024 * 1024;

export const saveProjectRequestSchema = z.object({
  text: z.string().max(MAX_PROJECT_BYTES),
  /** Always ask for a location (Save As), even when the project has a path. */
  saveAs: z.boolean(),
  /** Suggested file name for the dialog; never used as a path. */
  suggestedName: z.string().max(120).default('project.layerlab.json'),
});
export type SaveProjectRequest = z.input<typeof saveProjectRequestSchema>;

export const exportFileRequestSchema = z.object({
  text: z.string().max(MAX_PROJECT_BYTES),
  suggestedName: z.string().max(120),
  kind: z.enum(['model', 'csv', 'png']),
});
export type ExportFileRequest = z.input<typeof exportFileRequestSchema>;

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
