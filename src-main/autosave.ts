/**
 * The desktop autosave record: one file in the app's data folder, replaced atomically on
 * every write (temporary file, fsync, rename), so a crash or power loss leaves either the
 * previous record or the new one, never a torn file. What it contains is the renderer's
 * business (a JSON record with the project); main only bounds its size.
 */
import { join } from 'node:path';
import { readTextFile, writeFileAtomic } from './files';

export const AUTOSAVE_FILE = 'autosave.layerlab.json';

export interface AutosaveStore {
  write(text: unknown): Promise<{ ok: true } | { ok: false; error: string }>;
  read(): Promise<string | null>;
}

/** An autosave store in `folder` (the app's userData folder) for texts up to `maxBytes`. */
export function createAutosaveStore(folder: string, maxBytes: number): AutosaveStore {
  const path = join(folder, AUTOSAVE_FILE);
  return {
    async write(text) {
      if (typeof text !== 'string') return { ok: false, error: 'Autosave refused: the record is not text.' };
      if (text.length > maxBytes) return { ok: false, error: 'Autosave refused: the project is larger than LayerLab saves.' };
      try {
        await writeFileAtomic(path, text);
        return { ok: true };
      } catch (e) {
        return { ok: false, error: `Autosave failed: ${(e as Error).message}` };
      }
    },
    async read() {
      const r = await readTextFile(path, maxBytes);
      return r.ok ? r.text : null;
    },
  };
}
