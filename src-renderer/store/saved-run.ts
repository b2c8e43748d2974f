/**
 * Saving the run: every checkpoint the trainer sends (every N seconds while running, and on
 * every pause) is written beside the autosave together with the run's project, so after a
 * restart the app offers to continue the run exactly where it stopped: same next batch,
 * same optimizer state (src-engine/checkpoint.ts). A completed run or a Reset forgets it.
 *
 * Where it goes is a `SavedRunTarget`: main on the desktop (validated, size-capped, atomic
 * file in the app's data folder) or IndexedDB in the browser. Records travel as plain data
 * (structured clone), never as JSON built on the UI thread.
 */
import { createCheckpointRecord, readCheckpointRecordHead, type CheckpointRecord, type CheckpointRecordHead } from '../../src-engine/checkpoint-record';
import type { AppStore } from './app-store';
import type { RunCheckpoint } from './types';

/** Where the saved run is kept. */
export interface SavedRunTarget {
  /** Writes the record, or forgets the saved run when `record` is null. */
  write(record: CheckpointRecord | null): Promise<void>;
  /** The saved record as stored (validated by the caller), or null. */
  read(): Promise<unknown>;
}

/** The offer to continue a saved run, or null for a missing or invalid record (never throws). */
export function toSavedRunOffer(raw: unknown): CheckpointRecordHead | null {
  if (raw === null || raw === undefined) return null;
  const head = readCheckpointRecordHead(raw);
  return head.ok ? head.value : null;
}

/**
 * Watches the store's `lastCheckpoint` and writes each new one to `target` (null when it is
 * cleared). Writes never overlap; while one is under way only the newest checkpoint waits.
 * A failing write is passed to `onError` (the app shows it as a notice). Returns `stop`.
 */
export function startSavedRun(
  store: AppStore,
  target: SavedRunTarget,
  deps: { now(): number; onError(message: string): void },
): { stop(): void; idle(): Promise<void> } {
  let writing: Promise<void> | null = null;
  let pending: { value: RunCheckpoint | null } | null = null;

  const write = (value: RunCheckpoint | null): Promise<void> => {
    if (writing) {
      pending = { value };
      return writing;
    }
    const record = value ? createCheckpointRecord(value.project, value.checkpoint, deps.now()) : null;
    writing = target
      .write(record)
      .catch((e: unknown) => deps.onError(e instanceof Error ? e.message : String(e)))
      .finally(() => {
        writing = null;
        const next = pending;
        pending = null;
        if (next) void write(next.value);
      });
    return writing;
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.lastCheckpoint !== prev.lastCheckpoint) void write(s.lastCheckpoint);
  });
  return {
    stop: unsubscribe,
    /** Resolves when no write is under way or waiting (for tests). */
    async idle() {
      while (writing) await writing;
    },
  };
}
