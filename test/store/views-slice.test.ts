/**
 * The live views' half of the store: which views it asks the trainer for, what it keeps of
 * the streamed snapshots (bounded, never in undo history), scrubbing, and the run controls
 * it adds (Step epoch, Reset with a new seed, live hyperparameter changes and their marks).
 */
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type FromTrainerInput, type LayerSnapshot, type SnapshotViews, type ToTrainerInput } from '../../src-engine/protocol/messages';
import { BOUNDARY_SIZE, BOUNDARY_SIZE_ENLARGED, DEFAULT_PANELS } from '../../src-renderer/store/views-slice';
import { displayedFrom } from '../../src-renderer/views/displayed';
import { MAX_GRADIENT_POINTS, MAX_TIMELINE_POINTS } from '../../src-renderer/views/timeline';
import { setupStoreWithFrames, status } from './fixtures';

const setup = setupStoreWithFrames;

const sentOf = <T extends ToTrainerInput['type']>(sent: ToTrainerInput[], type: T) =>
  sent.filter((m): m is Extract<ToTrainerInput, { type: T }> => m.type === type);

/** The example's three dense layers with the given gradient norms. */
function layers(gradNorms: [number, number, number], scale = 1): LayerSnapshot[] {
  const shapes: [string, number, number][] = [
    ['hidden1', 2, 8],
    ['hidden2', 8, 8],
    ['output', 8, 1],
  ];
  return shapes.map(([nodeId, inputs, units], k) => ({
    nodeId,
    inputs,
    units,
    weights: new Array(inputs * units).fill(0.1 * scale),
    bias: new Array(units).fill(0),
    weightNorm: 1,
    gradNorm: gradNorms[k],
    meanAbsGrad: gradNorms[k] / 10,
  }));
}

function snapshot(runId: string, seq: number, step: number, views?: SnapshotViews, grads: [number, number, number] = [0.01, 0.1, 1]): FromTrainerInput {
  return { v: PROTOCOL_VERSION, type: 'snapshot', runId, seq, step, layers: layers(grads), ...(views ? { views } : {}) };
}

const CONFUSION = { split: 'val' as const, classes: 2, samples: 4, counts: [[2, 0], [1, 1]], cells: [[[0, 1], []], [[2], [3]]], accuracy: 0.75 };

describe('the views the store asks the trainer for', () => {
  it('asks only for the views of the open panels', () => {
    const { store, connection } = setup();
    store.getState().syncViews(true);
    expect(sentOf(connection.sent, 'set-views').at(-1)?.views).toEqual({
      histograms: DEFAULT_PANELS.distributions,
      histogramBins: 30,
      boundary: DEFAULT_PANELS.boundary,
      boundarySize: BOUNDARY_SIZE,
      activationsSample: null,
      unitHealth: DEFAULT_PANELS.network,
      confusion: DEFAULT_PANELS.confusion,
      weightGradients: DEFAULT_PANELS.network,
    });
    store.getState().setPanel('boundary', false);
    store.getState().setPanel('distributions', true);
    store.getState().setPanel('confusion', true);
    expect(sentOf(connection.sent, 'set-views').at(-1)?.views).toMatchObject({ boundary: false, histograms: true, confusion: true });
  });

  it('sends nothing when the request does not change', () => {
    const { store, connection } = setup();
    store.getState().syncViews(true);
    const before = connection.sent.length;
    store.getState().setPanel('network', true);
    store.getState().syncViews();
    store.getState().scrubTo(5);
    expect(connection.sent.length).toBe(before);
  });

  it('asks for the selected sample’s activations only while the network view is open', () => {
    const { store, connection } = setup();
    store.getState().selectSample(7);
    expect(sentOf(connection.sent, 'set-views').at(-1)?.views.activationsSample).toBe(7);
    store.getState().setPanel('network', false);
    expect(sentOf(connection.sent, 'set-views').at(-1)?.views).toMatchObject({ activationsSample: null, unitHealth: false, weightGradients: false });
    store.getState().selectSample(-1);
    expect(store.getState().selectedSample).toBe(7);
  });

  it('asks for a finer boundary grid while that panel is enlarged', () => {
    const { store, connection } = setup();
    store.getState().enlargePanel('boundary');
    expect(sentOf(connection.sent, 'set-views').at(-1)?.views.boundarySize).toBe(BOUNDARY_SIZE_ENLARGED);
    store.getState().enlargePanel(null);
    expect(sentOf(connection.sent, 'set-views').at(-1)?.views.boundarySize).toBe(BOUNDARY_SIZE);
  });

  it('hiding the enlarged panel also ends the enlargement', () => {
    const { store } = setup();
    store.getState().enlargePanel('gradients');
    store.getState().setPanel('gradients', false);
    expect(store.getState().enlarged).toBeNull();
  });
});

