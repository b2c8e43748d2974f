import { describe, expect, it } from 'vitest';
import { initializeTensor, TRUNCATED_NORMAL_STD } from '../../src-engine/initializers';
import { initializerSchema } from '../../src-engine/project';
import { createRng } from '../../src-engine/rng';

const FAN_IN = 500;
const FAN_OUT = 400;
const N = FAN_IN * FAN_OUT;
/** The sample mean of N draws is within 5 standard errors of the true mean (p ≈ 6e-7 to fail). */
const MEAN_SIGMAS = 5;
/** Sample variance of 200 000 draws: standard error ≈ 0.3 % (normal) – 0.2 % (uniform); allow 2 %. */
const VARIANCE_REL_TOL = 0.02;

function draw(spec: Record<string, unknown>, seed = 1): Float64Array {
  const out = new Float64Array(N);
  initializeTensor(initializerSchema.parse(spec), out, FAN_IN, FAN_OUT, createRng(seed));
  return out;
}

function moments(a: Float64Array): { mean: number; variance: number; maxAbs: number } {
  let s = 0;
  let maxAbs = 0;
  for (const v of a) {
    s += v;
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  const mean = s / a.length;
  let q = 0;
  for (const v of a) q += (v - mean) ** 2;
  return { mean, variance: q / (a.length - 1), maxAbs };
}

/** Expected variance s/n of Keras' variance scaling with fan_in = 500, fan_out = 400. */
const CASES: [type: string, variance: number, bound: number][] = [
  // Glorot: 2/(500 + 400) = 1/450; uniform limit √(6/900)
  ['glorot_uniform', 2 / 900, Math.sqrt(6 / 900)],
  ['glorot_normal', 2 / 900, (2 * Math.sqrt(2 / 900)) / TRUNCATED_NORMAL_STD],
  // He: 2/500; uniform limit √(6/500)
  ['he_uniform', 2 / 500, Math.sqrt(6 / 500)],
  ['he_normal', 2 / 500, (2 * Math.sqrt(2 / 500)) / TRUNCATED_NORMAL_STD],
  // LeCun: 1/500; uniform limit √(3/500)
  ['lecun_uniform', 1 / 500, Math.sqrt(3 / 500)],
  ['lecun_normal', 1 / 500, (2 * Math.sqrt(1 / 500)) / TRUNCATED_NORMAL_STD],
];

describe('initializers', () => {
  for (const [type, variance, bound] of CASES) {
    it(`${type} draws zero-mean values of variance ${variance.toPrecision(4)} within ±${bound.toPrecision(4)}`, () => {
      const m = moments(draw({ type }));
      expect(Math.abs(m.mean)).toBeLessThan((MEAN_SIGMAS * Math.sqrt(variance)) / Math.sqrt(N));
      expect(Math.abs(m.variance / variance - 1)).toBeLessThan(VARIANCE_REL_TOL);
      expect(m.maxAbs).toBeLessThanOrEqual(bound);
    });
  }

  it('draws random_normal and random_uniform with the given parameters', () => {
    const normal = moments(draw({ type: 'random_normal', mean: 0.5, std: 0.2 }));
    expect(Math.abs(normal.mean - 0.5)).toBeLessThan((MEAN_SIGMAS * 0.2) / Math.sqrt(N));
    expect(Math.abs(normal.variance / 0.04 - 1)).toBeLessThan(VARIANCE_REL_TOL);
    // U(−1, 3): mean 1, variance (3 − (−1))²/12 = 4/3
    const uniform = moments(draw({ type: 'random_uniform', min: -1, max: 3 }));
    expect(Math.abs(uniform.mean - 1)).toBeLessThan((MEAN_SIGMAS * Math.sqrt(4 / 3)) / Math.sqrt(N));
    expect(Math.abs(uniform.variance / (4 / 3) - 1)).toBeLessThan(VARIANCE_REL_TOL);
  });

  it('fills zeros, ones, constants and manual values exactly', () => {
    const out = new Float64Array(3);
    const rng = createRng(1);
    initializeTensor({ type: 'ones' }, out, 1, 3, rng);
    expect(Array.from(out)).toEqual([1, 1, 1]);
    initializeTensor({ type: 'constant', value: 0.25 }, out, 1, 3, rng);
    expect(Array.from(out)).toEqual([0.25, 0.25, 0.25]);
    initializeTensor({ type: 'manual', values: [3, 1, 2] }, out, 1, 3, rng);
    expect(Array.from(out)).toEqual([3, 1, 2]);
    initializeTensor({ type: 'zeros' }, out, 1, 3, rng);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });

  it('refuses a manual list of the wrong length, saying how many values it needs', () => {
    expect(() => initializeTensor({ type: 'manual', values: [1, 2] }, new Float64Array(6), 2, 3, createRng(1))).toThrow(/has 2 manual values but needs 6/);
  });

  it('draws the same values from the same seed and different ones from another', () => {
    expect(draw({ type: 'glorot_uniform' }, 5)).toEqual(draw({ type: 'glorot_uniform' }, 5));
    expect(draw({ type: 'glorot_uniform' }, 5)).not.toEqual(draw({ type: 'glorot_uniform' }, 6));
  });
});
