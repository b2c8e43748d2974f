/**
 * "Watch it learn": the decision boundary (classification) or fitted surface (regression)
 * on a grid over the data, with every hidden unit's activation on the same grid for
 * thumbnails. Two inputs: the grid spans the inputs themselves, in the data's own units
 * (the session's input scaling is applied before the network, as `predict` does). More:
 * the plane of the first two principal components of the training inputs as the network
 * sees them (scaled), each grid point being mean + a·pc1 + b·pc2. One input: the fitted
 * curve over the input's range.
 */
import type { DataPart } from '../data-split';
import { scaleValue, type FittedNormalization } from '../normalization';
import { sessionCore, type SessionCore } from '../session-core';
import type { TrainingSession } from '../training-session';
import { evaluatePoints, type LayerGrid } from './grid-eval';
import { pca2, projectOntoPca, type Pca2 } from './pca';

/** A rectangle in the plot's coordinates (inputs, or PCA coordinates a, b). */
export interface GridBounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** What to draw. */
export interface BoundaryGridOptions {
  /** Cells per side (plane) or points (curve), at least 2. */
  size: number;
  /** The area to cover; default: the data's range plus `margin` (curves use xMin, xMax only). */
  bounds?: GridBounds;
  /** Extra room on each side, as a fraction of the data's range; default 0.1. */
  margin?: number;
}

/** A plane of `size × size` cells; cell (row iy, column ix) is at index iy·size + ix, row 0 at the top (largest y), as an image. */
export interface PlaneGrid {
  kind: 'plane';
  /** 'inputs': the axes are the two inputs; 'pca': the principal-component coordinates a and b. */
  projection: 'inputs' | 'pca';
  size: number;
  bounds: GridBounds;
  /** Centre of each column (increasing) and each row (decreasing). */
  xs: Float32Array;
  ys: Float32Array;
  outputUnits: number;
  /** Network outputs `[size·size][outputUnits]`. */
  outputs: Float32Array;
  /** Each hidden layer's units on the same cells. */
  hidden: LayerGrid[];
  /** Every sample's coordinates `[n][2]` in this plane (inputs in the data's units), training and validation split. */
  samples: { train: Float32Array; val: Float32Array };
  /** The projection, for 'pca'; null otherwise. */
  pca: Pca2 | null;
}

/** A fitted curve for one input: `size` points from xMin to xMax, both included. */
export interface CurveGrid {
  kind: 'curve';
  size: number;
  bounds: { xMin: number; xMax: number };
  xs: Float32Array;
  outputUnits: number;
  /** Network outputs `[size][outputUnits]`. */
  outputs: Float32Array;
  hidden: LayerGrid[];
  /** Every sample's input value `[n]` in the data's units, training and validation split. */
  samples: { train: Float32Array; val: Float32Array };
}

/** The view's data: a plane (two or more inputs) or a curve (one input). */
export type BoundaryGrid = PlaneGrid | CurveGrid;

/** What a session's data looks like in its plot, computed once per session (the data never changes). */
interface PlotData {
  pca: Pca2 | null;
  train: Float32Array;
  val: Float32Array;
  /** The data's range, no margin. */
  range: GridBounds;
}

const PLOT_DATA = new WeakMap<DataPart, PlotData>();
const DEFAULT_MARGIN = 0.1;

/**
 * Coordinates of `part` in the plot: its PCA coordinates, or (d ≤ 2) its inputs in the
 * data's units, undoing the scaling: x = x'·scale + offset (exact to rounding).
 */
function coordinates(part: DataPart, d: number, pca: Pca2 | null, norm: FittedNormalization | null): Float64Array {
  if (pca) return projectOntoPca(pca, part.x, part.n, d);
  return Float64Array.from(part.x, (v, k) => (norm ? v * norm.scale[k % d] + norm.offset[k % d] : v));
}

/** Feature j of a plot coordinate as the network takes it (scaled when the session scales). */
function toInput(norm: FittedNormalization | null, j: number, v: number): number {
  return norm ? scaleValue(norm, j, v) : v;
}

