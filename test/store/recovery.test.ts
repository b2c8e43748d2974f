/** After a trainer crash or a diverged run, the user resumes from the last weights received. */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src-renderer/store/app-store';
import { createFakeConnection, status } from './fixtures';
import { PROTOCOL_VERSION } from '../../src-engine/protocol/messages';

function setup() {
  let n = 0;
  const store = createAppStore(undefined, { now: () => 0, newRunId: () => `run-${++n}`, afterFrame: () => undefined });
  const connection = createFakeConnection();
  store.getState().attachTrainer(connection);
  return { store, connection };
}

const snapshot = (runId: string) => ({
  v: PROTOCOL_VERSION,
  type: 'snapshot' as const,
  runId,
  seq: 1,
  step: 40,
  layers: [{ nodeId: 'output', inputs: 8, units: 1, weights: new Array(8).fill(0.25), bias: [0.5], weightNorm: 1, gradNorm: 0.1, meanAbsGrad: 0.01 }],
});

describe('recovery', () => {
  it('resumes from the last weights after the trainer died', () => {
    const { store, connection } = setup();
    expect(store.getState().resumeFromLastWeights()).toBe(false);
    store.getState().train();
    connection.deliver(status('run-1', 'running'));
    connection.deliver(snapshot('run-1'));
    store.getState().trainerLost('The trainer process exited unexpectedly (code 9).');
    expect(store.getState().run.state).toBe('failed');
    expect(store.getState().notices.at(-1)).toMatchObject({ code: 'trainer-exit' });

    expect(store.getState().resumeFromLastWeights()).toBe(true);
    expect(connection.sent.at(-1)).toMatchObject({
      type: 'start',
      runId: 'run-2',
      resumeFrom: { type: 'weights', layers: [{ nodeId: 'output', weights: new Array(8).fill(0.25), bias: [0.5] }] },
    });
    expect(store.getState().notices).toEqual([]);
  });

  it('lowers the learning rate tenfold (an undoable edit) when resuming a diverged run', () => {
    const { store, connection } = setup();
    const lr = store.getState().project.training.optimizer.lr;
    store.getState().train();
    connection.deliver(status('run-1', 'running'));
    connection.deliver(snapshot('run-1'));
    connection.deliver({ v: PROTOCOL_VERSION, type: 'error', runId: 'run-1', code: 'diverged', message: 'Step 41: the loss is NaN…', nodeId: 'output' });
    connection.deliver({ v: PROTOCOL_VERSION, type: 'done', runId: 'run-1', reason: 'diverged', step: 41, epoch: 2 });
    expect(store.getState().run.state).toBe('failed');
    expect(store.getState().resumeFromLastWeights(0.1)).toBe(true);
    expect(store.getState().project.training.optimizer.lr).toBeCloseTo(lr * 0.1, 15);
    const start = connection.sent.at(-1) as { type: string; project: { training: { optimizer: { lr: number } } } };
    expect(start.project.training.optimizer.lr).toBeCloseTo(lr * 0.1, 15);
    store.getState().undoEdit();
    expect(store.getState().project.training.optimizer.lr).toBe(lr);
  });
});
