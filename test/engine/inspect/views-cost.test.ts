import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSpiralExample } from '../../../src-engine/examples';
import { activationsFor } from '../../../src-engine/inspect/activations-for';
import { boundaryGrid } from '../../../src-engine/inspect/boundary-grid';
import { confusionMatrix } from '../../../src-engine/inspect/confusion-matrix';
import { unitHealth } from '../../../src-engine/inspect/unit-health';
import { DenseLayer } from '../../../src-engine/layers/dense';
import { createTrainingSession } from '../../../src-engine/training-session';

/** Multiply-adds per sample of the spiral example's 2-8-8-1 network: 2·8 + 8·8 + 8·1. */
const MACS_PER_SAMPLE = 88;
/**
 * A budget for one refresh of every live view. At 10 refreshes a second this is 1e7
 * multiply-adds per second, far below what JavaScript does (about 1e9) on a laptop.
 */
const REFRESH_BUDGET = 1e6;

afterEach(() => {
  vi.restoreAllMocks();
});

/** Counts the dense layers' multiply-adds (rows × inputs × units per forward). */
function countMacs(): { total: number } {
  const counter = { total: 0 };
  const original = DenseLayer.prototype.forward;
  vi.spyOn(DenseLayer.prototype, 'forward').mockImplementation(function (this: DenseLayer, input, rows, training) {
    counter.total += rows * this.inputs * this.units;
    return original.call(this, input, rows, training);
  });
  return counter;
}

describe('live views cost', () => {
  it('stays within a 10×-a-second budget on a 2-8-8-1 network with a 40 × 40 grid', () => {
    const created = createTrainingSession(createSpiralExample()); // 320 training, 80 validation samples
    if (!created.ok) throw new Error(created.error);
    const session = created.session;
    session.trainStep();
    const macs = countMacs();
    const measure = (view: () => unknown): number => {
      const before = macs.total;
      view();
      return macs.total - before;
    };
    // Each view runs its samples through the network exactly once.
    expect(measure(() => boundaryGrid(session, { size: 40 }))).toBe(40 * 40 * MACS_PER_SAMPLE);
    expect(measure(() => boundaryGrid(session, { size: 40 }))).toBe(40 * 40 * MACS_PER_SAMPLE);
    expect(measure(() => unitHealth(session))).toBe(320 * MACS_PER_SAMPLE);
    expect(measure(() => confusionMatrix(session))).toBe(80 * MACS_PER_SAMPLE);
    expect(measure(() => activationsFor(session, 0))).toBe(MACS_PER_SAMPLE);
    const refresh = measure(() => {
      boundaryGrid(session, { size: 40 });
      unitHealth(session);
      confusionMatrix(session);
      activationsFor(session, 0);
    });
    expect(refresh).toBeLessThan(REFRESH_BUDGET);
  });
});
