/**
 * Opening and saving project files: through the desktop API's dialogs in Electron, through a
 * file input and a download in the browser build.
 */
import { parseProjectText, type Project } from '../../src-engine/project';
import { getDesktopApi } from './desktop-api';

export type OpenResult =
  | { ok: true; project: Project; path: string | null }
  | { ok: false; canceled: true }
  | { ok: false; canceled: false; error: string };

export type SaveResult = { ok: true; path: string | null } | { ok: false; canceled: true } | { ok: false; canceled: false; error: string };

/** The project as saved: pretty JSON, so files diff well. */
export function serializeProject(project: Project): string {
  return `${JSON.stringify(project, null, 2)}\n`;
}

/** A file name for `project`: its name in kebab-case plus `.layerlab.json`. */
export function suggestFileName(project: Project): string {
  const slug = project.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'project'}.layerlab.json`;
}

/** Asks the user for a project file and parses it. */
export async function openProjectFile(): Promise<OpenResult> {
  const api = getDesktopApi();
  let text: string;
  let path: string | null = null;
  if (api) {
    const r = await api.openProject();
    if (!r.ok) return r.canceled ? { ok: false, canceled: true } : { ok: false, canceled: false, error: r.error };
    if (r.text === undefined) return { ok: false, canceled: false, error: `The file ${r.path} could not be read.` };
    text = r.text;
    path = r.path;
  } else {
    const file = await pickFile('.json,application/json');
    if (!file) return { ok: false, canceled: true };
    text = await file.text();
  }
  const parsed = parseProjectText(text);
  return parsed.ok ? { ok: true, project: parsed.value, path } : { ok: false, canceled: false, error: parsed.error };
}

/** Saves `project`: to its file (desktop; a dialog when there is none or `saveAs`), or as a download. */
export async function saveProjectFile(project: Project, saveAs: boolean): Promise<SaveResult> {
  const text = serializeProject(project);
  const api = getDesktopApi();
  if (api) {
    const r = await api.saveProject({ text, saveAs, suggestedName: suggestFileName(project) });
    if (!r.ok) return r.canceled ? { ok: false, canceled: true } : { ok: false, canceled: false, error: r.error };
    return { ok: true, path: r.path };
  }
  download(text, suggestFileName(project), 'application/json');
  return { ok: true, path: null };
}

/** Opens the browser's file picker; resolves null when the user cancels. */
function pickFile(accept: string): Promise<File | null> {
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
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: Chromium starts the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
