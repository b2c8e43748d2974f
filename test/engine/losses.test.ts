import { describe, expect, it } from 'vitest';
import { computeLoss } from '../../src-engine/losses';
import { LOSSES } from '../../src-engine/project';
import { fixedValues, maxGradientError } from './helpers/gradient-check';

const REL_TOL = 1e-6;
const EXACT = 1e-12;
const ROWS = 3;
const UNITS = 3;

/** Targets that fit each loss: one-hot rows for categorical, 0/1 for binary, reals otherwise. */
function targetsFor(loss: string): Float64Array {
  if (loss === 'categorical_crossentropy') return Float64Array.from([1, 0, 0, 0, 0, 1, 0, 1, 0]);
  if (loss === 'binary_crossentropy') return Float64Array.from([1, 0, 1, 0, 0, 1, 1, 1, 0]);
  return fixedValues(ROWS * UNITS, 5);
}

describe('losses', () => {
  for (const loss of LOSSES) {
    it(`${loss}: the gradient matches central differences`, () => {
      // Predictions stay ≥ 0.01 away from the targets so MAE's and Huber's kinks are not crossed.
      const y = targetsFor(loss);
      const p = fixedValues(ROWS * UNITS, 9, -2, 2).map((v, i) => (Math.abs(v - y[i]) < 0.01 ? v + 0.3 : v));
      const grad = new Float64Array(ROWS * UNITS);
      computeLoss(loss, p, y, grad, ROWS, UNITS, 0.7);
      expect(maxGradientError(() => computeLoss(loss, p, y, null, ROWS, UNITS, 0.7), p, grad)).toBeLessThan(REL_TOL);
    });
  }

  it('computes half_sse as the notes’ E = ½(y − ŷ)²', () => {
    // ½(1 − 0.5465493)² = 0.1028088 (notes 002, first data point)
    expect(computeLoss('half_sse', [0.5465493], [1], null, 1, 1)).toBeCloseTo(0.1028088, 7);
  });

  it('averages mse over samples and outputs', () => {
    // ((1−0)² + (2−0)² + (0−0)² + (3−1)²) / 4 = 9/4
    expect(computeLoss('mse', [1, 2, 0, 3], [0, 0, 0, 1], null, 2, 2)).toBeCloseTo(2.25, 15);
  });

  it('uses the quadratic branch of Huber inside δ and the linear one outside', () => {
    // δ = 1: d = 0.5 → ½·0.25 = 0.125; d = 3 → 1·(3 − ½) = 2.5; mean = 1.3125
    expect(computeLoss('huber', [0.5, 3], [0, 0], null, 2, 1, 1)).toBeCloseTo(1.3125, 15);
  });

  it('computes binary cross-entropy from logits without overflow', () => {
    // z = 0: −log σ(0) = log 2. z = 800 with y = 0: loss ≈ 800, finite.
    expect(computeLoss('binary_crossentropy', [0], [1], null, 1, 1)).toBeCloseTo(Math.LN2, 15);
    const big = computeLoss('binary_crossentropy', [800], [0], null, 1, 1);
    expect(Math.abs(big - 800)).toBeLessThan(EXACT);
  });

  it('computes categorical cross-entropy from logits as −log softmax of the true class', () => {
    // logits (0, ln 3): softmax = (1/4, 3/4); true class 1 → −log(3/4)
    expect(computeLoss('categorical_crossentropy', [0, Math.log(3)], [0, 1], null, 1, 2)).toBeCloseTo(-Math.log(0.75), 14);
  });
});
