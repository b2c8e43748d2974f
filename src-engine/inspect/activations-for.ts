/** "Watch it learn": every layer's values for one sample, for drawing activations on the canvas. */
import { DenseLayer } from '../layers/dense';
import { DropoutLayer } from '../layers/dropout';
import { scaleValue } from '../normalization';
import { sessionCore } from '../session-core';
import type { TrainingSession } from '../training-session';
import type { TraceLayerRef } from './step-trace-types';
import { layerRef, rowOf } from './trace-forward';

/** One layer's values for the sample. */
export interface LayerActivations extends TraceLayerRef {
  /** Pre-activations z (dense: x·W + b; activation layer: its input); null for dropout. */
  z: number[] | null;
  /** Outputs a (dropout at inference: its input). */
  a: number[];
}

/** A sample's trip through the network, in inference mode. */
export interface SampleActivations {
  /** The network's input, as the network sees it (scaled when the project scales its inputs). */
  input: number[];
  /** The sample's encoded targets, when it came from a split; null for a given x. */
  target: number[] | null;
  /** Every layer after the input, in chain order; the last one's `a` is the prediction. */
  layers: LayerActivations[];
}

/**
 * Which sample: an index into the training split, an index into either split, or inputs
 * in the data's own units (scaled by the session's normalization first, as `predict` does).
 */
export type SampleRef = number | { split: 'train' | 'val'; index: number } | ArrayLike<number>;

/**
 * Runs one sample through `session`'s network in inference mode (dropout off) and returns
 * every layer's z and a. Uses the network's batch buffers; changes no weights, gradients,
 * RNGs or counters. Throws a RangeError for an index outside the split or a wrong length.
 */
export function activationsFor(session: TrainingSession, sample: SampleRef): SampleActivations {
  const core = sessionCore(session);
  const net = core.network;
  const f = net.features;
  let x: ArrayLike<number>;
  let target: number[] | null = null;
  if (typeof sample === 'number' || 'split' in sample) {
    const { split, index } = typeof sample === 'number' ? { split: 'train' as const, index: sample } : sample;
    const part = split === 'train' ? core.train : core.val;
    if (!Number.isInteger(index) || index < 0 || index >= part.n) throw new RangeError(`activationsFor: the ${split} split has ${part.n} samples; sample ${index} does not exist.`);
    x = part.x.subarray(index * f, (index + 1) * f);
    target = rowOf(part.y, index, net.outputs);
  } else {
    if (sample.length !== f) throw new RangeError(`activationsFor: the network takes ${f} inputs, got ${sample.length}.`);
    x = sample;
  }
  const scaled = typeof sample !== 'number' && !('split' in sample) && core.normalization;
  for (let j = 0; j < f; j++) net.input[j] = scaled ? scaleValue(scaled, j, x[j]) : x[j];
  net.forward(1, false);
  const layers = net.layers.map((layer, k): LayerActivations => {
    const a = rowOf(net.layerOutput(k), 0, layer.units);
    let z: number[] | null = null;
    if (layer instanceof DenseLayer) z = rowOf(layer.z, 0, layer.units);
    else if (!(layer instanceof DropoutLayer)) z = rowOf(net.layerOutput(k - 1), 0, layer.inputs);
    return { ...layerRef(core, layer, k), z, a };
  });
  return { input: rowOf(net.input, 0, f), target, layers };
}
