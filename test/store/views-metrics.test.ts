/**
 * Pure helpers of the live views: smoothing, overfitting, CSV, the gradient warning, the
 * bounded timelines, the network view's geometry, and the run's data as the trainer splits it.
 */
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { stepColumnsFrom, type EpochPoint, type LayerSnapshot } from '../../src-engine/protocol/messages';
import { projectSchema } from '../../src-engine/project';
import { sessionCore } from '../../src-engine/session-core';
import { createTrainingSession } from '../../src-engine/training-session';
import { appendMetrics, createLossHistory } from '../../src-renderer/store/loss-history';
import { columnHealth } from '../../src-renderer/views/draw-network';
import { gradientWarning, logRange } from '../../src-renderer/views/draw-gradients';
import { detectOverfitting, metricsCsv, smooth } from '../../src-renderer/views/metrics';
import { hitTest, layoutNetwork, MAX_DRAWN_UNITS } from '../../src-renderer/views/network-layout';
import { runData } from '../../src-renderer/views/run-data';
import { appendTimeline, createTimeline, nearestPoint } from '../../src-renderer/views/timeline';

const ABS_TOL = 1e-12;

describe('smoothing', () => {
  it('debiases the exponential moving average as TensorBoard does', () => {
    // w = 0.5 on [2, 4]: s1 = 0.5·2 = 1 → 1/(1−0.5) = 2; s2 = 0.5·1 + 0.5·4 = 2.5 → 2.5/(1−0.25) = 10/3.
    const out = smooth([2, null, 4], 0.5);
    expect(out[0]).toBeCloseTo(2, 12);
    expect(out[1]).toBeNull();
    expect(out[2]).toBeCloseTo(10 / 3, 12);
  });

  it('leaves the values alone with weight 0', () => {
    expect(smooth([1, 2, null], 0)).toEqual([1, 2, null]);
  });
});

const epoch = (i: number, trainLoss: number, valLoss: number): EpochPoint => ({ epoch: i + 1, step: (i + 1) * 10, trainLoss, valLoss, trainAccuracy: null, valAccuracy: null });

describe('overfitting', () => {
  it('is marked when validation loss rises for long while training loss keeps falling', () => {
    // Validation falls to 0.3 at epoch 10, then climbs 0.03 per epoch; training keeps falling.
    const epochs = Array.from({ length: 30 }, (_, i) => epoch(i, 1 - i * 0.03, i < 10 ? 1 - i * 0.07 : 0.37 + (i - 10) * 0.03));
    const found = detectOverfitting(epochs);
    expect(found).not.toBeNull();
    expect(found?.epoch).toBeGreaterThanOrEqual(9);
    expect(found?.epoch).toBeLessThanOrEqual(12);
  });

  it('is not marked while validation loss only wobbles around its lowest', () => {
    const epochs = Array.from({ length: 40 }, (_, i) => epoch(i, 0.5 / (i + 1), 0.05 + (i % 2) * 0.004 + 0.5 / (i + 1)));
    expect(detectOverfitting(epochs)).toBeNull();
  });

  it('is not marked when both losses rise (that is divergence, not overfitting)', () => {
    const epochs = Array.from({ length: 30 }, (_, i) => epoch(i, 0.2 + i * 0.05, 0.25 + i * 0.05));
    expect(detectOverfitting(epochs)).toBeNull();
  });
});

describe('metric history as CSV', () => {
  it('lists step points and epoch ends by step, with live changes', () => {
    let h = createLossHistory();
    h = appendMetrics(h, stepColumnsFrom([
      { step: 1, epoch: 0, loss: 0.7, lr: 0.1 },
      { step: 2, epoch: 0, loss: 0.6, lr: 0.1 },
    ]), [{ epoch: 1, step: 2, trainLoss: 0.65, valLoss: 0.66, trainAccuracy: 0.5, valAccuracy: null }]);
    const csv = metricsCsv(h, [{ step: 2, label: 'lr 0.01, L2 "0"' }]);
    expect(csv.split('\n')).toEqual([
      'step,epoch,step_loss,train_loss,val_loss,train_accuracy,val_accuracy,change',
      '1,,0.7,,,,,',
      '2,1,0.6,0.65,0.66,0.5,,"lr 0.01, L2 ""0"""',
      '',
    ]);
  });
});

describe('gradient warning', () => {
  it('warns of vanishing gradients when the first layer’s norm is over 100× below the last’s', () => {
    expect(gradientWarning([{ gradNorm: 1e-5 }, { gradNorm: 1e-3 }, { gradNorm: 0.1 }])).toBe('vanishing');
    expect(gradientWarning([{ gradNorm: 0.02 }, { gradNorm: 0.1 }])).toBeNull();
  });

  it('warns of exploding gradients the other way round, and says nothing without data', () => {
    expect(gradientWarning([{ gradNorm: 50 }, { gradNorm: 0.1 }])).toBe('exploding');
    expect(gradientWarning([{ gradNorm: 0 }, { gradNorm: 0 }])).toBeNull();
    expect(gradientWarning([{ gradNorm: NaN }, { gradNorm: 1 }])).toBeNull();
    expect(gradientWarning([{ gradNorm: 1 }])).toBeNull();
  });

  it('spans whole decades on the log scale', () => {
    expect(logRange([0.003, 0.2, 0, NaN])).toEqual({ lo: -3, hi: 0 });
    expect(logRange([])).toEqual({ lo: -3, hi: 0 });
  });
});

