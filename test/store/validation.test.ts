import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src-renderer/store/app-store';
import { trainBlocker } from '../../src-renderer/store/run-slice';
import { createFakeConnection } from './fixtures';

function setup() {
  const store = createAppStore(undefined, { now: () => 0, newRunId: () => 'run-1' });
  const connection = createFakeConnection();
  store.getState().attachTrainer(connection);
  return { store, connection };
}

describe('validation gates Train', () => {
  it('lets the spiral example train', () => {
    const { store } = setup();
    const s = store.getState();
    expect(s.analysis.ok).toBe(true);
    expect(s.analysis.problems).toEqual([]);
    expect(trainBlocker(s)).toBeNull();
  });

  it('counts parameters per layer and in total (2·8+8, 8·8+8, 8·1+1)', () => {
    const { analysis } = setup().store.getState();
    expect(analysis.nodeInfo.hidden1).toEqual({ inputs: 2, outputs: 8, params: 24 });
    expect(analysis.nodeInfo.hidden2).toEqual({ inputs: 8, outputs: 8, params: 72 });
    expect(analysis.nodeInfo.output).toEqual({ inputs: 8, outputs: 1, params: 9 });
    expect(analysis.totalParams).toBe(105);
  });

  it('blocks Train while a layer is disconnected and puts the problem on that layer', () => {
    const { store, connection } = setup();
    store.getState().removeElements([], ['e-hidden1-hidden2']);
    const s = store.getState();
    expect(s.analysis.ok).toBe(false);
    expect(trainBlocker(s)).toBe('invalid');
    expect(Object.keys(s.analysis.problemsByNode).length).toBeGreaterThan(0);
    for (const p of s.analysis.problems) expect(p.message.length).toBeGreaterThan(10);
    s.train();
    s.step();
    expect(connection.sent).toEqual([]);
    expect(store.getState().run.state).toBe('idle');
  });

  it('allows Train again once the layer is reconnected', () => {
    const { store, connection } = setup();
    store.getState().removeElements([], ['e-hidden1-hidden2']);
    expect(store.getState().connect('hidden1', 'hidden2')).toBe(true);
    expect(store.getState().analysis.ok).toBe(true);
    store.getState().train();
    expect(connection.sent).toHaveLength(1);
    expect(connection.sent[0]).toMatchObject({ type: 'start', runId: 'run-1', paused: false });
  });

  it('blocks Train without a trainer connection', () => {
    const store = createAppStore();
    expect(trainBlocker(store.getState())).toBe('no-trainer');
  });

  it('reports an output layer whose units do not fit the data set', () => {
    const { store } = setup();
    store.getState().updateNodeData('output', { activation: 'softmax' });
    const s = store.getState();
    expect(s.analysis.ok).toBe(false);
    expect(s.analysis.problemsByNode.output?.length).toBeGreaterThan(0);
  });
});
