/** Per-layer statistics for the live views: norms, gradient sizes, update ratios, histograms. */
import type { DenseLayer } from './layers/dense';
import type { LayerSnapshot } from './protocol/messages';
import { cloneTensor } from './tensor';
import type { Sums } from './layers/param-kernels';

/** Gradient statistics of one dense layer over its weights and bias together. */
export interface GradientStats {
  /** √(Σ dW² + Σ db²). */
  gradNorm: number;
  /** (Σ|dW| + Σ|db|) / number of parameters. */
  meanAbsGrad: number;
}

/** Reads the layer's current gradients and writes the statistics into `out` (returned); allocates nothing. */
export function gradientStats(layer: DenseLayer, out: GradientStats): GradientStats {
  const sums = SUMS;
  sums.sq = 0;
  sums.abs = 0;
  layer.addGradientSums(sums);
  const count = layer.dWeights.length + layer.dBias.length;
  out.gradNorm = Math.sqrt(sums.sq);
  out.meanAbsGrad = count > 0 ? sums.abs / count : 0;
  return out;
}

/** Reused by `gradientStats` (synchronous, so one is enough). */
const SUMS: Sums = { sq: 0, abs: 0 };

/** Below this weight norm the update ratio divides by this instead (keeps it finite for W = 0). */
const MIN_WEIGHT_NORM = 1e-12;

/** ‖W_new − W_old‖ / max(‖W_old‖, 1e-12) over the weights. */
export function updateRatio(before: ArrayLike<number>, after: ArrayLike<number>): number {
  let d = 0;
  let w = 0;
  for (let k = 0; k < after.length; k++) {
    const diff = after[k] - before[k];
    d += diff * diff;
    w += before[k] * before[k];
  }
  return Math.sqrt(d) / Math.max(Math.sqrt(w), MIN_WEIGHT_NORM);
}

/** Counts of values in `bins` equal-width bins spanning [min, max]. */
export interface Histogram {
  min: number;
  max: number;
  /** counts[i] covers [min + i·w, min + (i+1)·w), the last bin includes max; w = (max − min)/bins. */
  counts: number[];
}

/**
 * Histogram of the finite values of `values` (non-finite ones are skipped). With no spread
 * (all equal, or empty) every value lands in the middle bin. Allocates the result.
 */
export function histogram(values: ArrayLike<number>, bins: number): Histogram {
  const nBins = Math.max(1, Math.floor(bins));
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const counts = new Array<number>(nBins).fill(0);
  if (min === Infinity) return { min: 0, max: 0, counts };
  const width = (max - min) / nBins;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Number.isFinite(v)) continue;
    const i = width > 0 ? Math.min(nBins - 1, Math.floor((v - min) / width)) : Math.floor(nBins / 2);
    counts[i]++;
  }
  return { min, max, counts };
}

/** Histograms of one dense layer. */
export interface LayerHistograms {
  nodeId: string;
  weights: Histogram;
  bias: Histogram | null;
  /** Weight gradients of the last step. */
  weightGradients: Histogram;
}

/** Histograms of a layer's weights, bias and weight gradients. Allocates. */
export function layerHistograms(layer: DenseLayer, bins: number): LayerHistograms {
  return {
    nodeId: layer.nodeId,
    weights: histogram(layer.weights, bins),
    bias: layer.bias ? histogram(layer.bias, bins) : null,
    weightGradients: histogram(layer.dWeights, bins),
  };
}

/**
 * A fresh snapshot of `layer` (copies of W and b) with its weight norm and the gradient
 * statistics `stats` of the last step (`updateRatio` only once there was one). Allocates.
 */
export function layerSnapshot(layer: DenseLayer, stats: GradientStats & { updateRatio?: number }): LayerSnapshot {
  let sq = 0;
  for (let k = 0; k < layer.weights.length; k++) sq += layer.weights[k] * layer.weights[k];
  const snap: LayerSnapshot = {
    nodeId: layer.nodeId,
    inputs: layer.inputs,
    units: layer.units,
    weights: cloneTensor(layer.weights),
    bias: layer.bias ? cloneTensor(layer.bias) : null,
    weightNorm: Math.sqrt(sq),
    gradNorm: stats.gradNorm,
    meanAbsGrad: stats.meanAbsGrad,
  };
  if (stats.updateRatio !== undefined) snap.updateRatio = stats.updateRatio;
  return snap;
}
