/**
 * The race's 2-parameter loss surface: the notes' linear data (X = 2, 1, 3, 4; y = 5, 2, 6, 6)
 * fitted by ŷ = w·X + b, with E(w, b) = ½·mean_i (w·X_i + b − y_i)². Its valley is long and
 * narrow (Hessian eigenvalues about 8.35 and 0.15), which is where the optimizers differ.
 * Paths are taken by the engine's own optimizers (createOptimizer) on two float64
 * parameters; everything here is cheap (a few thousand evaluations) and runs anywhere.
 */
import type { Param } from '../layers/layer';
import { createOptimizer } from '../optimizers';
import type { OptimizerSpec } from '../project';

/** The surface's data: the notes' linear example. */
export const SURFACE_X: readonly number[] = [2, 1, 3, 4];
export const SURFACE_Y: readonly number[] = [5, 2, 6, 6];

/** Where every path starts: far up the valley's side, so both directions matter. */
export const SURFACE_START = { w: -1, b: 7.5 } as const;

/** The plotted region of (w, b). */
export const SURFACE_BOUNDS = { wMin: -2, wMax: 4, bMin: -2.5, bMax: 9 } as const;

/** Steps each path takes. */
export const SURFACE_STEPS = 120;

/** E(w, b) = ½·mean_i (w·X_i + b − y_i)². */
export function surfaceLoss(w: number, b: number): number {
  let sum = 0;
  for (let i = 0; i < SURFACE_X.length; i++) {
    const r = w * SURFACE_X[i] + b - SURFACE_Y[i];
    sum += r * r;
  }
  return (0.5 * sum) / SURFACE_X.length;
}

/** [∂E/∂w, ∂E/∂b] at (w, b). */
export function surfaceGradient(w: number, b: number): [number, number] {
  let dw = 0;
  let db = 0;
  for (let i = 0; i < SURFACE_X.length; i++) {
    const r = w * SURFACE_X[i] + b - SURFACE_Y[i];
    dw += r * SURFACE_X[i];
    db += r;
  }
  return [dw / SURFACE_X.length, db / SURFACE_X.length];
}

/** The least-squares minimum (w*, b*) = (1.3, 1.5) of the surface. */
export const SURFACE_MINIMUM = { w: 1.3, b: 1.5 } as const;

/** A path over the surface: the points (w, b) from the start, one per step, and the loss at each. */
export interface SurfacePath {
  w: number[];
  b: number[];
  loss: number[];
  /** False when the path left the finite numbers (it is cut there). */
  finite: boolean;
}

/**
 * `steps` steps of the optimizer `spec` from SURFACE_START, using the engine's optimizer
 * classes on two parameters (w and b, as a weight and a bias). Returns steps + 1 points.
 */
export function surfacePath(spec: OptimizerSpec, steps = SURFACE_STEPS): SurfacePath {
  const w: Param = { nodeId: 'surface', role: 'weights', value: Float64Array.of(SURFACE_START.w), grad: new Float64Array(1) };
  const b: Param = { nodeId: 'surface', role: 'bias', value: Float64Array.of(SURFACE_START.b), grad: new Float64Array(1) };
  const optimizer = createOptimizer(spec, [w, b]);
  const path: SurfacePath = { w: [w.value[0]], b: [b.value[0]], loss: [surfaceLoss(w.value[0], b.value[0])], finite: true };
  for (let t = 0; t < steps; t++) {
    const [dw, db] = surfaceGradient(w.value[0], b.value[0]);
    w.grad[0] = dw;
    b.grad[0] = db;
    optimizer.step();
    const loss = surfaceLoss(w.value[0], b.value[0]);
    if (!Number.isFinite(loss)) {
      path.finite = false;
      break;
    }
    path.w.push(w.value[0]);
    path.b.push(b.value[0]);
    path.loss.push(loss);
  }
  return path;
}

/** The surface sampled on a grid: `values[r * size + c]` at w = column c, b = row r (row 0 at bMin). */
export interface SurfaceGrid {
  size: number;
  values: Float64Array;
}

/** E on a `size`×`size` grid over SURFACE_BOUNDS (corners included). Allocates. */
export function surfaceGrid(size: number): SurfaceGrid {
  const { wMin, wMax, bMin, bMax } = SURFACE_BOUNDS;
  const values = new Float64Array(size * size);
  for (let r = 0; r < size; r++) {
    const b = bMin + ((bMax - bMin) * r) / (size - 1);
    for (let c = 0; c < size; c++) values[r * size + c] = surfaceLoss(wMin + ((wMax - wMin) * c) / (size - 1), b);
  }
  return { size, values };
}

/** A contour line piece from (x1, y1) to (x2, y2), in grid coordinates (column, row; fractional). */
export type Segment = [number, number, number, number];

/**
 * Marching squares: the pieces of the contour E = `level` through `grid`, in grid
 * coordinates. Saddle cells (two opposite corners above) are split by the cell's centre value.
 */
export function contourSegments(grid: SurfaceGrid, level: number): Segment[] {
  const { size, values } = grid;
  const out: Segment[] = [];
  const at = (r: number, c: number) => values[r * size + c];
  // Where the level crosses between two corners, as a fraction from the first.
  const cross = (a: number, b: number) => (a === b ? 0.5 : (level - a) / (b - a));
  for (let r = 0; r < size - 1; r++) {
    for (let c = 0; c < size - 1; c++) {
      const v0 = at(r, c);
      const v1 = at(r, c + 1);
      const v2 = at(r + 1, c + 1);
      const v3 = at(r + 1, c);
      const code = (v0 > level ? 1 : 0) | (v1 > level ? 2 : 0) | (v2 > level ? 4 : 0) | (v3 > level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      // Edge points: bottom (r, c→c+1), right (c+1, r→r+1), top (r+1, c→c+1), left (c, r→r+1).
      const bottom: [number, number] = [c + cross(v0, v1), r];
      const right: [number, number] = [c + 1, r + cross(v1, v2)];
      const top: [number, number] = [c + cross(v3, v2), r + 1];
      const left: [number, number] = [c, r + cross(v0, v3)];
      const pairs: [number, number][][] = [];
      switch (code) {
        case 1: case 14: pairs.push([left, bottom]); break;
        case 2: case 13: pairs.push([bottom, right]); break;
        case 3: case 12: pairs.push([left, right]); break;
        case 4: case 11: pairs.push([right, top]); break;
        case 6: case 9: pairs.push([bottom, top]); break;
        case 7: case 8: pairs.push([left, top]); break;
        case 5: case 10: {
          const centreAbove = (v0 + v1 + v2 + v3) / 4 > level;
          // Code 5: corners 0 and 2 above. With the centre above they join, so the lines cut corners 1 and 3 off.
          if ((code === 5) === centreAbove) pairs.push([bottom, right], [left, top]);
          else pairs.push([left, bottom], [right, top]);
          break;
        }
        default:
          break;
      }
      for (const [p, q] of pairs) out.push([p[0], p[1], q[0], q[1]]);
    }
  }
  return out;
}

/** Contour levels for the plot: geometric from just above the minimum to the largest value shown. */
export function surfaceLevels(count: number, grid: SurfaceGrid): number[] {
  let max = 0;
  for (const v of grid.values) max = Math.max(max, v);
  const min = surfaceLoss(SURFACE_MINIMUM.w, SURFACE_MINIMUM.b);
  const lo = Math.max(min + 0.01, 0.02);
  return Array.from({ length: count }, (_, i) => lo * (max / lo) ** (i / Math.max(1, count - 1)));
}
