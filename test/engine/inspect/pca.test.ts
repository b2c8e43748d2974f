import { describe, expect, it } from 'vitest';
import { pca2, projectOntoPca } from '../../../src-engine/inspect/pca';
import { fixedValues } from '../helpers/gradient-check';

/** Power iteration stops at a change of 1e-12 per step; eigen-pairs are that exact. */
const EIGEN_TOL = 1e-9;

describe('pca2', () => {
  it('finds the axes of a box of points: variances 4 and 1 along x and y', () => {
    // The 8 corners (±2, ±1, ±0.5) have mean 0, population variances 4, 1, 0.25 and no
    // covariance, so pc1 = e_x with variance 4 and pc2 = e_y with variance 1.
    const x: number[] = [];
    for (const a of [-2, 2]) for (const b of [-1, 1]) for (const c of [-0.5, 0.5]) x.push(a, b, c);
    const p = pca2(x, 8, 3);
    expect(Array.from(p.mean)).toEqual([0, 0, 0]);
    expect(Math.abs(p.variances[0] - 4)).toBeLessThan(EIGEN_TOL);
    expect(Math.abs(p.variances[1] - 1)).toBeLessThan(EIGEN_TOL);
    expect(Array.from(p.components[0]).map((v) => Math.round(v * 1e9) / 1e9 + 0)).toEqual([1, 0, 0]);
    expect(Array.from(p.components[1]).map((v) => Math.round(v * 1e9) / 1e9 + 0)).toEqual([0, 1, 0]);
    // (2, 1, 0.5) projects to (2, 1)
    const c = projectOntoPca(p, [2, 1, 0.5], 1, 3);
    expect(Math.abs(c[0] - 2) + Math.abs(c[1] - 1)).toBeLessThan(EIGEN_TOL);
  });

  it('is not misled when the largest column of the covariance is orthogonal to the top component', () => {
    // x₁ = x₂ = u (u = ±1) and x₃ = w (w = ±√1.5), all four combinations: covariance
    // [[1, 1, 0], [1, 1, 0], [0, 0, 1.5]]. Its largest column, (0, 0, 1.5), is an eigenvector
    // of the smaller eigenvalue 1.5; the top one is (1, 1, 0)/√2 with eigenvalue 2.
    const w = Math.sqrt(1.5);
    const x = [1, 1, w, 1, 1, -w, -1, -1, w, -1, -1, -w];
    const p = pca2(x, 4, 3);
    expect(Math.abs(p.variances[0] - 2)).toBeLessThan(EIGEN_TOL);
    expect(Math.abs(p.variances[1] - 1.5)).toBeLessThan(EIGEN_TOL);
    expect(Math.abs(p.components[0][0] - Math.SQRT1_2) + Math.abs(p.components[0][1] - Math.SQRT1_2)).toBeLessThan(EIGEN_TOL);
    expect(Math.abs(p.components[1][2] - 1)).toBeLessThan(EIGEN_TOL);
  });

  it('recovers a tilted plane in 5 dimensions, deterministically', () => {
    // Points m + a·u + b·v with orthonormal u, v, a spread 3× wider than b, plus 1e-4 noise.
    const n = 200;
    const d = 5;
    const u = [1, 1, 0, 0, 1].map((t) => t / Math.sqrt(3));
    const v = [1, -1, 1, 0, 0].map((t) => t / Math.sqrt(3));
    const ab = fixedValues(2 * n, 3);
    const noise = fixedValues(n * d, 4, -1e-4, 1e-4);
    const x = new Float64Array(n * d);
    for (let r = 0; r < n; r++) for (let j = 0; j < d; j++) x[r * d + j] = 0.5 + 3 * ab[2 * r] * u[j] + ab[2 * r + 1] * v[j] + noise[r * d + j];
    const p = pca2(x, n, d);
    const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => Array.from(a).reduce((s, t, j) => s + t * b[j], 0);
    // The plane of pc1 and pc2 is the plane of u and v (up to the noise) …
    for (const axis of [u, v]) expect(dot(p.components[0], axis) ** 2 + dot(p.components[1], axis) ** 2).toBeGreaterThan(1 - 1e-6);
    expect(Math.abs(dot(p.components[0], p.components[1]))).toBeLessThan(1e-9);
    // … and each is an eigenvector of the sample covariance: C·pc = λ·pc.
    const cov = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => {
      let s = 0;
      for (let r = 0; r < n; r++) s += (x[r * d + i] - p.mean[i]) * (x[r * d + j] - p.mean[j]);
      return s / n;
    }));
    for (const k of [0, 1]) {
      const c = p.components[k];
      const residual = cov.reduce((worst, row, i) => Math.max(worst, Math.abs(dot(row, c) - p.variances[k] * c[i])), 0);
      expect(residual).toBeLessThan(1e-9);
    }
    expect(p.variances[0]).toBeGreaterThan(p.variances[1]);
    expect(pca2(x, n, d)).toEqual(p);
  });
});
