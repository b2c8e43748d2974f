/**
 * The desktop saved run: one file in the app's data folder, beside the autosave, holding the
 * latest checkpoint of a training run and its project (src-engine/checkpoint-record.ts).
 * Every write is validated in full and size-capped, then written atomically (temporary file,
 * fsync, rename), so a crash leaves the previous saved run or the new one, never a torn one.
 * A record that does not validate when read is ignored (null), never half-used.
 */
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCheckpointRecord, type CheckpointRecord } from '../src-engine/checkpoint-record';
import { readTextFile, writeFileAtomic } from './files';

export const CHECKPOINT_FILE = 'run.layerlab-checkpoint.json';

export interface CheckpointStore {
  /** Writes a record, or deletes the saved run when `record` is null. */
  write(record: unknown): Promise<{ ok: true } | { ok: false; error: string }>;
  /** The saved run, or null when there is none or it does not validate. */
  read(): Promise<CheckpointRecord | null>;
}

/** A saved-run store in `folder` (the app's userData folder) for records up to `maxBytes` of JSON. */
export function createCheckpointStore(folder: string, maxBytes: number): CheckpointStore {
  const path = join(folder, CHECKPOINT_FILE);
  return {
    async write(record) {
      if (record === null) {
        await unlink(path).catch(() => undefined);
        return { ok: true };
      }
      const parsed = parseCheckpointRecord(record);
      if (!parsed.ok) return { ok: false, error: `The run was not saved: ${parsed.error}` };
      const text = JSON.stringify(parsed.value);
      if (text.length > maxBytes) {
        return { ok: false, error: `The run was not saved: its checkpoint is ${(text.length / 1048576).toFixed(0)} MB; LayerLab saves up to ${(maxBytes / 1048576).toFixed(0)} MB.` };
      }
      try {
        await writeFileAtomic(path, text);
        return { ok: true };
      } catch (e) {
        return { ok: false, error: `The run was not saved: ${(e as Error).message}` };
      }
    },
    async read() {
      const r = await readTextFile(path, maxBytes);
      if (!r.ok) return null;
      let raw: unknown;
      try {
        raw = JSON.parse(r.text);
      } catch {
        return null;
      }
      const parsed = parseCheckpointRecord(raw);
      return parsed.ok ? parsed.value : null;
    },
  };
}
