/**
 * Where autosave writes: the app's data folder through the desktop API (main writes a
 * temporary file and renames it, so a record is never torn), else IndexedDB (browser build,
 * or a desktop main that does not implement autosave yet). An IndexedDB put is one
 * transaction: it commits whole or not at all.
 */
import type { DesktopApi } from '../../src-engine/protocol/ipc';
import type { AutosaveTarget } from '../store/autosave';
import { idbGet, idbSet } from './idb';

const AUTOSAVE_KEY = 'autosave';

export function createAutosaveTarget(api: DesktopApi | null): AutosaveTarget {
  if (api?.autosave && api.readAutosave) {
    const { autosave, readAutosave } = api;
    return {
      async write(text) {
        const r = await autosave(text);
        if (!r.ok) throw new Error(r.error);
      },
      read: () => readAutosave().catch(() => null),
    };
  }
  return {
    write: (text) => idbSet(AUTOSAVE_KEY, text),
    read: async () => {
      try {
        const v = await idbGet<unknown>(AUTOSAVE_KEY);
        return typeof v === 'string' ? v : null;
      } catch {
        return null;
      }
    },
  };
}
