/**
 * Recent projects of the browser build (the desktop app's are in its native File menu).
 * Kept in IndexedDB: a File System Access handle where the browser gives one (reopened after
 * the user allows it), else the text as last opened or saved.
 */
import { idbGet, idbSet } from './idb';
import { readFileText } from './read-file';
import type { FileHandleLike } from './file-system-access';

export const MAX_RECENT = 8;
const RECENT_KEY = 'recent-files';

export interface RecentFile {
  name: string;
  /** When it was last opened or saved (epoch ms). */
  at: number;
  handle?: FileHandleLike;
  text?: string;
}

/** Recent files, newest first; [] when none or storage is unavailable. */
export async function listRecent(): Promise<RecentFile[]> {
  try {
    const list = await idbGet<RecentFile[]>(RECENT_KEY);
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

/** Puts a file first in the list (replacing an entry of the same name). Never throws. */
export async function rememberRecent(entry: Omit<RecentFile, 'at'>): Promise<void> {
  try {
    const list = (await listRecent()).filter((r) => r.name !== entry.name);
    await idbSet(RECENT_KEY, [{ ...entry, at: Date.now() }, ...list].slice(0, MAX_RECENT));
  } catch {
    // Recent files are a convenience; a browser without storage simply has none.
  }
}

/** Reads a recent file's text, asking for permission when the handle needs it. */
export async function readRecent(entry: RecentFile): Promise<string> {
  if (entry.handle) {
    const h = entry.handle;
    if (h.queryPermission && (await h.queryPermission({ mode: 'read' })) !== 'granted') {
      if ((await h.requestPermission?.({ mode: 'read' })) !== 'granted') throw new Error(`LayerLab may not read ${entry.name}.`);
    }
    const read = await readFileText(await h.getFile());
    if (!read.ok) throw new Error(read.error);
    return read.text;
  }
  if (entry.text !== undefined) return entry.text;
  throw new Error(`${entry.name} is no longer available.`);
}
