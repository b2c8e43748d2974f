/** Speed control and live snapshots: what the store sends to the trainer and keeps. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEED } from '../../src-renderer/store/run-slice';
import { setupStoreWithFrames, status } from './fixtures';
import { PROTOCOL_VERSION } from '../../src-engine/protocol/messages';

const setup = setupStoreWithFrames;

const snapshot = (runId: string, seq: number) => ({
  v: PROTOCOL_VERSION,
  type: 'snapshot' as const,
  runId,
  seq,
  step: seq * 10,
  layers: [{ nodeId: 'output', inputs: 8, units: 1, weights: new Array(8).fill(0.5), bias: [0], weightNorm: 1, gradNorm: 0.1, meanAbsGrad: 0.01 }],
});

describe('speed', () => {
  it('starts a run at the chosen speed and changes the speed of a running one', () => {
    const { store, connection } = setup();
    store.getState().train();
    expect(connection.sent[0]).toMatchObject({ type: 'start', runId: 'run-1', stepsPerSecond: DEFAULT_SPEED });
    connection.deliver(status('run-1', 'running'));
    store.getState().setSpeed(0);
    expect(connection.sent.at(-1)).toEqual({ v: PROTOCOL_VERSION, type: 'set-speed', runId: 'run-1', stepsPerSecond: 0 });
    expect(store.getState().undo.past).toHaveLength(0);
  });

  it('keeps the speed for the next run when no run is active', () => {
    const { store, connection } = setup();
    store.getState().setSpeed(10);
    expect(connection.sent).toHaveLength(0);
    store.getState().train();
    expect(connection.sent[0]).toMatchObject({ type: 'start', stepsPerSecond: 10 });
  });

  it('runs at a watchable speed by default, not flat out', () => {
    // The example's loss falls over its first ~1,000-2,000 steps: 10-20 s at this speed.
    expect(DEFAULT_SPEED).toBeGreaterThanOrEqual(50);
    expect(DEFAULT_SPEED).toBeLessThanOrEqual(200);
  });
});

describe('snapshots', () => {
  it('keeps the latest snapshot and acknowledges it after the frame is drawn', () => {
    const { store, connection, drawFrame } = setup();
    store.getState().train();
    connection.deliver(snapshot('run-1', 1));
    expect(store.getState().snapshot).toMatchObject({ runId: 'run-1', seq: 1, step: 10 });
    expect(connection.sent.some((m) => m.type === 'snapshot-ack')).toBe(false);
    drawFrame();
    expect(connection.sent.at(-1)).toEqual({ v: PROTOCOL_VERSION, type: 'snapshot-ack', runId: 'run-1', seq: 1 });
    expect(store.getState().undo.past).toHaveLength(0);
    expect(store.getState().dirty).toBe(false);
  });

  it('drops snapshots of other runs and does not acknowledge a run reset before the frame', () => {
    const { store, connection, drawFrame } = setup();
    store.getState().train();
    connection.deliver(snapshot('run-old', 4));
    expect(store.getState().snapshot).toBeNull();
    connection.deliver(snapshot('run-1', 2));
    store.getState().reset();
    drawFrame();
    expect(connection.sent.some((m) => m.type === 'snapshot-ack')).toBe(false);
    expect(store.getState().snapshot).toBeNull();
  });

  it('remembers the project the run started with, for model export', () => {
    const { store } = setup();
    const started = store.getState().project;
    store.getState().train();
    store.getState().updateNodeData('hidden1', { units: 3 });
    expect(store.getState().runProject).toBe(started);
  });
});