describe('streamed snapshots', () => {
  it('acknowledges every snapshot exactly once', () => {
    const { store, connection, drawFrame } = setup();
    store.getState().train();
    for (let seq = 1; seq <= 3; seq++) connection.deliver(snapshot('run-1', seq, seq * 10));
    drawFrame();
    expect(sentOf(connection.sent, 'snapshot-ack').map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('keeps the newest of each view when a snapshot comes without views', () => {
    const { store, connection } = setup();
    store.getState().train();
    connection.deliver(snapshot('run-1', 1, 10, { confusion: CONFUSION }));
    connection.deliver(snapshot('run-1', 2, 20));
    const live = store.getState().live;
    expect(live?.step).toBe(20);
    expect(live?.views.confusion).toEqual(CONFUSION);
    expect(live?.viewsStep).toBe(10);
    expect(live?.previous?.step).toBe(10);
  });

  it('records each layer’s gradient norm over time, outside undo history', () => {
    const { store, connection } = setup();
    store.getState().train();
    connection.deliver(snapshot('run-1', 1, 10, undefined, [1e-4, 1e-2, 1]));
    connection.deliver(snapshot('run-1', 2, 20, undefined, [2e-4, 2e-2, 2]));
    // A paused run re-sends the same step: not a new point.
    connection.deliver(snapshot('run-1', 3, 20, undefined, [2e-4, 2e-2, 2]));
    const g = store.getState().gradients;
    expect(g.layerIds).toEqual(['hidden1', 'hidden2', 'output']);
    expect(g.steps).toEqual([10, 20]);
    expect(g.norms).toEqual([
      [1e-4, 2e-4],
      [1e-2, 2e-2],
      [1, 2],
    ]);
    expect(store.getState().undo.past).toHaveLength(0);
    expect(store.getState().dirty).toBe(false);
  });

  it('keeps long runs in bounded memory, spanning the whole run', () => {
    const { store, connection } = setup();
    store.getState().train();
    const total = MAX_GRADIENT_POINTS * 3;
    for (let seq = 1; seq <= total; seq++) connection.deliver(snapshot('run-1', seq, seq));
    const { gradients, timeline } = store.getState();
    expect(gradients.steps.length).toBeLessThanOrEqual(MAX_GRADIENT_POINTS);
    expect(gradients.steps[0]).toBe(1);
    expect(gradients.steps.at(-1)).toBeGreaterThan(total * 0.99);
    expect(timeline.points.length).toBeLessThanOrEqual(MAX_TIMELINE_POINTS);
    expect(timeline.points[0].step).toBe(1);
    expect(timeline.points.at(-1)?.step).toBeGreaterThan(total * 0.95);
  });

  it('starts afresh for a new run, and Reset forgets the streamed views', () => {
    const { store, connection } = setup();
    store.getState().train();
    connection.deliver(snapshot('run-1', 1, 10));
    connection.deliver(status('run-1', 'done', 10));
    store.getState().train();
    connection.deliver(snapshot('run-2', 1, 3));
    expect(store.getState().gradients.steps).toEqual([3]);
    expect(store.getState().timeline.points.map((p) => p.step)).toEqual([3]);
    store.getState().reset();
    expect(store.getState().live).toBeNull();
    expect(store.getState().gradients.steps).toEqual([]);
    expect(store.getState().timeline.points).toEqual([]);
  });

  it('shows the recorded moment nearest to the scrubbed step, and live again after', () => {
    const { store, connection } = setup();
    store.getState().train();
    for (const [seq, step] of [
      [1, 10],
      [2, 20],
      [3, 30],
    ]) {
      connection.deliver({ ...snapshot('run-1', seq, step), layers: layers([0.1, 0.1, 0.1], step) } as FromTrainerInput);
    }
    store.getState().scrubTo(18);
    const s = store.getState();
    const shown = displayedFrom(s.live, s.timeline, s.scrubStep);
    expect(shown).toMatchObject({ step: 20, scrubbed: true });
    expect(shown?.layers[0].weights[0]).toBeCloseTo(2, 12);
    store.getState().scrubTo(null);
    const after = store.getState();
    expect(displayedFrom(after.live, after.timeline, after.scrubStep)).toMatchObject({ step: 30, scrubbed: false });
  });
});

describe('run controls of the views', () => {
  it('Step epoch starts a paused run from idle and asks for one epoch', () => {
    const { store, connection } = setup();
    store.getState().step('epoch');
    expect(connection.sent[0]).toMatchObject({ type: 'start', paused: true });
    expect(sentOf(connection.sent, 'step')).toEqual([{ v: PROTOCOL_VERSION, type: 'step', runId: 'run-1', unit: 'epoch', count: 1 }]);
    store.getState().step();
    expect(sentOf(connection.sent, 'step').at(-1)).toMatchObject({ unit: 'batch' });
  });

  it('Reset (new seed) picks a new seed as one undo step and resets the run', () => {
    const { store, connection } = setup();
    store.getState().train();
    connection.deliver(status('run-1', 'running', 5));
    store.getState().resetWithNewSeed(1234);
    const s = store.getState();
    expect(s.project.training.seed).toBe(1234);
    expect(s.run.state).toBe('idle');
    expect(s.undo.past).toHaveLength(1);
    expect(sentOf(connection.sent, 'stop')).toHaveLength(1);
    store.getState().undoEdit();
    expect(store.getState().project.training.seed).toBe(1);
  });

  it('sends a live learning-rate change and marks it at the next step', () => {
    const { store, connection } = setup();
    store.getState().train();
    connection.deliver(status('run-1', 'running', 40));
    const opt = store.getState().project.training.optimizer;
    store.getState().updateTraining({ optimizer: { ...opt, lr: 0.01 } });
    expect(sentOf(connection.sent, 'set-hyperparameters').at(-1)).toEqual({ v: PROTOCOL_VERSION, type: 'set-hyperparameters', runId: 'run-1', values: { lr: 0.01 } });
    expect(store.getState().marks).toEqual([{ step: 41, label: 'lr 0.01' }]);
  });

  it('sends other optimizer settings live as the whole optimizer, marking what changed', () => {
    const { store, connection } = setup();
    store.getState().train();
    connection.deliver(status('run-1', 'running', 7));
    connection.deliver(snapshot('run-1', 1, 7));
    const opt = store.getState().project.training.optimizer;
    expect(opt.type).toBe('adam');
    store.getState().updateTraining({ optimizer: { ...opt, beta1: 0.8 } as typeof opt });
    expect(sentOf(connection.sent, 'set-hyperparameters').at(-1)?.values).toEqual({ optimizer: { ...opt, beta1: 0.8 } });
    expect(store.getState().marks.at(-1)).toEqual({ step: 8, label: 'beta1 0.8' });
  });

  it('changes L2 and the dropout rate of every layer live, in the project as one undo step', () => {
    const { store, connection } = setup();
    store.getState().train();
    connection.deliver(status('run-1', 'running', 3));
    store.getState().applyLiveRegularization({ l2: 0.001 });
    const s = store.getState();
    const dense = s.project.graph.nodes.filter((n) => n.type === 'dense' || n.type === 'output');
    expect(dense.map((n) => (n.type === 'dense' || n.type === 'output' ? n.data.l2 : null))).toEqual([0.001, 0.001, 0.001]);
    expect(s.undo.past).toHaveLength(1);
    expect(sentOf(connection.sent, 'set-hyperparameters').at(-1)?.values).toEqual({ l2: 0.001 });
    expect(s.marks.at(-1)?.label).toBe('L2 0.001');
  });

  it('sends nothing live without a running run, but keeps the project change', () => {
    const { store, connection } = setup();
    store.getState().applyLiveRegularization({ l1: 0.5 });
    expect(sentOf(connection.sent, 'set-hyperparameters')).toHaveLength(0);
    expect(store.getState().marks).toEqual([]);
  });
});
