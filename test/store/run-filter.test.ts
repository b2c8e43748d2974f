import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src-renderer/store/app-store';
import { isForCurrentRun } from '../../src-renderer/store/run-status';
import { createFakeConnection, metrics, status } from './fixtures';
import { PROTOCOL_VERSION, stepColumnsFrom } from '../../src-engine/protocol/messages';

function setup() {
  let n = 0;
  let clock = 0;
  const store = createAppStore(undefined, { now: () => clock, newRunId: () => `run-${++n}` });
  const connection = createFakeConnection();
  store.getState().attachTrainer(connection);
  return { store, connection, tick: (ms: number) => (clock += ms) };
}

describe('trainer messages of other runs are dropped', () => {
  it('accepts metrics and status of the current run', () => {
    const { store, connection } = setup();
    store.getState().train();
    connection.deliver(status('run-1', 'running', 3));
    connection.deliver(metrics('run-1', [0.9, 0.8, 0.7]));
    const s = store.getState();
    expect(s.run).toMatchObject({ runId: 'run-1', state: 'running', step: 3, epochs: 10 });
    expect(s.history.stepY).toEqual([0.9, 0.8, 0.7]);
    expect(s.history.lastLoss).toBe(0.7);
  });

  it('ignores metrics of a run that is not the current one', () => {
    const { store, connection } = setup();
    store.getState().train();
    connection.deliver(metrics('run-old', [5, 5, 5]));
    connection.deliver(status('run-old', 'done', 999));
    const s = store.getState();
    expect(s.history.received).toBe(0);
    expect(s.run.state).toBe('starting');
  });

  it('drops late messages of a run after Reset', () => {
    const { store, connection } = setup();
    store.getState().train();
    connection.deliver(status('run-1', 'running'));
    connection.deliver(metrics('run-1', [1, 0.5]));
    store.getState().reset();
    expect(connection.sent.at(-1)).toMatchObject({ type: 'stop', runId: 'run-1' });
    connection.deliver(metrics('run-1', [0.4]));
    connection.deliver(status('run-1', 'running', 50));
    const s = store.getState();
    expect(s.run.state).toBe('idle');
    expect(s.run.runId).toBeNull();
    expect(s.history.received).toBe(0);
  });

  it('gives every Train a fresh run id and shows only the newest run', () => {
    const { store, connection } = setup();
    store.getState().train();
    connection.deliver(status('run-1', 'running'));
    store.getState().stop();
    connection.deliver({ v: PROTOCOL_VERSION, type: 'done', runId: 'run-1', reason: 'stopped', step: 4, epoch: 0 });
    expect(store.getState().run.state).toBe('stopped');
    store.getState().train();
    expect(connection.sent.filter((m) => m.type === 'start').map((m) => m.runId)).toEqual(['run-1', 'run-2']);
    connection.deliver(metrics('run-1', [9]));
    connection.deliver(metrics('run-2', [0.3]));
    expect(store.getState().history.stepY).toEqual([0.3]);
  });

  it('shows errors that belong to no run, and errors of the current run', () => {
    const { store, connection } = setup();
    store.getState().train();
    connection.deliver({ v: PROTOCOL_VERSION, type: 'error', runId: null, code: 'bad-message', message: 'Malformed message "x".' });
    connection.deliver({ v: PROTOCOL_VERSION, type: 'error', runId: 'run-0', code: 'diverged', message: 'old run' });
    connection.deliver({ v: PROTOCOL_VERSION, type: 'error', runId: 'run-1', code: 'invalid-project', message: 'Bad layer.', nodeId: 'hidden1' });
    const s = store.getState();
    expect(s.notices.map((n) => n.message)).toEqual(['Malformed message "x".', 'Bad layer.']);
    expect(s.notices[1].nodeId).toBe('hidden1');
    expect(s.run.state).toBe('failed');
  });

  it('classifies messages by run id', () => {
    expect(isForCurrentRun('a', { v: PROTOCOL_VERSION, type: 'ready', host: 'test' })).toBe(true);
    expect(isForCurrentRun(null, { v: PROTOCOL_VERSION, type: 'metrics', runId: 'a', steps: stepColumnsFrom([]), epochs: [] })).toBe(false);
    expect(isForCurrentRun('a', { v: PROTOCOL_VERSION, type: 'metrics', runId: 'a', steps: stepColumnsFrom([]), epochs: [] })).toBe(true);
  });
});

describe('run controls', () => {
  it('Step from idle starts a paused run and steps one batch', () => {
    const { store, connection } = setup();
    store.getState().step();
    expect(connection.sent).toEqual([
      expect.objectContaining({ type: 'start', runId: 'run-1', paused: true }),
      { v: PROTOCOL_VERSION, type: 'step', runId: 'run-1', unit: 'batch', count: 1 },
    ]);
  });

  it('Pause and Resume are sent only in the matching state', () => {
    const { store, connection } = setup();
    store.getState().train();
    store.getState().pause();
    expect(connection.sent).toHaveLength(1);
    connection.deliver(status('run-1', 'running'));
    store.getState().pause();
    connection.deliver(status('run-1', 'paused'));
    store.getState().resume();
    expect(connection.sent.map((m) => m.type)).toEqual(['start', 'pause', 'resume']);
  });

  it('counts elapsed time only while running', () => {
    const { store, connection, tick } = setup();
    store.getState().train();
    tick(100);
    connection.deliver(status('run-1', 'running'));
    tick(1000);
    connection.deliver(status('run-1', 'paused'));
    tick(5000);
    expect(store.getState().run.activeMs).toBe(1000);
    expect(store.getState().run.runningSince).toBeNull();
  });

  it('sends a new learning rate to the running run', () => {
    const { store, connection } = setup();
    store.getState().train();
    connection.deliver(status('run-1', 'running'));
    const opt = store.getState().project.training.optimizer;
    store.getState().updateTraining({ optimizer: { ...opt, lr: 0.1 } });
    expect(connection.sent.at(-1)).toEqual({ v: PROTOCOL_VERSION, type: 'set-hyperparameters', runId: 'run-1', values: { lr: 0.1 } });
  });

  it('marks the run failed when the trainer is lost', () => {
    const { store, connection } = setup();
    store.getState().train();
    connection.deliver(status('run-1', 'running'));
    connection.lose('The trainer process stopped.');
    const s = store.getState();
    expect(s.run.state).toBe('failed');
    expect(s.notices.at(-1)).toMatchObject({ level: 'error', code: 'trainer-exit' });
  });
});
