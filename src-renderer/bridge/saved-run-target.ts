/**
 * Where the saved run goes (see store/saved-run.ts): main on the desktop, which validates
 * the record, caps its size and writes it atomically beside the autosave; else IndexedDB
 * (browser build), where one put is one transaction that commits whole or not at all.
 */
import type { DesktopApi } from '../../src-engine/protocol/ipc';
import type { SavedRunTarget } from '../store/saved-run';
import { idbDelete, idbGet, idbSet } from './idb';

const SAVED_RUN_KEY = 'saved-run';

export function createSavedRunTarget(api: DesktopApi | null): SavedRunTarget {
  if (api?.saveCheckpoint && api.readCheckpoint) {
    const { saveCheckpoint, readCheckpoint } = api;
    return {
      async write(record) {
        const r = await saveCheckpoint(record);
        if (!r.ok) throw new Error(r.error);
      },
      read: () => readCheckpoint().catch(() => null),
    };
  }
  return {
    write: (record) => (record ? idbSet(SAVED_RUN_KEY, record) : idbDelete(SAVED_RUN_KEY)),
    read: async () => {
      try {
        return (await idbGet<unknown>(SAVED_RUN_KEY)) ?? null;
      } catch {
        return null;
      }
    },
  };
}