function plotData(core: SessionCore): PlotData {
  const cached = PLOT_DATA.get(core.train);
  if (cached) return cached;
  const d = core.network.features;
  const pca = d > 2 ? pca2(core.train.x, core.train.n, d) : null;
  const train = coordinates(core.train, d, pca, core.normalization);
  const val = coordinates(core.val, d, pca, core.normalization);
  const dims = Math.min(d, 2);
  const lo = [Infinity, Infinity];
  const hi = [-Infinity, -Infinity];
  for (const c of [train, val]) {
    for (let k = 0; k < c.length; k++) {
      const axis = k % dims;
      lo[axis] = Math.min(lo[axis], c[k]);
      hi[axis] = Math.max(hi[axis], c[k]);
    }
  }
  const range = { xMin: lo[0], xMax: hi[0], yMin: dims > 1 ? lo[1] : 0, yMax: dims > 1 ? hi[1] : 0 };
  // The range from the float64 coordinates; the float32 copies are for drawing only.
  const data = { pca, train: Float32Array.from(train), val: Float32Array.from(val), range };
  PLOT_DATA.set(core.train, data);
  return data;
}

/** [lo, hi] widened by margin·(hi − lo) each side; a single value becomes value ± 1. */
function widen(lo: number, hi: number, margin: number): [number, number] {
  if (!(hi > lo)) return Number.isFinite(lo) ? [lo - 1, lo + 1] : [-1, 1];
  const m = (hi - lo) * margin;
  return [lo - m, hi + m];
}

/**
 * The boundary / surface view of `session` now: outputs and hidden activations on a grid
 * (see the types). Uses the network's batch buffers; changes no weights, gradients, RNGs
 * or counters, so it can run between any two steps. Cost: size² (plane) or size (curve)
 * inference rows; the PCA and sample coordinates are computed on the first call only.
 */
export function boundaryGrid(session: TrainingSession, options: BoundaryGridOptions): BoundaryGrid {
  const core = sessionCore(session);
  const net = core.network;
  const size = Math.max(2, Math.floor(options.size));
  const margin = options.margin ?? DEFAULT_MARGIN;
  const data = plotData(core);
  const given = options.bounds;
  const [xMin, xMax] = given ? [given.xMin, given.xMax] : widen(data.range.xMin, data.range.xMax, margin);
  const samples = { train: data.train.slice(), val: data.val.slice() };

  if (net.features === 1) {
    const xs = Float32Array.from({ length: size }, (_, i) => xMin + ((xMax - xMin) * i) / (size - 1));
    const values = evaluatePoints(core, size, (p, input, offset) => (input[offset] = toInput(core.normalization, 0, xMin + ((xMax - xMin) * p) / (size - 1))));
    return { kind: 'curve', size, bounds: { xMin, xMax }, xs, outputUnits: net.outputs, ...values, samples };
  }

  const [yMin, yMax] = given ? [given.yMin, given.yMax] : widen(data.range.yMin, data.range.yMax, margin);
  const xAt = (ix: number): number => xMin + ((ix + 0.5) * (xMax - xMin)) / size;
  const yAt = (iy: number): number => yMax - ((iy + 0.5) * (yMax - yMin)) / size;
  const pca = data.pca;
  const d = net.features;
  const values = evaluatePoints(core, size * size, (p, input, offset) => {
    const a = xAt(p % size);
    const b = yAt(Math.floor(p / size));
    if (!pca) {
      input[offset] = toInput(core.normalization, 0, a);
      input[offset + 1] = toInput(core.normalization, 1, b);
      return;
    }
    const [pc1, pc2] = pca.components;
    for (let j = 0; j < d; j++) input[offset + j] = pca.mean[j] + a * pc1[j] + b * pc2[j];
  });
  return {
    kind: 'plane',
    projection: pca ? 'pca' : 'inputs',
    size,
    bounds: { xMin, xMax, yMin, yMax },
    xs: Float32Array.from({ length: size }, (_, ix) => xAt(ix)),
    ys: Float32Array.from({ length: size }, (_, iy) => yAt(iy)),
    outputUnits: net.outputs,
    ...values,
    samples,
    pca: pca ? { mean: pca.mean.slice(), components: [pca.components[0].slice(), pca.components[1].slice()], variances: [pca.variances[0], pca.variances[1]] } : null,
  };
}
