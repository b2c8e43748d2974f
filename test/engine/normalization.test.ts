import { describe, expect, it } from 'vitest';
import { applyNormalization, fitNormalization, normalized } from '../../src-engine/normalization';

const EXACT = 1e-12;

// Two features over three samples, row-major: feature 0 = 1, 2, 3; feature 1 = 10, 10, 10.
const X = Float64Array.from([1, 10, 2, 10, 3, 10]);

describe('normalization', () => {
  it('standardizes with the population standard deviation; a constant feature gets scale 1', () => {
    const norm = fitNormalization('standardize', X, 3, 2)!;
    // mean 2, variance ((−1)² + 0² + 1²)/3 = 2/3, std = √(2/3) = 0.8164966
    expect(norm.offset).toEqual([2, 10]);
    expect(Math.abs(norm.scale[0] - Math.sqrt(2 / 3))).toBeLessThan(EXACT);
    expect(norm.scale[1]).toBe(1);
    const out = normalized(norm, X, 3, 2);
    // (1 − 2)/0.8164966 = −1.2247449; the constant feature becomes 0.
    expect(Math.abs(out[0] + 1.224744871391589)).toBeLessThan(EXACT);
    expect([out[1], out[3], out[5]]).toEqual([0, 0, 0]);
  });

  it('maps the training range to [0, 1] with minmax', () => {
    const norm = fitNormalization('minmax', X, 3, 2)!;
    expect(norm).toEqual({ type: 'minmax', offset: [1, 10], scale: [2, 1] });
    // (1, 2, 3 − 1)/2 = 0, 0.5, 1
    expect(Array.from(normalized(norm, X, 3, 2))).toEqual([0, 0, 0.5, 0, 1, 0]);
  });

  it('treats a constant feature as constant even when its mean is off in the last bit', () => {
    // 0.1 + 0.1 + 0.1 = 0.30000000000000004, /3 ≠ 0.1: a naive std would be ~1e-17.
    const norm = fitNormalization('standardize', Float64Array.from([0.1, 0.1, 0.1]), 3, 1)!;
    expect(norm.scale).toEqual([1]);
  });

  it("returns null for 'none' and copies unchanged through a null normalization", () => {
    expect(fitNormalization('none', X, 3, 2)).toBeNull();
    expect(Array.from(normalized(null, X, 3, 2))).toEqual(Array.from(X));
  });

  it('scales in place and refuses parameters of another width', () => {
    const norm = fitNormalization('minmax', X, 3, 2)!;
    const copy = Float64Array.from(X);
    applyNormalization(norm, copy, 3, 2, copy);
    expect(Array.from(copy)).toEqual([0, 0, 0.5, 0, 1, 0]);
    expect(() => applyNormalization(norm, X, 2, 3, new Float64Array(6))).toThrow(/2 features but the data has 3/);
  });

  it('fits without samples to offset 0 and scale 1', () => {
    expect(fitNormalization('standardize', new Float64Array(0), 0, 2)).toEqual({ type: 'standardize', offset: [0, 0], scale: [1, 1] });
  });
});
