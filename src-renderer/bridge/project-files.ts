/**
 * Opening and saving project files: through the desktop API's dialogs in Electron; in the
 * browser through the File System Access API where the browser has it (Save writes back to
 * the opened file), else a file input and a download. Text is always parsed with the
 * project schema before anything is replaced.
 */
import { projectJsonPretty } from '../store/project-json';
import { parseProjectText, type Project } from '../../src-engine/project';
import type { ProjectDataFile } from '../../src-engine/protocol/ipc';
import { getDesktopApi } from './desktop-api';
import { hasFileSystemAccess, pickOpenHandle, pickSaveHandle, writeHandle, type FileHandleLike } from './file-system-access';
import { rememberRecent } from './recent-files';
import { downloadBlob } from './download';
import { readFileText } from './read-file';

export type OpenResult =
  /** `data`: the project's data file, when main read one for it (desktop, file-backed data set). */
  | { ok: true; project: Project; path: string | null; name: string; data?: ProjectDataFile }
  | { ok: false; canceled: true }
  | { ok: false; canceled: false; error: string };

export type SaveResult = { ok: true; path: string | null } | { ok: false; canceled: true } | { ok: false; canceled: false; error: string };

export const PROJECT_EXTENSION = '.layerlab.json';
const PROJECT_ACCEPT = '.json,.layerlab,application/json';

/** The browser file the open project came from or was saved to (File System Access only). */
let currentHandle: FileHandleLike | null = null;

/** Forgets the browser file handle: the next Save asks where (after New, restore, import). */
export function forgetCurrentFile(): void {
  currentHandle = null;
}

/** The project as saved: pretty JSON, so files diff well (the data set on one line, cached; see store/project-json.ts). */
export function serializeProject(project: Project): string {
  return projectJsonPretty(project);
}

/** A file name for `project`: its name in kebab-case plus `.layerlab.json`. */
export function suggestFileName(project: Project, extension = PROJECT_EXTENSION): string {
  const slug = project.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'project'}${extension}`;
}

/** Parses project text read from `name`; the error names the file. */
export function readProjectText(text: string, name: string, path: string | null): OpenResult {
  const parsed = parseProjectText(text);
  if (!parsed.ok) return { ok: false, canceled: false, error: `${name}: ${parsed.error}` };
  return { ok: true, project: parsed.value, path, name };
}

/** Asks the user for a project file and parses it. The open project is not touched. */
export async function openProjectFile(): Promise<OpenResult> {
  const api = getDesktopApi();
  if (api) {
    const r = await api.openProject();
    if (!r.ok) return r.canceled ? { ok: false, canceled: true } : { ok: false, canceled: false, error: r.error };
    if (r.text === undefined) return { ok: false, canceled: false, error: `The file ${r.path} could not be read.` };
    const parsed = readProjectText(r.text, r.path, r.path);
    return parsed.ok && r.data ? { ...parsed, data: r.data } : parsed;
  }
  if (hasFileSystemAccess()) {
    const handle = await pickOpenHandle(PROJECT_ACCEPT);
    if (!handle) return { ok: false, canceled: true };
    const file = await handle.getFile();
    const read = await readFileText(file);
    if (!read.ok) return { ok: false, canceled: false, error: read.error };
    const r = readProjectText(read.text, file.name, null);
    if (r.ok) {
      currentHandle = handle;
      void rememberRecent({ name: file.name, handle });
    }
    return r;
  }
  const file = await pickFile(PROJECT_ACCEPT);
  if (!file) return { ok: false, canceled: true };
  const read = await readFileText(file);
  if (!read.ok) return { ok: false, canceled: false, error: read.error };
  const text = read.text;
  const r = readProjectText(text, file.name, null);
  if (r.ok) {
    currentHandle = null;
    void rememberRecent({ name: file.name, text });
  }
  return r;
}

/**
 * Saves `project`: to its file (desktop, or the browser file it came from) unless `saveAs`;
 * otherwise where the user says, or as a download.
 */
export async function saveProjectFile(project: Project, saveAs: boolean): Promise<SaveResult> {
  const text = serializeProject(project);
  const name = suggestFileName(project);
  const api = getDesktopApi();
  if (api) {
    const r = await api.saveProject({ text, saveAs, suggestedName: name });
    if (!r.ok) return r.canceled ? { ok: false, canceled: true } : { ok: false, canceled: false, error: r.error };
    return { ok: true, path: r.path };
  }
  try {
    if (hasFileSystemAccess()) {
      const handle = !saveAs && currentHandle ? currentHandle : await pickSaveHandle(name, 'LayerLab project', PROJECT_EXTENSION);
      if (!handle) return { ok: false, canceled: true };
      await writeHandle(handle, text);
      currentHandle = handle;
      void rememberRecent({ name: handle.name, handle });
      return { ok: true, path: null };
    }
    download(text, name, 'application/json');
    void rememberRecent({ name, text });
    return { ok: true, path: null };
  } catch (e) {
    return { ok: false, canceled: false, error: (e as Error).message };
  }
}

/** Saves exported text (a model file): desktop dialog, save picker, or download. */
export async function exportTextFile(text: string, name: string, kind: 'model' | 'csv'): Promise<SaveResult> {
  const api = getDesktopApi();
  if (api) {
    const r = await api.exportFile({ text, suggestedName: name, kind });
    if (!r.ok) return r.canceled ? { ok: false, canceled: true } : { ok: false, canceled: false, error: r.error };
    return { ok: true, path: r.path };
  }
  try {
    if (hasFileSystemAccess()) {
      const handle = await pickSaveHandle(name, kind === 'model' ? 'LayerLab model' : 'CSV', kind === 'model' ? '.json' : '.csv');
      if (!handle) return { ok: false, canceled: true };
      await writeHandle(handle, text);
      return { ok: true, path: null };
    }
    download(text, name, kind === 'model' ? 'application/json' : 'text/csv');
    return { ok: true, path: null };
  } catch (e) {
    return { ok: false, canceled: false, error: (e as Error).message };
  }
}

/** Asks for a file with a file input (any build) and reads it (size-capped); null when canceled. */
export async function pickTextFile(accept: string): Promise<{ name: string; text: string } | { name: string; error: string } | null> {
  const file = await pickFile(accept);
  if (!file) return null;
  const read = await readFileText(file);
  return read.ok ? { name: file.name, text: read.text } : { name: file.name, error: read.error };
}

/** Opens the browser's file picker; resolves null when the user cancels. */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/** Offers `text` as a file download. */
function download(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}
