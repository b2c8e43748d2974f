/**
 * What the history slider and the hover tips read: the metrics as they stood at a step
 * (ScrubValues, the loss chart's marker) and the histogram bin under the cursor
 * (the distributions' tip).
 */
import { describe, expect, it } from 'vitest';
import { stepColumnsFrom, type EpochPoint, type StepPoint } from '../../src-engine/protocol/messages';
import { appendMetrics, createLossHistory } from '../../src-renderer/store/loss-history';
import { binAt } from '../../src-renderer/views/DistributionsView';
import { valuesAtStep } from '../../src-renderer/views/metrics';
import { scrubbedStep } from '../../src-renderer/views/ScrubValues';
import { appendTimeline, createTimeline } from '../../src-renderer/views/timeline';

const ABS_TOL = 1e-12;

/** Steps 1…n with loss 1/step, epochs every `perEpoch` steps with train loss 10·epoch. */
function history(n: number, perEpoch: number) {
  const steps: StepPoint[] = Array.from({ length: n }, (_, i) => ({ step: i + 1, epoch: Math.floor(i / perEpoch) + 1, loss: 1 / (i + 1), lr: 0.1 }));
  const epochs: EpochPoint[] = [];
  for (let e = 1; e * perEpoch <= n; e++) {
    epochs.push({ epoch: e, step: e * perEpoch, trainLoss: 10 * e, valLoss: 20 * e, trainAccuracy: 0.5 + e / 100, valAccuracy: null });
  }
  return appendMetrics(createLossHistory(), stepColumnsFrom(steps), epochs);
}

describe('values at a history step', () => {
  it('reads the step’s own loss and the last epoch ended by then', () => {
    const v = valuesAtStep(history(50, 20), 27);
    expect(v.stepPoint?.step).toBe(27);
    expect(v.stepPoint?.loss).toBeCloseTo(1 / 27, 12);
    // Epoch 1 ended at step 20; epoch 2 only at step 40.
    expect(v.epoch?.epoch).toBe(1);
    expect(v.epoch?.trainLoss).toBe(10);
    expect(v.epoch?.valLoss).toBe(20);
  });

  it('counts an epoch that ends exactly at the step', () => {
    const v = valuesAtStep(history(50, 20), 40);
    expect(v.epoch?.epoch).toBe(2);
    expect(Math.abs((v.epoch?.trainAccuracy ?? 0) - 0.52)).toBeLessThan(ABS_TOL);
  });

  it('has nothing before the first step, and stops at the newest point after the end', () => {
    const h = history(10, 20);
    expect(valuesAtStep(h, 0)).toEqual({ step: 0, stepPoint: null, epoch: null });
    expect(valuesAtStep(h, 99).stepPoint).toEqual({ step: 10, loss: 1 / 10 });
  });

  it('follows the recorded moment the other views show while scrubbing, none while live', () => {
    let timeline = createTimeline();
    for (const step of [0, 5, 10]) timeline = appendTimeline(timeline, { step, layers: [], views: {} });
    expect(scrubbedStep({ scrubStep: null, timeline })).toBeNull();
    expect(scrubbedStep({ scrubStep: 6, timeline })).toBe(5);
    expect(scrubbedStep({ scrubStep: 9, timeline })).toBe(10);
  });
});

describe('the histogram bin under the cursor', () => {
  // 4 bins over [0, 2]: width 0.5.
  const g = { min: 0, max: 2, counts: [1, 2, 3, 4] };

  it('finds the bin holding the value, the maximum in the last bin', () => {
    expect(binAt(g, 0.75)).toEqual({ from: 0.5, to: 1, count: 2 });
    expect(binAt(g, 2)).toEqual({ from: 1.5, to: 2, count: 4 });
    expect(binAt(g, 0)).toEqual({ from: 0, to: 0.5, count: 1 });
  });

  it('has none outside the histogram', () => {
    expect(binAt(g, -0.1)).toBeNull();
    expect(binAt(g, 2.1)).toBeNull();
  });
});
