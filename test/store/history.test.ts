import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { buildChartData } from '../../src-renderer/charts/chart-data';
import { createAppStore } from '../../src-renderer/store/app-store';
import { appendMetrics, createLossHistory, decimate, MAX_STEP_POINTS } from '../../src-renderer/store/loss-history';
import { MERGE_WINDOW_MS } from '../../src-renderer/store/undo';
import { PROTOCOL_VERSION, stepColumnsFrom } from '../../src-engine/protocol/messages';

const step = (s: number, loss: number) => ({ step: s, epoch: 0, loss, lr: 0.1 });

describe('loss history', () => {
  it('keeps every step until the limit, then averages pairs and doubles the stride', () => {
    let h = createLossHistory();
    const steps = Array.from({ length: MAX_STEP_POINTS }, (_, i) => step(i + 1, i % 2 === 0 ? 1 : 3));
    h = appendMetrics(h, stepColumnsFrom(steps), []);
    expect(h.stepX.length).toBe(MAX_STEP_POINTS / 2);
    expect(h.stride).toBe(2);
    // Each kept point is the mean of a pair (1 and 3) and sits at the pair's last step.
    expect(h.stepY[0]).toBe(2);
    expect(h.stepX[0]).toBe(2);
    expect(h.received).toBe(MAX_STEP_POINTS);
    h = appendMetrics(h, stepColumnsFrom([step(MAX_STEP_POINTS + 1, 10), step(MAX_STEP_POINTS + 2, 20)]), []);
    expect(h.stepY.at(-1)).toBe(15);
  });

  it('does not plot non-finite losses but reports them as the latest loss', () => {
    const h = appendMetrics(createLossHistory(), stepColumnsFrom([step(1, 0.5), step(2, Number.NaN)]), []);
    expect(h.stepY).toEqual([0.5]);
    expect(h.lastLoss).toBeNaN();
  });

  it('decimates by averaging equal buckets', () => {
    const x = [1, 2, 3, 4, 5, 6];
    const y = [1, 3, 5, 7, 9, 11];
    expect(decimate(x, y, 3)).toEqual({ x: [2, 4, 6], y: [2, 6, 10] });
    expect(decimate(x, y, 10)).toEqual({ x, y });
  });

  it('aligns step and epoch points on one x axis', () => {
    const h = appendMetrics(
      createLossHistory(),
      stepColumnsFrom([step(1, 0.9), step(2, 0.8)]),
      [{ epoch: 1, step: 2, trainLoss: 0.7, valLoss: 0.75, trainAccuracy: null, valAccuracy: null }],
    );
    expect(buildChartData(h, 100)).toEqual([
      [1, 2],
      [0.9, 0.8],
      [null, 0.7],
      [null, 0.75],
    ]);
  });
});

describe('undo', () => {
  it('undoes and redoes a graph edit', () => {
    const store = createAppStore();
    store.getState().removeElements(['hidden2'], []);
    expect(store.getState().project.graph.nodes).toHaveLength(3);
    store.getState().undoEdit();
    expect(store.getState().project.graph.nodes).toHaveLength(4);
    store.getState().redoEdit();
    expect(store.getState().project.graph.nodes).toHaveLength(3);
  });

  it('records a whole drag as one step', () => {
    const store = createAppStore();
    store.getState().beginDrag();
    for (let i = 1; i <= 10; i++) store.getState().moveNodes({ hidden1: { x: 240 + i, y: 80 } });
    store.getState().endDrag();
    expect(store.getState().undo.past).toHaveLength(1);
    store.getState().undoEdit();
    expect(store.getState().project.graph.nodes[1].position).toEqual({ x: 240, y: 80 });
  });

  it('merges typing in one field into one step', () => {
    let clock = 0;
    const store = createAppStore(createSpiralExample(), { now: () => clock });
    store.getState().updateNodeData('hidden1', { units: 1 });
    clock += 100;
    store.getState().updateNodeData('hidden1', { units: 16 });
    expect(store.getState().undo.past).toHaveLength(1);
    clock += MERGE_WINDOW_MS + 1;
    store.getState().updateNodeData('hidden1', { units: 32 });
    expect(store.getState().undo.past).toHaveLength(2);
  });

  it('keeps the redo stack when only the selection changes', () => {
    const store = createAppStore();
    store.getState().removeElements(['hidden2'], []);
    store.getState().undoEdit();
    store.getState().setSelection({ nodeIds: ['hidden1'], edgeIds: [] });
    expect(store.getState().undo.future).toHaveLength(1);
  });

  it('keeps streamed metrics out of undo history', () => {
    const store = createAppStore();
    store.getState().receive({ v: PROTOCOL_VERSION, type: 'ready', host: 'test' });
    expect(store.getState().undo.past).toHaveLength(0);
  });
});
