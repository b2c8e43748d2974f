/**
 * Recognizes a diverged step (a non-finite loss, gradient or update) and explains it: which
 * step, which layer, and the likely cause with a fix.
 */
import type { Network } from './network';
import { runMessage, type MessageParams, type RunMessage } from './run-messages';
import { allFinite } from './tensor';

/**
 * Why a step was not applied; `nodeId` is the layer where it first shows. `message` is the
 * English text of template `key` with `params` (run-messages.ts), for other languages.
 */
export interface Divergence extends RunMessage {
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
  const at = (nodeId: string, key: RunMessage['key'], params: MessageParams = {}): Divergence => ({
    nodeId,
    ...runMessage(key, { step, lr, layer: names.get(nodeId) ?? nodeId, ...params }),
  });
  if (phase === 'update') {
    const layer = net.dense.find((d) => !allFinite(d.weights) || (d.bias !== null && !allFinite(d.bias))) ?? net.output;
    return at(layer.nodeId, 'diverged-update');
  }
  if (!Number.isFinite(loss)) {
    const layer = net.dense.find((d) => !allFinite(d.z)) ?? net.output;
    const atOutput = layer === net.output && allFinite(layer.z);
    return at(layer.nodeId, atOutput ? 'diverged-loss-output' : 'diverged-loss-overflow', { value: describe(loss) });
  }
  for (let i = net.dense.length - 1; i >= 0; i--) {
    const d = net.dense[i];
    if (!allFinite(d.dWeights) || !allFinite(d.dBias)) return at(d.nodeId, 'diverged-gradient');
  }
  return null;
}

function gradientsFinite(net: Network): boolean {
  for (const d of net.dense) if (!allFinite(d.dWeights) || !allFinite(d.dBias)) return false;
  return true;
}
