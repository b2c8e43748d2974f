/**
 * Starting a session from given weights instead of its initializers: after a trainer crash
 * the host keeps the last snapshot it received, and the user resumes from it (with a fresh
 * optimizer state). Shapes are checked first, so a network edited since never gets
 * half-loaded weights.
 */
import type { Network } from './network';

/** The weights of one dense layer, shaped as a `LayerSnapshot`: W `[inputs][units]` row-major, b `[units]` or null. */
export interface InitialLayerWeights {
  nodeId: string;
  weights: ArrayLike<number>;
  bias: ArrayLike<number> | null;
}

/** Why the weights do not fit; `nodeId` is the layer to highlight. */
export interface WeightsMismatch {
  error: string;
  nodeId: string | null;
}

function allFiniteValues(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/**
 * Checks that `weights` has exactly one entry per dense layer of `network` with the right
 * lengths and finite values, then copies them in (nothing is copied on a mismatch). `names`
 * maps node ids to the user's layer names for the message. Returns null on success.
 */
export function applyInitialWeights(network: Network, weights: readonly InitialLayerWeights[], names: ReadonlyMap<string, string>): WeightsMismatch | null {
  const name = (id: string): string => `'${names.get(id) ?? id}'`;
  const fix = 'The network was changed since these weights were saved: reset the weights, or undo the change.';
  const byId = new Map(weights.map((w) => [w.nodeId, w]));
  for (const w of weights) {
    if (!network.dense.some((d) => d.nodeId === w.nodeId)) return { error: `The saved weights include a layer '${w.nodeId}' that the network does not have. ${fix}`, nodeId: null };
  }
  for (const d of network.dense) {
    const w = byId.get(d.nodeId);
    if (!w) return { error: `There are no saved weights for layer ${name(d.nodeId)}. ${fix}`, nodeId: d.nodeId };
    if (w.weights.length !== d.weights.length) {
      return { error: `Layer ${name(d.nodeId)} has ${d.inputs} inputs × ${d.units} units = ${d.weights.length} weights, but the saved weights have ${w.weights.length}. ${fix}`, nodeId: d.nodeId };
    }
    if ((w.bias === null) !== (d.bias === null) || (w.bias !== null && w.bias.length !== d.units)) {
      const saved = w.bias === null ? 'no bias' : `${w.bias.length} bias values`;
      return { error: `Layer ${name(d.nodeId)} has ${d.bias ? `${d.units} bias values` : 'no bias'}, but the saved weights have ${saved}. ${fix}`, nodeId: d.nodeId };
    }
    if (!allFiniteValues(w.weights) || (w.bias !== null && !allFiniteValues(w.bias))) {
      return { error: `The saved weights of layer ${name(d.nodeId)} contain NaN or infinite values (the run had diverged). Reset the weights instead.`, nodeId: d.nodeId };
    }
  }
  for (const d of network.dense) {
    const w = byId.get(d.nodeId) as InitialLayerWeights;
    for (let k = 0; k < d.weights.length; k++) d.weights[k] = w.weights[k];
    if (d.bias && w.bias) for (let k = 0; k < d.units; k++) d.bias[k] = w.bias[k];
  }
  return null;
}
