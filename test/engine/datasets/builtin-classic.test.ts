/**
 * The classic classroom sets of issue #6, each checked against the rule that defines it
 * (written out here, not taken from the generator): XOR's quadrants, the circles' radii, the
 * Gaussians' and blobs' centres, the 1-D regressions' formulas and the noise level.
 */
import { describe, expect, it } from 'vitest';
import { generateBuiltin, type BuiltinSpec } from '../../../src-engine/datasets/builtin';
import type { Dataset } from '../../../src-engine/datasets/dataset';
import { datasetSpecSchema } from '../../../src-engine/project';

const EXACT = 1e-12;
/** Sample means of 1,000 N(μ, 0.25²) draws lie within ±0.03 of μ (about 4 standard errors). */
const MEAN_TOL = 0.03;

function gen(spec: Record<string, unknown>): Dataset {
  return generateBuiltin(datasetSpecSchema.parse({ type: 'builtin', ...spec }) as BuiltinSpec);
}

const point = (ds: Dataset, i: number): [number, number] => [ds.x[2 * i], ds.x[2 * i + 1]];

function meanOf(ds: Dataset, label: number): [number, number] {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let i = 0; i < ds.n; i++) {
    if (ds.labels![i] !== label) continue;
    sx += ds.x[2 * i];
    sy += ds.x[2 * i + 1];
    n++;
  }
  return [sx / n, sy / n];
}

describe('classic built-in sets', () => {
  it('XOR: class 1 exactly where x·y > 0, points at least 0.05 from the axes', () => {
    const ds = gen({ name: 'xor', samples: 500, noise: 0, seed: 5 });
    expect([ds.n, ds.features, ds.targets, ds.classLabels]).toEqual([500, 2, 1, ['0', '1']]);
    for (let i = 0; i < ds.n; i++) {
      const [a, b] = point(ds, i);
      expect(ds.labels![i]).toBe(a * b > 0 ? 1 : 0);
      expect(ds.y[i]).toBe(ds.labels![i]);
      expect(Math.min(Math.abs(a), Math.abs(b))).toBeGreaterThanOrEqual(0.05);
      expect(Math.max(Math.abs(a), Math.abs(b))).toBeLessThanOrEqual(1);
    }
  });

  it('circles: class 1 inside radius 0.5, class 0 in the ring 0.7 … 1', () => {
    const ds = gen({ name: 'circles', samples: 400, noise: 0, seed: 2 });
    for (let i = 0; i < ds.n; i++) {
      const r = Math.hypot(...point(ds, i));
      if (ds.labels![i] === 1) expect(r).toBeLessThanOrEqual(0.5);
      else expect(r >= 0.7 - EXACT && r <= 1 + EXACT).toBe(true);
    }
  });

  it('two Gaussians: class 1 around (0.5, 0.5), class 0 around (−0.5, −0.5)', () => {
    const ds = gen({ name: 'gaussians', samples: 2000, noise: 0, seed: 3 });
    const [c0, c1] = [meanOf(ds, 0), meanOf(ds, 1)];
    for (const v of c1) expect(Math.abs(v - 0.5)).toBeLessThan(MEAN_TOL);
    for (const v of c0) expect(Math.abs(v + 0.5)).toBeLessThan(MEAN_TOL);
  });

  it('blobs: k classes around centres evenly spaced on the unit circle, one-hot', () => {
    const ds = gen({ name: 'blobs', samples: 4000, noise: 0, seed: 4, classes: 4 });
    expect([ds.targets, ds.classLabels]).toEqual([4, ['0', '1', '2', '3']]);
    // Centres at angles 2πc/4: (1, 0), (0, 1), (−1, 0), (0, −1).
    const centres = [[1, 0], [0, 1], [-1, 0], [0, -1]];
    for (let c = 0; c < 4; c++) {
      const m = meanOf(ds, c);
      expect(Math.abs(m[0] - centres[c][0])).toBeLessThan(MEAN_TOL);
      expect(Math.abs(m[1] - centres[c][1])).toBeLessThan(MEAN_TOL);
    }
    for (let i = 0; i < 8; i++) expect(ds.y[i * 4 + (i % 4)]).toBe(1);
  });

  it('spiral and moons: noise adds N(0, noise²) to every coordinate of the same points', () => {
    for (const name of ['spiral', 'moons']) {
      const clean = gen({ name, samples: 2000, noise: 0, seed: 9 });
      const noisy = gen({ name, samples: 2000, noise: 0.3, seed: 9 });
      const residual = Array.from(noisy.x, (v, i) => v - clean.x[i]);
      const rms = Math.sqrt(residual.reduce((a, r) => a + r * r, 0) / residual.length);
      // 4,000 draws put the RMS of N(0, 0.3²) within ±5 %.
      expect(Math.abs(rms - 0.3)).toBeLessThan(0.015);
      expect(Array.from(noisy.labels!)).toEqual(Array.from(clean.labels!));
    }
  });

  it('every 2-D classification set gives exactly the requested number of samples, classes interleaved', () => {
    for (const name of ['xor', 'circles', 'gaussians', 'spiral', 'moons']) {
      const ds = gen({ name, samples: 101, noise: 0.1, seed: 1 });
      expect(ds.n).toBe(101);
      expect(Array.from(ds.labels!.subarray(0, 4))).toEqual([0, 1, 0, 1]);
      expect(ds.labels!.filter((l) => l === 0).length).toBe(51);
    }
  });

  it('linear 1-D: y = 2x − 1; sine 1-D: y = sin x on [−3, 3)', () => {
    const linear = gen({ name: 'linear1d', samples: 100, noise: 0 });
    const sine = gen({ name: 'sine1d', samples: 100, noise: 0 });
    for (let i = 0; i < 100; i++) {
      expect(linear.x[i] >= -1 && linear.x[i] < 1).toBe(true);
      expect(Math.abs(linear.y[i] - (2 * linear.x[i] - 1))).toBeLessThan(EXACT);
      expect(sine.x[i] >= -3 && sine.x[i] < 3).toBe(true);
      expect(Math.abs(sine.y[i] - Math.sin(sine.x[i]))).toBeLessThan(EXACT);
    }
  });

  it('keeps the notes’ sets fixed whatever samples, noise and seed say', () => {
    const a = gen({ name: 'notes_linear', samples: 50, noise: 3, seed: 8 });
    expect([a.n, Array.from(a.x), Array.from(a.y), a.featureNames]).toEqual([4, [2, 1, 3, 4], [5, 2, 6, 6], ['X']]);
    const b = gen({ name: 'notes_221', samples: 50, noise: 3, seed: 8 });
    expect([b.n, Array.from(b.x), Array.from(b.y)]).toEqual([2, [1, 1, 2, 2], [1, 0]]);
  });

  it('iris is 150 × 4 with three species and digits 1,797 × 64 with ten digits, whatever the seed', () => {
    const iris = gen({ name: 'iris', seed: 11, samples: 7 });
    expect([iris.n, iris.features, iris.classLabels]).toEqual([150, 4, ['setosa', 'versicolor', 'virginica']]);
    expect(iris.featureNames).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    const digits = gen({ name: 'digits', seed: 11, samples: 7 });
    expect([digits.n, digits.features, digits.targets]).toEqual([1797, 64, 10]);
    expect(new Set(digits.labels).size).toBe(10);
  });
});
