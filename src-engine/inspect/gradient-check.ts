/**
 * Gradient check: the back-propagated gradient of the training loss (data loss + L1/L2
 * penalty) against a central finite difference, on the batch the next step will train on
 * (or on given training samples).
 * Runs in float64 (a float32 session is checked on a float64 copy of its network), in
 * inference mode (dropout off, so the loss is a deterministic function of the weights), and
 * changes nothing: weights and gradient buffers are restored exactly and no RNG advances.
 *
 * Near a kink (ReLU at z = 0, L1 at w = 0) the two legitimately differ; such entries are rare
 * with real data and show up as isolated failures.
 */
import { Network } from '../network';
import type { Param } from '../layers/layer';
import { createRng } from '../rng';
import { sessionCore, type SessionCore } from '../session-core';
import type { TrainingSession } from '../training-session';

/** One weight W[row][col] or bias b[bias] of dense layer `layerIndex` (the index in `session.snapshot()`). */
export type GradientTarget = { layerIndex: number; row: number; col: number } | { layerIndex: number; bias: number };

/** The check of one parameter value. */
export interface GradientCheckEntry {
  layerIndex: number;
  nodeId: string;
  role: 'weights' | 'bias';
  /** Weights: W[row][col]; bias: row 0, col = unit. */
  row: number;
  col: number;
  /** ∂E/∂θ from back-propagation. */
  analytic: number;
  /** (E(θ + ε) − E(θ − ε)) / 2ε. */
  numeric: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|), 0 when both are 0. */
  relativeError: number;
  /** False when the relative error exceeds the tolerance by more than floating-point noise in E allows. */
  ok: boolean;
}

/** Options of `checkGradient`. */
export interface GradientCheckOptions {
  /** Relative tolerance; default GRADIENT_CHECK_TOLERANCE. */
  tolerance?: number;
  /** Check on these training-split samples instead of the next batch (at most the batch size). */
  sampleIndices?: ArrayLike<number>;
}

/** The outcome of a check. */
export interface GradientCheckResult {
  entries: GradientCheckEntry[];
  /** The entry with the largest relative error among those not ok, else overall (null without entries). */
  worst: GradientCheckEntry | null;
  maxRelativeError: number;
  /** Every entry ok. */
  passed: boolean;
  epsilon: number;
  tolerance: number;
  /** The batch checked: indices into the training split. */
  sampleIndices: number[];
}

/**
 * Default ε. Central differences err by about ε²·|E‴| (truncation) plus u·|E|/ε (rounding,
 * u = 2.2e-16); ε = 1e-5 balances the two for losses and third derivatives of order 1.
 */
export const GRADIENT_CHECK_EPSILON = 1e-5;
/** Default relative tolerance: correct float64 back-propagation agrees to about 1e-8 or better. */
export const GRADIENT_CHECK_TOLERANCE = 1e-6;
/** An absolute difference below NOISE_FACTOR · u · |E| / ε is rounding noise of the loss, never flagged. */
const NOISE_FACTOR = 16;

/** The float64 network to check on: the session's own, or a float64 copy of a float32 one. */
function float64Network(core: SessionCore): Network {
  const net = core.network;
  if (net.precision === 'float64') return net;
  // The initializers' draws are overwritten below; dropout never runs (inference mode).
  const copy = new Network(core.compiled, net.features, 'float64', net.capacity, createRng(0), createRng(0));
  copy.dense.forEach((d, i) => {
    const src = net.dense[i];
    d.weights.set(src.weights);
    if (d.bias && src.bias) d.bias.set(src.bias);
    d.l1 = src.l1;
    d.l2 = src.l2;
  });
  return copy;
}

/** The parameters and positions `target` names; throws a RangeError for one that does not exist. */
function resolve(net: Network, target: GradientTarget | 'all'): { layerIndex: number; param: Param; index: number; row: number; col: number }[] {
  const list: { layerIndex: number; param: Param; index: number; row: number; col: number }[] = [];
  if (target === 'all') {
    net.dense.forEach((d, layerIndex) => {
      const [w, b] = d.params();
      for (let index = 0; index < w.value.length; index++) list.push({ layerIndex, param: w, index, row: Math.floor(index / d.units), col: index % d.units });
      if (b) for (let index = 0; index < b.value.length; index++) list.push({ layerIndex, param: b, index, row: 0, col: index });
    });
    return list;
  }
  const d = net.dense[target.layerIndex];
  if (!d) throw new RangeError(`checkGradient: there is no dense layer ${target.layerIndex}; the network has ${net.dense.length}.`);
  const [w, b] = d.params();
  if ('bias' in target) {
    if (!b || target.bias < 0 || target.bias >= d.units) throw new RangeError(`checkGradient: layer '${d.nodeId}' has ${b ? d.units : 'no'} bias values; b[${target.bias}] does not exist.`);
    return [{ layerIndex: target.layerIndex, param: b, index: target.bias, row: 0, col: target.bias }];
  }
  const { row, col } = target;
  if (row < 0 || row >= d.inputs || col < 0 || col >= d.units) throw new RangeError(`checkGradient: layer '${d.nodeId}' has W[${d.inputs}][${d.units}]; W[${row}][${col}] does not exist.`);
  return [{ layerIndex: target.layerIndex, param: w, index: row * d.units + col, row, col }];
}

