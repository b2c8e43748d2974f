/**
 * Opening project files in main: reading one (with its data file) for a window, binding it
 * as that window's project, and remembering it in the recent lists. Used by the window (files
 * the OS hands over) and by the file IPC handlers (dialogs, drops).
 */
import { app, type WebContents } from 'electron';
import { basename, dirname } from 'node:path';
import { IPC, type FileResult, type OpenedFile } from '../src-engine/protocol/ipc';
import { MAX_DATA_FILE_BYTES, MAX_PROJECT_BYTES } from '../src-engine/protocol/ipc-schemas';
import { readProjectDataFile } from './data-files';
import { readTextFile } from './files';
import type { MainState } from './main-state';
import { addRecentFile } from './settings';

/** Adds `path` to the OS's and LayerLab's recent documents and remembers its folder. */
export function rememberFile(state: MainState, path: string): void {
  app.addRecentDocument(path);
  state.settings?.update((s) => ({ ...s, lastFolder: dirname(path), recentFiles: addRecentFile(s.recentFiles, path, process.platform) }));
}

/** The folder dialogs start in: the last one a project was opened from or saved to. */
export function dialogStart(state: MainState): string | undefined {
  const folder = state.settings?.current.lastFolder;
  return folder ?? undefined;
}

/** Reads `path` and hands it to the window's page; remembers it as the window's project. */
export async function deliverFile(state: MainState, contents: WebContents, path: string): Promise<void> {
  const read = await readTextFile(path, MAX_PROJECT_BYTES);
  if (contents.isDestroyed()) return;
  const name = basename(path);
  const data = read.ok ? await readProjectDataFile(path, read.text, MAX_DATA_FILE_BYTES) : undefined;
  if (contents.isDestroyed()) return;
  const message: OpenedFile = read.ok ? { ok: true, name, text: read.text, ...(data && { data }) } : { ok: false, name, error: read.error };
  if (read.ok) {
    state.projectPaths.set(contents, path);
    rememberFile(state, path);
  }
  contents.send(IPC.openFile, message);
}

/** Reads the project at `path` (chosen by a dialog or dropped by the user) for `sender`, and binds it as that window's file. */
export async function openProjectAt(state: MainState, sender: WebContents, path: string): Promise<FileResult> {
  const read = await readTextFile(path, MAX_PROJECT_BYTES);
  if (!read.ok) return { ok: false, canceled: false, error: read.error };
  state.projectPaths.set(sender, path);
  rememberFile(state, path);
  const data = await readProjectDataFile(path, read.text, MAX_DATA_FILE_BYTES);
  return { ok: true, path: basename(path), text: read.text, ...(data && { data }) };
}
