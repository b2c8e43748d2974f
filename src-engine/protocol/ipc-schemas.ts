/** Schemas main uses to validate desktop IPC requests (see ipc.ts). */
import { z } from 'zod';

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

