import { describe, expect, it } from 'vitest';
import {
  contourSegments,
  RACE_LANES,
  SURFACE_BOUNDS,
  SURFACE_MINIMUM,
  SURFACE_START,
  surfaceGradient,
  surfaceGrid,
  surfaceLevels,
  surfaceLoss,
  surfacePath,
} from '../../../src-engine/lessons';

/** Central differences of a quadratic are exact up to rounding. */
const FD_TOL = 1e-7;

describe('the race’s 2-parameter loss surface', () => {
  it('has the gradient its finite differences give', () => {
    const h = 1e-6;
    for (const [w, b] of [[-1, 7.5], [0.3, 2], [2.5, -1]]) {
      const [dw, db] = surfaceGradient(w, b);
      expect(Math.abs(dw - (surfaceLoss(w + h, b) - surfaceLoss(w - h, b)) / (2 * h))).toBeLessThan(FD_TOL);
      expect(Math.abs(db - (surfaceLoss(w, b + h) - surfaceLoss(w, b - h)) / (2 * h))).toBeLessThan(FD_TOL);
    }
  });

  /** Least squares by hand: w* = cov(X, y)/var(X) = 1.625/1.25 = 1.3, b* = 4.75 − 1.3·2.5 = 1.5. */
  it('has its minimum at (1.3, 1.5)', () => {
    const [dw, db] = surfaceGradient(SURFACE_MINIMUM.w, SURFACE_MINIMUM.b);
    expect(Math.abs(dw)).toBeLessThan(1e-12);
    expect(Math.abs(db)).toBeLessThan(1e-12);
  });

  it('gives every race optimizer a finite path that ends lower than it starts', () => {
    const start = surfaceLoss(SURFACE_START.w, SURFACE_START.b);
    for (const lane of RACE_LANES) {
      const path = surfacePath(lane.surfaceOptimizer);
      expect(path.finite, lane.id).toBe(true);
      expect(path.w.length).toBe(121);
      expect(path.w[0]).toBe(SURFACE_START.w);
      expect(path.loss[path.loss.length - 1], lane.id).toBeLessThan(start / 4);
    }
  });

  it('lets momentum get closer to the minimum than plain SGD in the same number of steps', () => {
    const end = (id: string) => {
      const lane = RACE_LANES.find((l) => l.id === id)!;
      const p = surfacePath(lane.surfaceOptimizer);
      return p.loss[p.loss.length - 1];
    };
    expect(end('momentum')).toBeLessThan(end('sgd'));
  });

  it('draws contour pieces that lie on their level', () => {
    const size = 41;
    const grid = surfaceGrid(size);
    const levels = surfaceLevels(8, grid);
    expect(levels[0]).toBeGreaterThan(surfaceLoss(SURFACE_MINIMUM.w, SURFACE_MINIMUM.b));
    const { wMin, wMax, bMin, bMax } = SURFACE_BOUNDS;
    const level = levels[3];
    const segments = contourSegments(grid, level);
    expect(segments.length).toBeGreaterThan(10);
    for (const [c1, r1] of segments) {
      const w = wMin + ((wMax - wMin) * c1) / (size - 1);
      const b = bMin + ((bMax - bMin) * r1) / (size - 1);
      // Linear interpolation on a coarse grid: within a few per cent of the level.
      expect(Math.abs(surfaceLoss(w, b) - level) / level).toBeLessThan(0.1);
    }
  });
});
