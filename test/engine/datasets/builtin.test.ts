import { describe, expect, it } from 'vitest';
import { generateBuiltin, type BuiltinSpec } from '../../../src-engine/datasets/builtin';
import { datasetSpecSchema } from '../../../src-engine/project';
import type { Dataset } from '../../../src-engine/datasets/dataset';

const EXACT = 1e-12;

function gen(spec: Record<string, unknown>): Dataset {
  return generateBuiltin(datasetSpecSchema.parse({ type: 'builtin', ...spec }) as BuiltinSpec);
}

function std(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
}

describe('built-in generators', () => {
  it('polynomial1d: y = x³ − x on [−1.5, 1.5) without noise', () => {
    const ds = gen({ name: 'polynomial1d', samples: 200, noise: 0 });
    expect([ds.n, ds.features, ds.targets, ds.task]).toEqual([200, 1, 1, 'regression']);
    for (let i = 0; i < ds.n; i++) {
      const x = ds.x[i];
      expect(x >= -1.5 && x < 1.5).toBe(true);
      expect(Math.abs(ds.y[i] - (x * x * x - x))).toBeLessThan(EXACT);
    }
  });

  it('surface2d: y = sin(x₁)·cos(x₂) on [−3, 3)²; saddle: y = x₁² − x₂² on [−1, 1)²', () => {
    const surface = gen({ name: 'surface2d', samples: 100, noise: 0 });
    const saddle = gen({ name: 'saddle', samples: 100, noise: 0 });
    expect(surface.featureNames).toEqual(['x1', 'x2']);
    for (let i = 0; i < 100; i++) {
      const [a, b] = [surface.x[2 * i], surface.x[2 * i + 1]];
      expect(Math.abs(a) <= 3 && Math.abs(b) <= 3).toBe(true);
      expect(Math.abs(surface.y[i] - Math.sin(a) * Math.cos(b))).toBeLessThan(EXACT);
      const [c, d] = [saddle.x[2 * i], saddle.x[2 * i + 1]];
      expect(Math.abs(c) <= 1 && Math.abs(d) <= 1).toBe(true);
      expect(Math.abs(saddle.y[i] - (c * c - d * d))).toBeLessThan(EXACT);
    }
  });

  it('regression noise moves only the targets, by about the noise level', () => {
    for (const name of ['polynomial1d', 'surface2d', 'saddle', 'linear1d', 'sine1d']) {
      const clean = gen({ name, samples: 2000, noise: 0, seed: 7 });
      const noisy = gen({ name, samples: 2000, noise: 0.2, seed: 7 });
      expect(noisy.x).toEqual(clean.x);
      const residual = Array.from(noisy.y, (v, i) => v - clean.y[i]);
      // The residual is N(0, 0.2²); 2000 samples put its standard deviation within ±10 %.
      expect(Math.abs(std(residual) - 0.2)).toBeLessThan(0.02);
    }
  });

  for (const name of ['xor', 'circles', 'gaussians', 'spiral', 'moons', 'blobs']) {
    it(`${name} takes samples, noise and seed`, () => {
      const base = { name, samples: 37, noise: 0.2, seed: 1, classes: 2 };
      const ds = gen(base);
      expect([ds.n, ds.features, ds.task]).toEqual([37, 2, 'classification']);
      expect(gen({ ...base, seed: 2 }).x).not.toEqual(ds.x);
      expect(gen({ ...base, noise: 0 }).x).not.toEqual(ds.x);
      expect(gen(base).x).toEqual(ds.x);
    });
  }

  it('blobs makes as many classes as asked, interleaved', () => {
    const ds = gen({ name: 'blobs', samples: 50, classes: 5 });
    expect(ds.classLabels).toEqual(['0', '1', '2', '3', '4']);
    expect(Array.from(ds.labels!.subarray(0, 7))).toEqual([0, 1, 2, 3, 4, 0, 1]);
  });

  it('keeps the spiral geometry: r = 3s, θ = 2πs + π·label', () => {
    // samples 4, no noise: class 0 has points k = 0, 1 of m = 2, so s = (k + ½)/2 = ¼, ¾.
    // k = 0: r = 0.75, θ = π/2 → (r·sin θ, r·cos θ) = (0.75, 0).
    // Sample 1 is class 1, k = 0: θ = π/2 + π → (−0.75, 0).
    const ds = gen({ name: 'spiral', samples: 4, noise: 0 });
    const expected = [0.75, 0, -0.75, 0];
    for (let i = 0; i < 4; i++) expect(Math.abs(ds.x[i] - expected[i])).toBeLessThan(EXACT);
    // k = 1 of class 0: s = ¾, r = 2.25, θ = 3π/2 → (−2.25, 0).
    expect(Math.abs(ds.x[4] + 2.25)).toBeLessThan(EXACT);
  });

  it('keeps the moons geometry', () => {
    // samples 4, no noise: class 0, k = 0 of m = 2: t = 0 → (cos 0 − ½, sin 0 − ¼) = (0.5, −0.25);
    // class 1, k = 0: (½ − cos 0, ¼ − sin 0) = (−0.5, 0.25).
    const ds = gen({ name: 'moons', samples: 4, noise: 0 });
    const expected = [0.5, -0.25, -0.5, 0.25];
    for (let i = 0; i < 4; i++) expect(Math.abs(ds.x[i] - expected[i])).toBeLessThan(EXACT);
  });
});
