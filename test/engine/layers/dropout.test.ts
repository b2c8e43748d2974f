import { describe, expect, it } from 'vitest';
import { DropoutLayer } from '../../../src-engine/layers/dropout';
import { createRng } from '../../../src-engine/rng';
import { fixedValues, maxGradientError } from '../helpers/gradient-check';

const REL_TOL = 1e-6;
const SIGMAS = 5;

describe('DropoutLayer', () => {
  it('back-propagates through a fixed mask as central differences say', () => {
    const layer = new DropoutLayer('drop', 4, 0.5, createRng(1), 'float64', 3);
    const x = fixedValues(12, 2);
    const c = fixedValues(12, 3);
    layer.forward(x, 3, true); // draws the mask once
    const scalar = (): number => {
      const out = layer.forwardWithMask(x, 3);
      let s = 0;
      for (let i = 0; i < 12; i++) s += c[i] * out[i];
      return s;
    };
    scalar();
    const dInput = Float64Array.from(layer.backward(Float64Array.from(c), 3, true) as Float64Array);
    expect(maxGradientError(scalar, x, dInput)).toBeLessThan(REL_TOL);
  });

  it('keeps each value with probability 1 − p and scales kept values by 1/(1 − p)', () => {
    const units = 100_000;
    const layer = new DropoutLayer('drop', units, 0.2, createRng(7), 'float64', 1);
    const out = layer.forward(new Float64Array(units).fill(1), 1, true);
    let kept = 0;
    for (const v of out) {
      if (v !== 0) {
        kept++;
        expect(v).toBe(1 / 0.8);
      }
    }
    expect(Math.abs(kept - 0.8 * units)).toBeLessThan(SIGMAS * Math.sqrt(units * 0.8 * 0.2));
  });

  it('is the identity at inference', () => {
    const layer = new DropoutLayer('drop', 3, 0.5, createRng(1), 'float64', 1);
    const x = Float64Array.from([1, 2, 3]);
    expect(layer.forward(x, 1, false)).toBe(x);
    const g = Float64Array.from([4, 5, 6]);
    expect(layer.backward(g, 1, true)).toBe(g);
  });
});
