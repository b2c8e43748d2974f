/**
 * The backward stages of a step trace, read from the network's gradient buffers right
 * after the step's own back-propagation (before clipping and the update).
 */
import { activationBackward } from '../activations';
import { ActivationLayer } from '../layers/activation-layer';
import { DenseLayer } from '../layers/dense';
import { DropoutLayer } from '../layers/dropout';
import type { SessionCore } from '../session-core';
import type { Tensor } from '../tensor';
import type { BackwardSample, BackwardStage, GradientEntry, Product } from './step-trace-types';
import { layerRef, rowOf } from './trace-forward';

/**
 * f′(z) for a `[rows][units]` batch through the engine's own `activationBackward` with
 * dA = 1 (so dZ = f′(z)); null for softmax, whose derivative is a Jacobian. Allocates.
 */
function activationSlope(layer: DenseLayer | ActivationLayer, z: ArrayLike<number>, a: ArrayLike<number>, rows: number): Float64Array | null {
  if (layer.activation === 'softmax') return null;
  const n = rows * layer.units;
  const slope = new Float64Array(n);
  activationBackward(layer.activation, z, a, new Float64Array(n).fill(1), slope, rows, layer.units, layer.alpha);
  return slope;
}

/** An entry of value `value` that is a single product (or has no factors to show). */
function single(value: number, factors: Product | null): GradientEntry {
  return { value, terms: factors ? [factors] : [], penalty: 0 };
}

/** Dense layer: δ, ∂E/∂x, ∂E/∂W and ∂E/∂b. */
function denseSamples(core: SessionCore, k: number, layer: DenseLayer, rows: number, fused: boolean): BackwardSample[] {
  const net = core.network;
  const { inputs, units, weights, dZ } = layer;
  const dOut = net.outputGradient(k);
  const dIn = k > 0 ? net.outputGradient(k - 1) : null;
  const slope = fused ? null : activationSlope(layer, layer.z, layer.a, rows);
  return Array.from({ length: rows }, (_, r): BackwardSample => ({
    dEda: dOut ? rowOf(dOut, r, units) : null,
    dadz: slope ? rowOf(slope, r, units) : null,
    delta: rowOf(dZ, r, units),
    dInput: dIn
      ? Array.from({ length: inputs }, (_, i): GradientEntry => ({
          value: dIn[r * inputs + i],
          terms: Array.from({ length: units }, (_, j): Product => [weights[i * units + j], dZ[r * units + j]]),
          penalty: 0,
        }))
      : null,
  }));
}

/** Parameter gradients of a dense layer: products [x_i, δ_j] per sample, plus the penalty part. */
function denseGradients(core: SessionCore, k: number, layer: DenseLayer, rows: number): { dWeights: GradientEntry[][]; dBias: GradientEntry[] | null } {
  const x = core.network.layerOutput(k - 1);
  const { inputs, units, weights, dZ, l1, l2 } = layer;
  const dWeights = Array.from({ length: inputs }, (_, i) =>
    Array.from({ length: units }, (_, j): GradientEntry => {
      const w = weights[i * units + j];
      // DenseLayer.addPenaltyGradient: l1·sign(w) + 2·l2·w, sign(0) = 0
      const penalty = l1 === 0 && l2 === 0 ? 0 : l1 * (w > 0 ? 1 : w < 0 ? -1 : 0) + 2 * l2 * w;
      const terms = Array.from({ length: rows }, (_, r): Product => [x[r * inputs + i], dZ[r * units + j]]);
      return { value: layer.dWeights[i * units + j], terms, penalty };
    }),
  );
  const dBias = layer.bias
    ? Array.from({ length: units }, (_, j): GradientEntry => ({
        value: layer.dBias[j],
        terms: Array.from({ length: rows }, (_, r): Product => [1, dZ[r * units + j]]),
        penalty: 0,
      }))
    : null;
  return { dWeights, dBias };
}

/** Activation or dropout layer: ∂E/∂x = ∂E/∂a · ∂a/∂z per value. */
function elementwiseSamples(core: SessionCore, k: number, rows: number, slope: ArrayLike<number> | null): BackwardSample[] {
  const net = core.network;
  const units = net.layers[k].units;
  const dOut = net.outputGradient(k) as Tensor;
  const dIn = k > 0 ? net.outputGradient(k - 1) : null;
  return Array.from({ length: rows }, (_, r): BackwardSample => ({
    dEda: rowOf(dOut, r, units),
    dadz: slope ? rowOf(slope, r, units) : null,
    delta: null,
    dInput: dIn ? Array.from({ length: units }, (_, j) => single(dIn[r * units + j], slope ? [dOut[r * units + j], slope[r * units + j]] : null)) : null,
  }));
}

/** The backward stage of chain layer k; `fused` when it is the output under a logits loss. */
function backwardStage(core: SessionCore, k: number, rows: number, fused: boolean): BackwardStage {
  const net = core.network;
  const layer = net.layers[k];
  const ref = { kind: 'backward' as const, ...layerRef(core, layer, k), fused };
  if (layer instanceof DenseLayer) {
    return { ...ref, samples: denseSamples(core, k, layer, rows, fused), ...denseGradients(core, k, layer, rows) };
  }
  let slope: ArrayLike<number> | null;
  if (layer instanceof ActivationLayer) {
    slope = activationSlope(layer, net.layerOutput(k - 1), net.layerOutput(k), rows);
  } else {
    const dropout = layer as DropoutLayer;
    slope = dropout.rate > 0 ? dropout.mask : new Float64Array(rows * layer.units).fill(1);
  }
  return { ...ref, samples: elementwiseSamples(core, k, rows, slope), dWeights: null, dBias: null };
}

/** Backward stages from the output layer back to the first, as back-propagation runs. */
export function backwardStages(core: SessionCore, rows: number, fusedOutput: boolean): BackwardStage[] {
  const last = core.network.layers.length - 1;
  const stages: BackwardStage[] = [];
  for (let k = last; k >= 0; k--) stages.push(backwardStage(core, k, rows, fusedOutput && k === last));
  return stages;
}
