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


/** Colour theme; 'system' follows the operating system. */
export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

/**
 * Sizes of the resizable panels in CSS pixels, remembered per user. The bounds keep a
 * hand-edited settings file from hiding a panel or the canvas.
 */
export const panelLayoutSchema = z.object({
  paletteWidth: z.number().int().min(120).max(600),
  inspectorWidth: z.number().int().min(200).max(800),
  runPanelHeight: z.number().int().min(120).max(1200),
  paletteCollapsed: z.boolean(),
  inspectorCollapsed: z.boolean(),
});
export type PanelLayout = z.infer<typeof panelLayoutSchema>;

/** The layout of app.css (200px | canvas | 300px, run panel 272px). */
export const DEFAULT_PANEL_LAYOUT: PanelLayout = {
  paletteWidth: 200,
  inspectorWidth: 300,
  runPanelHeight: 272,
  paletteCollapsed: false,
  inspectorCollapsed: false,
};

/** A BCP 47 language tag such as 'en' or 'ko' (the renderer falls back for ones it lacks). */
export const languageSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);

/** The settings the renderer sees and may change (main keeps more: window, last folder …). */
export const userSettingsSchema = z.object({
  /** null: follow the operating system's language. */
  language: languageSchema.nullable(),
  theme: themeSchema,
  presentationMode: z.boolean(),
  panels: panelLayoutSchema,
});
export type UserSettings = z.infer<typeof userSettingsSchema>;

/** A change to some settings; `panels` may change some sizes only. */
export const settingsPatchSchema = z
  .object({
    language: languageSchema.nullable(),
    theme: themeSchema,
    presentationMode: z.boolean(),
    panels: panelLayoutSchema.partial().strict(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

/**
 * What the native menu should offer right now (reported by the renderer). Undo and Redo stay
 * enabled whatever the history holds: in a text field they undo typing.
 */
export const menuStateSchema = z
  .object({
    /** Training is running: Pause applies; Train and Step do not. */
    running: z.boolean(),
  })
  .strict();
export type MenuState = z.infer<typeof menuStateSchema>;

/** A path from the preload's webUtils.getPathForFile for a dropped file. */
export const openDroppedFileRequestSchema = z.string().min(1).max(4096);

/** Largest CSV/TSV data file main reads for import (bytes). */
export const MAX_DATA_FILE_BYTES = 256 * 1024 * 1024;

/** openDataFile: null or absent shows a dialog; a string is a dropped file's path. */
export const openDataFileRequestSchema = z.string().min(1).max(4096).nullable().optional();
