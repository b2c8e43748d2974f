/**
 * The forward and loss stages of a step trace, read from the network's buffers right after
 * the step's own forward pass and loss (see step-trace.ts).
 */
import { computeLoss, lossSumsOverBatch, lossTakesLogits } from '../losses';
import { ActivationLayer } from '../layers/activation-layer';
import { DenseLayer } from '../layers/dense';
import { DropoutLayer } from '../layers/dropout';
import type { Layer } from '../layers/layer';
import type { Network } from '../network';
import type { LossName } from '../project';
import type { SessionCore } from '../session-core';
import type { ForwardSample, ForwardStage, LossStage, Product, TraceLayerRef } from './step-trace-types';

/** Row r of a `[rows][width]` matrix as a plain array. Allocates. */
export function rowOf(t: ArrayLike<number>, r: number, width: number): number[] {
  const out = new Array<number>(width);
  for (let j = 0; j < width; j++) out[j] = t[r * width + j];
  return out;
}

/** The `[rows][cols]` matrix `t` as nested arrays. Allocates. */
export function matrixOf(t: ArrayLike<number>, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => rowOf(t, r, cols));
}

/** Which layer `layer` (chain index k) is, for a stage. */
export function layerRef(core: SessionCore, layer: Layer, k: number): TraceLayerRef {
  const activation = layer instanceof DenseLayer || layer instanceof ActivationLayer ? layer.activation : null;
  return { layerIndex: k, nodeId: layer.nodeId, name: core.names.get(layer.nodeId) ?? layer.nodeId, layer: layer.kind, activation };
}

/** The forward stage of chain layer k for the first `rows` rows of the last forward pass. */
function forwardStage(core: SessionCore, k: number, rows: number): ForwardStage {
  const net: Network = core.network;
  const layer = net.layers[k];
  const input = net.layerOutput(k - 1);
  const output = net.layerOutput(k);
  const dense = layer instanceof DenseLayer ? layer : null;
  const dropout = layer instanceof DropoutLayer ? layer : null;
  const samples: ForwardSample[] = [];
  for (let r = 0; r < rows; r++) {
    const x = rowOf(input, r, layer.inputs);
    let terms: Product[][] | null = null;
    let z: number[] | null = null;
    if (dense) {
      z = rowOf(dense.z, r, dense.units);
      terms = Array.from({ length: dense.units }, (_, j) => x.map((xi, i): Product => [dense.weights[i * dense.units + j], xi]));
    } else if (!dropout) {
      z = x; // an activation layer's pre-activation is its input
    }
    const mask = dropout && dropout.rate > 0 ? rowOf(dropout.mask, r, dropout.units) : null;
    samples.push({ x, z, a: rowOf(output, r, layer.units), terms, mask });
  }
  return {
    kind: 'forward',
    ...layerRef(core, layer, k),
    weights: dense ? matrixOf(dense.weights, dense.inputs, dense.units) : null,
    bias: dense?.bias ? Array.from(dense.bias) : null,
    samples,
  };
}

/** Forward stages of every layer, in chain order. */
export function forwardStages(core: SessionCore, rows: number): ForwardStage[] {
  return core.network.layers.map((_, k) => forwardStage(core, k, rows));
}

/**
 * Output j's term of one sample's loss, through the engine's `computeLoss` on that single
 * value (element-wise losses), or on the row with only target j kept (categorical
 * cross-entropy: y_j·(log Σ e^z − z_j)).
 */
function outputTerm(loss: LossName, prediction: number[], target: number[], j: number, huberDelta: number): number {
  if (loss === 'categorical_crossentropy') {
    const only = target.map((y, k) => (k === j ? y : 0));
    return computeLoss(loss, prediction, only, null, 1, prediction.length);
  }
  return computeLoss(loss, [prediction[j]], [target[j]], null, 1, 1, huberDelta);
}

/** The loss stage: per-sample, per-output terms of the loss the step just computed. */
export function lossStage(core: SessionCore, rows: number, dataLoss: number, penalty: number): LossStage {
  const net = core.network;
  const t = core.project.training;
  const units = net.outputs;
  const fromLogits = lossTakesLogits(t.loss);
  const output = net.layerOutput(net.layers.length - 1);
  const samples = Array.from({ length: rows }, (_, r) => {
    const targets = rowOf(net.targets, r, units);
    const predictions = rowOf(output, r, units);
    const logits = fromLogits ? rowOf(net.output.z, r, units) : null;
    const input = logits ?? predictions;
    const terms = targets.map((_, j) => outputTerm(t.loss, input, targets, j, t.huberDelta));
    const value = computeLoss(t.loss, input, targets, null, 1, units, t.huberDelta);
    return { targets, predictions, logits, terms, value };
  });
  return { kind: 'loss', loss: t.loss, reduction: lossSumsOverBatch(t.loss) ? 'sum' : 'mean', samples, dataLoss, penalty, total: dataLoss + penalty };
}