/** The samples to check on: `given`, validated, or the next step's batch. */
function batchOf(core: SessionCore, given: ArrayLike<number> | undefined): Int32Array {
  if (!given) return core.nextBatch();
  const capacity = core.network.capacity;
  if (given.length < 1 || given.length > capacity) throw new RangeError(`checkGradient: give 1 to ${capacity} samples (the batch size), got ${given.length}.`);
  const indices = Int32Array.from(given);
  for (let r = 0; r < indices.length; r++) {
    if (indices[r] !== given[r] || indices[r] < 0 || indices[r] >= core.trainSize) throw new RangeError(`checkGradient: the training split has ${core.trainSize} samples; sample ${given[r]} does not exist.`);
  }
  return indices;
}

/**
 * Compares back-propagation with central differences for `target` (one weight or bias, or
 * 'all'), with step `epsilon`. Leaves the session exactly as it was (weights, gradient
 * buffers, RNGs, position). Throws a RangeError for a target or sample that does not exist.
 */
export function checkGradient(session: TrainingSession, target: GradientTarget | 'all' = 'all', epsilon = GRADIENT_CHECK_EPSILON, options: GradientCheckOptions = {}): GradientCheckResult {
  const core = sessionCore(session);
  const tolerance = options.tolerance ?? GRADIENT_CHECK_TOLERANCE;
  const net = float64Network(core);
  const targets = resolve(net, target);
  const { loss, huberDelta } = core.project.training;
  const indices = batchOf(core, options.sampleIndices);
  const rows = indices.length;
  const params = net.params();
  const savedValues = params.map((p) => Float64Array.from(p.value));
  const savedGrads = params.map((p) => Float64Array.from(p.grad));

  const f = net.features;
  const o = net.outputs;
  for (let r = 0; r < rows; r++) {
    const i = indices[r];
    for (let j = 0; j < f; j++) net.input[r * f + j] = core.train.x[i * f + j];
    for (let j = 0; j < o; j++) net.targets[r * o + j] = core.train.y[i * o + j];
  }
  net.zeroGrads();
  net.forward(rows, false);
  net.lossAndBackward(loss, rows, huberDelta);
  net.addPenaltyGradients();
  const objective = (): number => {
    net.forward(rows, false);
    return net.loss(loss, rows, huberDelta) + net.penalty();
  };

  const entries: GradientCheckEntry[] = targets.map(({ layerIndex, param, index, row, col }) => {
    const analytic = param.grad[index];
    const saved = param.value[index];
    const plus = saved + epsilon;
    const minus = saved - epsilon;
    param.value[index] = plus;
    const fPlus = objective();
    param.value[index] = minus;
    const fMinus = objective();
    param.value[index] = saved;
    // Divide by the step actually taken (plus − minus as stored), not 2ε.
    const numeric = (fPlus - fMinus) / (plus - minus);
    const diff = Math.abs(analytic - numeric);
    const scale = Math.max(Math.abs(analytic), Math.abs(numeric));
    const relativeError = scale === 0 ? 0 : diff / scale;
    const noise = (NOISE_FACTOR * Number.EPSILON * Math.max(Math.abs(fPlus), Math.abs(fMinus))) / (plus - minus);
    const ok = relativeError <= tolerance || diff <= noise;
    return { layerIndex, nodeId: param.nodeId, role: param.role, row, col, analytic, numeric, relativeError, ok };
  });

  params.forEach((p, i) => {
    p.value.set(savedValues[i]);
    p.grad.set(savedGrads[i]);
  });
  let worst: GradientCheckEntry | null = null;
  for (const e of entries) {
    const worse = worst === null || (e.ok === worst.ok ? e.relativeError > worst.relativeError : !e.ok);
    if (worse) worst = e;
  }
  return {
    entries,
    worst,
    maxRelativeError: entries.reduce((m, e) => Math.max(m, e.relativeError), 0),
    passed: entries.every((e) => e.ok),
    epsilon,
    tolerance,
    sampleIndices: Array.from(indices),
  };
}
