import { describe, expect, it } from 'vitest';
import { scheduleSchema } from '../../src-engine/project';
import { LearningRateSchedule } from '../../src-engine/schedules';

const EXACT = 1e-15;

function schedule(spec: Record<string, unknown>): LearningRateSchedule {
  return new LearningRateSchedule(scheduleSchema.parse(spec));
}

describe('LearningRateSchedule', () => {
  it('keeps a constant rate', () => {
    expect(schedule({ type: 'constant' }).rate(0.1, 500, 7)).toBe(0.1);
  });

  it('decays exponentially in stairs with the notes’ integer division t div T', () => {
    const s = schedule({ type: 'exponential', decayRate: 0.5, decaySteps: 10, staircase: true });
    // η_t = 0.1·0.5^(t div 10): t = 0…9 → 0.1, t = 10 → 0.05, t = 25 → 0.1·0.25
    expect(s.rate(0.1, 0, 0)).toBe(0.1);
    expect(s.rate(0.1, 9, 0)).toBe(0.1);
    expect(Math.abs(s.rate(0.1, 10, 0) - 0.05)).toBeLessThan(EXACT);
    expect(Math.abs(s.rate(0.1, 25, 0) - 0.025)).toBeLessThan(EXACT);
  });

  it('decays exponentially without stairs when staircase is off', () => {
    // t = 5, T = 10: 0.1·0.5^0.5 = 0.1/√2
    expect(Math.abs(schedule({ type: 'exponential', decayRate: 0.5, decaySteps: 10, staircase: false }).rate(0.1, 5, 0) - 0.1 / Math.SQRT2)).toBeLessThan(EXACT);
  });

  it('multiplies by γ every stepSize epochs', () => {
    const s = schedule({ type: 'step', stepSize: 3, gamma: 0.1 });
    expect(s.rate(1, 999, 2)).toBe(1);
    expect(Math.abs(s.rate(1, 999, 3) - 0.1)).toBeLessThan(EXACT);
    expect(Math.abs(s.rate(1, 999, 7) - 0.01)).toBeLessThan(EXACT);
  });

  it('follows a cosine from η₀ to η_min over the period', () => {
    const s = schedule({ type: 'cosine', periodEpochs: 10, minLr: 0.01 });
    expect(s.rate(0.11, 0, 0)).toBeCloseTo(0.11, 15);
    // halfway: 0.01 + 0.1·(1 + cos(π/2))/2 = 0.06
    expect(s.rate(0.11, 0, 5)).toBeCloseTo(0.06, 15);
    expect(s.rate(0.11, 0, 10)).toBeCloseTo(0.01, 15);
  });

  it('reduces the rate after more than `patience` epochs without improvement', () => {
    const s = schedule({ type: 'plateau', factor: 0.5, patience: 2, minLr: 0.03 });
    s.observeEpoch(1.0, 0.1); // best = 1
    s.observeEpoch(1.0, 0.1); // 1 bad epoch
    s.observeEpoch(0.99995, 0.1); // not better by the relative threshold 1e-4: 2 bad epochs
    expect(s.rate(0.1, 0, 3)).toBe(0.1);
    s.observeEpoch(1.2, 0.1); // 3 bad epochs > patience 2 → 0.1·0.5
    expect(s.rate(0.1, 0, 4)).toBeCloseTo(0.05, 15);
    for (let i = 0; i < 3; i++) s.observeEpoch(1.2, 0.1); // again → max(0.025, minLr 0.03)
    expect(s.rate(0.1, 0, 7)).toBeCloseTo(0.03, 15);
    s.observeEpoch(0.5, 0.1); // an improvement resets the count but keeps the rate
    expect(s.rate(0.1, 0, 8)).toBeCloseTo(0.03, 15);
  });
});
