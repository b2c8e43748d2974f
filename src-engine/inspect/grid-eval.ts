/**
 * Runs many points through a session's network in inference mode and keeps the output and
 * every hidden unit's activation per point, for the boundary / surface views.
 */
import { DropoutLayer } from '../layers/dropout';
import type { SessionCore } from '../session-core';
import type { Tensor } from '../tensor';
import type { TraceLayerRef } from './step-trace-types';
import { layerRef } from './trace-forward';

/** One hidden layer's activations over the points: `units[j][p]` is unit j at point p. */
export interface LayerGrid extends TraceLayerRef {
  units: Float32Array[];
}

/** The network's outputs `[points][outputUnits]` and every hidden layer's activations. */
export interface GridValues {
  outputs: Float32Array;
  hidden: LayerGrid[];
}

/**
 * Evaluates `count` points: `fill(p, input, offset)` writes point p's features into
 * `input[offset …]`. Every layer but the output and dropout (the identity at inference) is
 * kept as a hidden layer. Uses the network's batch buffers in chunks of its forward capacity, so
 * it allocates only the results and leaves the weights, gradients and RNGs alone.
 */
export function evaluatePoints(core: SessionCore, count: number, fill: (p: number, input: Tensor, offset: number) => void): GridValues {
  const net = core.network;
  const last = net.layers.length - 1;
  const kept = net.layers.map((layer, k) => ({ layer, k })).filter(({ layer, k }) => k < last && !(layer instanceof DropoutLayer));
  const outputs = new Float32Array(count * net.outputs);
  const hidden: LayerGrid[] = kept.map(({ layer, k }) => ({
    ...layerRef(core, layer, k),
    units: Array.from({ length: layer.units }, () => new Float32Array(count)),
  }));
  for (let start = 0; start < count; start += net.forwardCapacity) {
    const rows = Math.min(net.forwardCapacity, count - start);
    for (let r = 0; r < rows; r++) fill(start + r, net.input, r * net.features);
    const out = net.forward(rows, false);
    outputs.set(out.subarray(0, rows * net.outputs), start * net.outputs);
    kept.forEach(({ layer, k }, h) => {
      const a = net.layerOutput(k);
      const units = hidden[h].units;
      for (let r = 0; r < rows; r++) for (let j = 0; j < layer.units; j++) units[j][start + r] = a[r * layer.units + j];
    });
  }
  return { outputs, hidden };
}