describe('timeline', () => {
  const point = (step: number) => ({ step, layers: [], views: {} });

  it('replaces a point at the same step and skips points closer than the gap', () => {
    let t = createTimeline();
    t = appendTimeline(t, point(1));
    t = appendTimeline(t, point(1));
    t = appendTimeline(t, point(2));
    expect(t.points.map((p) => p.step)).toEqual([1, 2]);
    expect(nearestPoint(t, 100)?.step).toBe(2);
    expect(nearestPoint(createTimeline(), 5)).toBeNull();
  });
});

function dense(nodeId: string, inputs: number, units: number): LayerSnapshot {
  return { nodeId, inputs, units, weights: Array.from({ length: inputs * units }, (_, k) => k), bias: null, weightNorm: 1, gradNorm: 1, meanAbsGrad: 1 };
}

describe('network view geometry', () => {
  it('draws one column per layer and finds the weight under the pointer', () => {
    const layers = [dense('h', 2, 3), dense('out', 3, 1)];
    const layout = layoutNetwork(layers, 300, 200);
    expect(layout.mode).toBe('neurons');
    expect(layout.columns.map((c) => c.units)).toEqual([2, 3, 1]);
    // The midpoint of the line from input 1 to hidden unit 2.
    const from = layout.columns[0];
    const to = layout.columns[1];
    const hit = hitTest(layout, layers, (from.x + to.x) / 2, (from.ys[1] + to.ys[2]) / 2);
    expect(hit).toEqual({ kind: 'weight', ref: { layer: 0, i: 1, j: 2 } });
    expect(hitTest(layout, layers, to.x, to.ys[0])).toEqual({ kind: 'neuron', ref: { column: 1, j: 0 } });
  });

  it('switches to weight-matrix heatmaps for layers wider than the limit', () => {
    const layers = [dense('h', 4, MAX_DRAWN_UNITS + 1), dense('out', MAX_DRAWN_UNITS + 1, 2)];
    const layout = layoutNetwork(layers, 400, 200);
    expect(layout.mode).toBe('matrices');
    const m = layout.matrices[0];
    // Row = input i, column = unit j: the bottom-right cell is W[3][64].
    expect(hitTest(layout, layers, m.x + m.width - 0.1, m.y + m.height - 0.1)).toEqual({ kind: 'weight', ref: { layer: 0, i: 3, j: MAX_DRAWN_UNITS } });
  });

  it('puts a separate activation layer’s health on the dense layer before it, never on the output', () => {
    const layers = [dense('h', 2, 3), dense('out', 3, 1)];
    const ref = { layerIndex: 0, name: '', activation: null };
    const health = columnHealth(
      [
        { ...ref, nodeId: 'h', layer: 'dense', check: 'none', units: 3, samples: 10, perUnit: [0, 0, 0], flagged: [], share: 0, threshold: null },
        { ...ref, nodeId: 'act', layer: 'activation', check: 'dead', units: 3, samples: 10, perUnit: [0, 1, 1], flagged: [0], share: 1 / 3, threshold: null },
        { ...ref, nodeId: 'out', layer: 'dense', check: 'saturation', units: 1, samples: 10, perUnit: [1], flagged: [0], share: 1, threshold: 4 },
      ],
      layers,
    );
    expect(health[1]).toMatchObject({ check: 'dead', share: 1 / 3 });
    expect([...(health[1]?.flagged ?? [])]).toEqual([0]);
    expect(health[2]).toBeNull();
  });
});

describe('the run’s data in the renderer', () => {
  it('splits the data exactly as the trainer does, so points get their classes', () => {
    const project = createSpiralExample();
    const data = runData(project);
    const created = createTrainingSession(project);
    if (!created.ok) throw new Error(created.error);
    const core = sessionCore(created.session);
    expect(data?.task).toBe('classification');
    expect(Array.from(data?.train.labels ?? [])).toEqual(Array.from(core.train.labels ?? []));
    expect(Array.from(data?.val.labels ?? [])).toEqual(Array.from(core.val.labels ?? []));
    const maxDiff = Math.max(...Array.from(core.train.x, (v, k) => Math.abs(v - (data?.train.x[k] ?? NaN))));
    expect(maxDiff).toBeLessThan(ABS_TOL);
    expect(runData(project)).toBe(data);
  });

  it('gives null for data the renderer cannot read (a file beside the project)', () => {
    const dataset = {
      type: 'file',
      path: 'data.csv',
      sha256: '0'.repeat(64),
      rows: 10,
      columns: 3,
      task: 'regression',
      featureNames: ['a', 'b'],
      targetNames: ['y'],
      importOptions: { target: 'y', task: 'regression' },
    };
    const project = projectSchema.parse({ ...createSpiralExample(), dataset });
    expect(runData(project)).toBeNull();
  });
});
