/**
 * Reading a data file for the import worker: on the desktop through main (a real path, the
 * file dialog filtered to csv/tsv/txt, or a dropped file's path), in the browser from a
 * File's bytes. Never throws.
 */
import type { FileResult } from '../../src-engine/protocol/ipc';
import { getDesktopApi } from '../bridge/desktop-api';

/** A file to import: where it is (a real path on the desktop, the name in the browser) and its content. */
export interface DataSource {
  name: string;
  path: string;
  content: { bytes: ArrayBuffer } | { text: string };
}

export type SourceResult = { ok: true; source: DataSource } | { ok: false; canceled: boolean; error: string };

const fileNameOf = (path: string) => path.split(/[\\/]/).pop() || path;

/** Whether files must be read through main (the desktop app), which gives their real paths. */
export function readsThroughMain(): boolean {
  return typeof getDesktopApi()?.openDataFile === 'function';
}

/** Desktop: shows main's open dialog (csv/tsv/txt) and reads the chosen file. */
export async function chooseThroughMain(): Promise<SourceResult> {
  const api = getDesktopApi();
  if (!api?.openDataFile) return { ok: false, canceled: false, error: 'This build cannot open data files through the desktop app.' };
  return fromMain(await api.openDataFile());
}

/** A picked or dropped File: through main on the desktop (for its real path), else its bytes. */
export async function sourceFromFile(file: File): Promise<SourceResult> {
  const api = getDesktopApi();
  if (api?.openDataFile) return fromMain(await api.openDataFile(file));
  try {
    return { ok: true, source: { name: file.name, path: file.name, content: { bytes: await file.arrayBuffer() } } };
  } catch (e) {
    return { ok: false, canceled: false, error: `Could not read ${file.name}: ${(e as Error).message}` };
  }
}

function fromMain(r: FileResult): SourceResult {
  if (!r.ok) return r.canceled ? { ok: false, canceled: true, error: '' } : { ok: false, canceled: false, error: r.error };
  if (r.text === undefined) return { ok: false, canceled: false, error: `${fileNameOf(r.path)} could not be read.` };
  return { ok: true, source: { name: fileNameOf(r.path), path: r.path, content: { text: r.text } } };
}
