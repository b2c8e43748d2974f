/**
 * Recognizes a diverged step (a non-finite loss, gradient or update) and explains it: which
 * step, which layer, and the likely cause with a fix.
 */
import type { Network } from './network';
import { allFinite } from './tensor';

/** Why a step was not applied; `nodeId` is the layer where it first shows. */
export interface Divergence {
  message: string;
  nodeId: string | null;
}

function describe(value: number): string {
  return Number.isNaN(value) ? 'NaN' : 'infinite';
}

/**
 * `phase` 'gradient' (before the update): returns null when the loss and every gradient are
 * finite; otherwise names the first dense layer whose pre-activations overflowed (loss) or,
 * going back from the output, the first layer with a non-finite gradient. `phase` 'update':
 * the update itself overflowed; names the first layer whose new weights are not finite.
 * Reads the network's buffers of the last forward/backward; mutates nothing.
 */
export function describeDivergence(step: number, loss: number, lr: number, net: Network, names: ReadonlyMap<string, string>, phase: 'gradient' | 'update'): Divergence | null {
  if (phase === 'gradient' && Number.isFinite(loss) && gradientsFinite(net)) return null; // the usual case: allocate nothing
  const name = (id: string): string => `'${names.get(id) ?? id}'`;
  const fix = `The learning rate (${lr}) is probably too high: lower it, or enable gradient clipping.`;
  if (phase === 'update') {
    const layer = net.dense.find((d) => !allFinite(d.weights) || (d.bias !== null && !allFinite(d.bias))) ?? net.output;
    return {
      nodeId: layer.nodeId,
      message: `Training diverged at step ${step}: the update made the weights of ${name(layer.nodeId)} overflow, so it was not applied. ${fix}`,
    };
  }
  if (!Number.isFinite(loss)) {
    const layer = net.dense.find((d) => !allFinite(d.z)) ?? net.output;
    const where = layer === net.output && allFinite(layer.z) ? `at the output ${name(layer.nodeId)}` : `because the outputs of ${name(layer.nodeId)} overflowed`;
    return {
      nodeId: layer.nodeId,
      message: `Training diverged at step ${step}: the loss became ${describe(loss)} ${where}; the update was not applied. ${fix} Very large inputs can also cause this: scale them to about −1 … 1.`,
    };
  }
  for (let i = net.dense.length - 1; i >= 0; i--) {
    const d = net.dense[i];
    if (!allFinite(d.dWeights) || !allFinite(d.dBias)) {
      return {
        nodeId: d.nodeId,
        message: `Training diverged at step ${step}: the gradient of ${name(d.nodeId)} became infinite or NaN (exploding gradients); the update was not applied. ${fix}`,
      };
    }
  }
  return null;
}

function gradientsFinite(net: Network): boolean {
  for (const d of net.dense) if (!allFinite(d.dWeights) || !allFinite(d.dBias)) return false;
  return true;
}
