/**
 * IPC handlers for files: open, open a dropped project, read a data file for import, save,
 * save as, and export. Every handler is `guarded` (the app page's main frame only), parses
 * its payload with zod, and reads at most the size caps. Paths come from main's own dialogs
 * (or from Electron, for a file the user dropped), never from the page.
 */
import { BrowserWindow, dialog, ipcMain } from 'electron';
import { basename, isAbsolute, join } from 'node:path';
import { IPC, type FileResult } from '../src-engine/protocol/ipc';
import {
  MAX_DATA_FILE_BYTES,
  exportFileRequestSchema,
  openDataFileRequestSchema,
  openDroppedFileRequestSchema,
  saveProjectRequestSchema,
} from '../src-engine/protocol/ipc-schemas';
import { formatIssues } from '../src-engine/project';
import { DATA_FILE_EXTENSIONS, readDataFileForImport, withRelativeDataPath } from './data-files';
import { writeFileAtomic } from './files';
import { guarded } from './ipc-guard';
import type { MainState } from './main-state';
import { PROJECT_DIALOG_EXTENSIONS, PROJECT_FILE_PATTERN } from './open-file-args';
import { dialogStart, openProjectAt, rememberFile } from './project-open';

/** Registers the file handlers on `ipcMain`. Call once. */
export function registerFileIpc(state: MainState): void {
  const { appUrl, projectPaths } = state;

  ipcMain.handle(
    IPC.openProject,
    guarded(appUrl, async (event): Promise<FileResult> => {
      const win = BrowserWindow.fromWebContents(event.sender);
      const options = {
        defaultPath: dialogStart(state),
        properties: ['openFile' as const],
        filters: [{ name: 'LayerLab project', extensions: PROJECT_DIALOG_EXTENSIONS }],
      };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      if (picked.canceled || picked.filePaths.length === 0) return { ok: false, canceled: true };
      const path = picked.filePaths[0];
      return openProjectAt(state, event.sender, path);
    }),
  );

  ipcMain.handle(
    IPC.openDroppedFile,
    guarded(appUrl, async (event, payload): Promise<FileResult> => {
      const parsed = openDroppedFileRequestSchema.safeParse(payload);
      if (!parsed.success) return { ok: false, canceled: false, error: formatIssues(parsed.error) };
      const path = parsed.data;
      // The preload got this path from Electron for a File the user dropped; still, only
      // project files are read.
      if (!isAbsolute(path) || !PROJECT_FILE_PATTERN.test(path)) {
        return { ok: false, canceled: false, error: `${basename(path)} is not a LayerLab project (.layerlab.json or .layerlab).` };
      }
      return openProjectAt(state, event.sender, path);
    }),
  );

  ipcMain.handle(
    IPC.openDataFile,
    guarded(appUrl, async (event, payload): Promise<FileResult> => {
      const parsed = openDataFileRequestSchema.safeParse(payload);
      if (!parsed.success) return { ok: false, canceled: false, error: formatIssues(parsed.error) };
      // A string is the path the preload got from Electron for a dropped File.
      if (typeof parsed.data === 'string') return readDataFileForImport(parsed.data, MAX_DATA_FILE_BYTES);
      const win = BrowserWindow.fromWebContents(event.sender);
      const options = {
        defaultPath: dialogStart(state),
        properties: ['openFile' as const],
        filters: [{ name: 'CSV / TSV data', extensions: DATA_FILE_EXTENSIONS }],
      };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      if (picked.canceled || picked.filePaths.length === 0) return { ok: false, canceled: true };
      return readDataFileForImport(picked.filePaths[0], MAX_DATA_FILE_BYTES);
    }),
  );

  ipcMain.handle(
    IPC.saveProject,
    guarded(appUrl, async (event, payload): Promise<FileResult> => {
      const parsed = saveProjectRequestSchema.safeParse(payload);
      if (!parsed.success) return { ok: false, canceled: false, error: formatIssues(parsed.error) };
      let path = projectPaths.get(event.sender);
      if (!path || parsed.data.saveAs) {
        const win = BrowserWindow.fromWebContents(event.sender);
        const start = dialogStart(state);
        const name = basename(parsed.data.suggestedName);
        const options = {
          defaultPath: start ? join(start, name) : name,
          filters: [{ name: 'LayerLab project', extensions: PROJECT_DIALOG_EXTENSIONS }],
        };
        const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        if (picked.canceled || !picked.filePath) return { ok: false, canceled: true };
        path = picked.filePath;
      }
      try {
        await writeFileAtomic(path, withRelativeDataPath(path, parsed.data.text));
      } catch (e) {
        return { ok: false, canceled: false, error: `Could not save ${basename(path)}: ${(e as Error).message}` };
      }
      projectPaths.set(event.sender, path);
      rememberFile(state, path);
      return { ok: true, path: basename(path) };
    }),
  );

  ipcMain.handle(
    IPC.exportFile,
    guarded(appUrl, async (event, payload): Promise<FileResult> => {
      const parsed = exportFileRequestSchema.safeParse(payload);
      if (!parsed.success) return { ok: false, canceled: false, error: formatIssues(parsed.error) };
      const win = BrowserWindow.fromWebContents(event.sender);
      const start = dialogStart(state);
      const name = basename(parsed.data.suggestedName);
      const options = { defaultPath: start ? join(start, name) : name };
      const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (picked.canceled || !picked.filePath) return { ok: false, canceled: true };
      try {
        await writeFileAtomic(picked.filePath, parsed.data.text);
      } catch (e) {
        return { ok: false, canceled: false, error: `Could not write ${basename(picked.filePath)}: ${(e as Error).message}` };
      }
      return { ok: true, path: basename(picked.filePath) };
    }),
  );
}
