/**
 * "Watch it learn": the last step's gradient of every weight, for the network view's hover
 * tooltip. Only layers narrow enough to draw neuron by neuron get them, so a wide network
 * costs the trainer nothing extra.
 */
import { sessionCore } from '../session-core';
import { cloneTensor } from '../tensor';
import type { TrainingSession } from '../training-session';

/** One dense layer's gradients of the last step, as the optimizer used them (after clipping, penalty included). */
export interface LayerGradients {
  nodeId: string;
  /** ∂L/∂W, `[inputs][units]` row-major, like the snapshot's `weights`. */
  dWeights: Float32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;
  /** ∂L/∂b, `[units]`; null for a layer without bias. */
  dBias: Float32Array<ArrayBuffer> | Float64Array<ArrayBuffer> | null;
}

/**
 * Copies of the weight and bias gradients of the last optimizer step, one entry per dense
 * layer in chain order: null for a layer with more than `maxUnits` units, and for every
 * layer before the session's first step, also after a checkpoint restore (no gradient yet). Allocates the copies; mutates
 * nothing.
 */
export function weightGradients(session: TrainingSession, maxUnits: number): (LayerGradients | null)[] {
  const core = sessionCore(session);
  return core.network.dense.map((layer) => {
    if (!core.hasGradients || layer.units > maxUnits) return null;
    return { nodeId: layer.nodeId, dWeights: cloneTensor(layer.dWeights), dBias: layer.bias ? cloneTensor(layer.dBias) : null };
  });
}
