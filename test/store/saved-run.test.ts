/**
 * The saved run: every checkpoint of the current run is written beside the autosave with the
 * run's project; after a restart the app offers it and continues from exactly that state.
 */
import { describe, expect, it } from 'vitest';
import { createCheckpointRecord, type CheckpointRecord } from '../../src-engine/checkpoint-record';
import { createSpiralExample } from '../../src-engine/examples';
import { createTrainingSession } from '../../src-engine/training-session';
import type { Checkpoint } from '../../src-engine/checkpoint';
import { createAppStore } from '../../src-renderer/store/app-store';
import { startSavedRun, toSavedRunOffer, type SavedRunTarget } from '../../src-renderer/store/saved-run';
import { createFakeConnection, status } from './fixtures';
import { PROTOCOL_VERSION } from '../../src-engine/protocol/messages';

function checkpointAfter(steps: number): Checkpoint {
  const created = createTrainingSession(createSpiralExample());
  if (!created.ok) throw new Error(created.error);
  for (let i = 0; i < steps; i++) created.session.trainStep();
  return created.session.checkpoint();
}

function memoryTarget() {
  const writes: (CheckpointRecord | null)[] = [];
  const target: SavedRunTarget = {
    async write(record) {
      // Structured clone, as IPC and IndexedDB do.
      writes.push(structuredClone(record));
    },
    read: async () => writes.at(-1) ?? null,
  };
  return { target, writes };
}

function setup() {
  let n = 0;
  const store = createAppStore(undefined, { now: () => 0, newRunId: () => `run-${++n}`, afterFrame: () => undefined });
  const connection = createFakeConnection();
  store.getState().attachTrainer(connection);
  const memory = memoryTarget();
  const errors: string[] = [];
  const saver = startSavedRun(store, memory.target, { now: () => 1234, onError: (m) => errors.push(m) });
  return { store, connection, ...memory, saver, errors };
}

const checkpointMessage = (runId: string, checkpoint: Checkpoint, reason: 'interval' | 'pause' = 'pause') => ({
  v: PROTOCOL_VERSION,
  type: 'checkpoint' as const,
  runId,
  reason,
  checkpoint,
});

describe('saving the run for a restart', () => {
  it('writes each checkpoint of the current run with the project it runs, and drops other runs’ checkpoints', async () => {
    const { store, connection, writes, saver } = setup();
    store.getState().train();
    const project = store.getState().runProject;
    connection.deliver(status('run-1', 'running'));
    const first = checkpointAfter(5);
    connection.deliver(checkpointMessage('run-1', first, 'interval'));
    connection.deliver(checkpointMessage('run-0', checkpointAfter(2))); // a stale run
    await saver.idle();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toEqual({ format: 'layerlab-saved-run', version: 1, savedAt: 1234, project, checkpoint: first });
    const second = checkpointAfter(9);
    connection.deliver(checkpointMessage('run-1', second));
    await saver.idle();
    expect(writes.at(-1)?.checkpoint.step).toBe(9);
  });

  it('forgets the saved run on Reset and when the run completes, never at start', async () => {
    const { store, connection, writes, saver } = setup();
    store.getState().reset(); // nothing saved yet: nothing is written (the last session's run stays)
    await saver.idle();
    expect(writes).toEqual([]);
    store.getState().train();
    connection.deliver(checkpointMessage('run-1', checkpointAfter(3)));
    store.getState().reset();
    await saver.idle();
    expect(writes.at(-1)).toBeNull();

    store.getState().train();
    connection.deliver(checkpointMessage('run-2', checkpointAfter(3)));
    connection.deliver({ v: PROTOCOL_VERSION, type: 'done', runId: 'run-2', reason: 'completed', step: 100, epoch: 10 });
    await saver.idle();
    expect(writes.at(-1)).toBeNull();
  });

  it('keeps only the newest checkpoint waiting while a slow write is under way', async () => {
    const store = createAppStore(undefined, { now: () => 0, newRunId: () => 'run-1', afterFrame: () => undefined });
    const connection = createFakeConnection();
    store.getState().attachTrainer(connection);
    const started: number[] = [];
    let release: () => void = () => undefined;
    const target: SavedRunTarget = {
      write: (record) => {
        started.push(record?.checkpoint.step ?? -1);
        return new Promise<void>((resolve) => (release = resolve));
      },
      read: async () => null,
    };
    const saver = startSavedRun(store, target, { now: () => 0, onError: () => undefined });
    store.getState().train();
    for (const steps of [1, 2, 3]) connection.deliver(checkpointMessage('run-1', checkpointAfter(steps)));
    expect(started).toEqual([1]);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([1, 3]);
    release();
    await saver.idle();
  });

  it('reports a failed write (a full disk, a record main refused)', async () => {
    const store = createAppStore(undefined, { now: () => 0, newRunId: () => 'run-1', afterFrame: () => undefined });
    const connection = createFakeConnection();
    store.getState().attachTrainer(connection);
    const errors: string[] = [];
    const saver = startSavedRun(store, { write: () => Promise.reject(new Error('disk full')), read: async () => null }, { now: () => 0, onError: (m) => errors.push(m) });
    store.getState().train();
    connection.deliver(checkpointMessage('run-1', checkpointAfter(1)));
    await saver.idle();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toEqual(['disk full']);
  });
});

describe('continuing a saved run', () => {
  it('offers the saved run with its step and epoch, and starts the next run from exactly that checkpoint', async () => {
    const checkpoint = checkpointAfter(37);
    const record = structuredClone(createCheckpointRecord(createSpiralExample(), checkpoint, 99));
    const offer = toSavedRunOffer(record);
    expect(offer).toMatchObject({ step: 37, epoch: checkpoint.epoch, savedAt: 99 });

    const { store, connection } = setup();
    expect(store.getState().continueFromCheckpoint(offer?.checkpoint)).toBe(true);
    const start = connection.sent.at(-1) as { type: string; resumeFrom: { type: string; checkpoint: unknown } };
    expect(start.type).toBe('start');
    expect(start.resumeFrom).toEqual({ type: 'checkpoint', checkpoint });
    // The saved run now belongs to the continued run: Reset forgets it.
    expect(store.getState().lastCheckpoint?.checkpoint).toEqual(checkpoint);
    store.getState().reset();
    expect(store.getState().lastCheckpoint).toBeNull();
  });

  it('offers nothing for a missing, damaged or newer record', () => {
    const record = createCheckpointRecord(createSpiralExample(), checkpointAfter(2), 1);
    expect(toSavedRunOffer(null)).toBeNull();
    expect(toSavedRunOffer('not a record')).toBeNull();
    expect(toSavedRunOffer({ ...record, version: 2 })).toBeNull();
    expect(toSavedRunOffer({ ...record, format: 'layerlab-autosave' })).toBeNull();
    expect(toSavedRunOffer({ ...record, project: { ...record.project, graph: null } })).toBeNull();
    expect(toSavedRunOffer({ ...record, checkpoint: { ...record.checkpoint, step: -1 } })).toBeNull();
  });
});
