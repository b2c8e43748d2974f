/**
 * Checkpoints: everything a training session needs to continue bit-identically after a
 * restart: counters, the epoch's sample order, the RNG states (shuffle, dropout), the
 * parameters, the optimizer state with its step count, the schedule state (plateau
 * counters) and the hyperparameters in force. Plain numbers and arrays, so a checkpoint
 * survives JSON and structured clone; `parseCheckpoint` validates one read from disk.
 *
 * What is not saved: the project itself (the host stores it beside the checkpoint; the data
 * must be the same, which the fingerprint checks) and the display statistics of the last
 * step (gradient norms, update ratio), which the next step recomputes.
 */
import { z } from 'zod';
import { formatIssues, optimizerSchema } from './project';
import type { SessionCore } from './session-core';
import type { DataPart } from './data-split';
import { createOptimizer } from './optimizers';

/** The `format` field every checkpoint carries. */
export const CHECKPOINT_FORMAT = 'layerlab-checkpoint';
/** The checkpoint layout version this engine writes and reads. */
export const CHECKPOINT_VERSION = 1;

const count = () => z.number().int().min(0);
const int32 = z.number().int().min(-(2 ** 31)).max(2 ** 32 - 1);
const rngStateSchema = z.object({ words: z.tuple([int32, int32, int32, int32]), spare: z.number(), hasSpare: z.boolean() });
const values = z.array(z.number());

/** The schema of a checkpoint; numbers must be finite (a diverged state is never saved). */
export const checkpointSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  version: z.literal(CHECKPOINT_VERSION),
  precision: z.enum(['float32', 'float64']),
  /** Optimizer steps taken and epochs completed (as `TrainingSession.step`/`epoch`). */
  step: count(),
  epoch: count(),
  /** Samples of the current epoch already used; the next batch starts at `order[position]`. */
  position: count(),
  /** The current epoch's order of training samples (indices into the training split). */
  order: z.array(count()),
  rng: z.object({ shuffle: rngStateSchema, dropout: rngStateSchema }),
  /** Dense layers in chain order; `weights` is W `[inputs][units]` row-major. */
  layers: z.array(z.object({ nodeId: z.string(), inputs: count(), units: count(), weights: values, bias: values.nullable() })),
  /** The optimizer in force (its spec may differ from the project's after live changes) and its state. */
  optimizer: z.object({ spec: optimizerSchema, t: count(), slots: z.record(z.string(), z.array(values)), scalars: z.record(z.string(), z.number()) }),
  schedule: z.object({ best: z.number().nullable(), badEpochs: count(), plateauScale: z.number() }),
  /** Hyperparameters that may have been changed while training. */
  hyperparameters: z.object({
    baseLr: z.number(),
    layers: z.array(z.object({ nodeId: z.string(), l1: z.number(), l2: z.number() })),
    dropout: z.array(z.object({ nodeId: z.string(), rate: z.number() })),
  }),
  /** What the data looked like, so a checkpoint is never resumed on other data. */
  data: z.object({ trainSize: count(), valSize: count(), fingerprint: z.string() }),
});

/** A serializable training checkpoint; see the module comment. */
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** Validates an unknown value (parsed JSON) as a checkpoint. Never throws. */
export function parseCheckpoint(raw: unknown): { ok: true; checkpoint: Checkpoint } | { ok: false; error: string } {
  const head = (typeof raw === 'object' && raw !== null ? raw : {}) as { format?: unknown; version?: unknown };
  if (head.format !== CHECKPOINT_FORMAT) return { ok: false, error: `This is not a LayerLab checkpoint: "format" must be "${CHECKPOINT_FORMAT}".` };
  if (typeof head.version === 'number' && head.version > CHECKPOINT_VERSION) {
    return { ok: false, error: `This checkpoint was saved by a newer LayerLab (version ${head.version}; this one reads ${CHECKPOINT_VERSION}). Update LayerLab to resume it.` };
  }
  const parsed = checkpointSchema.safeParse(raw);
  return parsed.success ? { ok: true, checkpoint: parsed.data } : { ok: false, error: `The checkpoint is damaged: ${formatIssues(parsed.error)}` };
}

/** The state of `core` as a checkpoint. Allocates; mutates nothing. */
export function captureCheckpoint(core: SessionCore): Checkpoint {
  const net = core.network;
  const state = core.optimizer.getState();
  return {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    precision: net.precision,
    step: core.step,
    epoch: core.epoch,
    position: core.position,
    order: Array.from(core.order),
    rng: { shuffle: core.shuffleRng.getState(), dropout: net.dropoutRng.getState() },
    layers: net.dense.map((d) => ({ nodeId: d.nodeId, inputs: d.inputs, units: d.units, weights: Array.from(d.weights), bias: d.bias ? Array.from(d.bias) : null })),
    optimizer: { spec: { ...core.optimizer.options }, t: state.t, slots: state.slots, scalars: state.scalars },
    schedule: core.schedule.getState(),
    hyperparameters: {
      baseLr: core.baseLr,
      layers: net.dense.map((d) => ({ nodeId: d.nodeId, l1: d.l1, l2: d.l2 })),
      dropout: net.dropouts.map((d) => ({ nodeId: d.nodeId, rate: d.rate })),
    },
    data: { trainSize: core.trainSize, valSize: core.valSize, fingerprint: dataFingerprint(core.train, core.val) },
  };
}

/** Why a checkpoint does not fit a session; `nodeId` is the layer to highlight, if any. */
export interface CheckpointMismatch {
  error: string;
  nodeId: string | null;
}

const START_NEW = 'Start a new run instead (Reset), or open the project the checkpoint was saved with.';

/**
 * Puts the state of checkpoint `c` into a freshly built session `core`, after checking that
 * it fits (precision, data, layers and shapes, optimizer buffers). Returns null on success;
 * on a mismatch returns it and leaves `core` unusable (the caller discards the session).
 */
export function applyCheckpoint(core: SessionCore, c: Checkpoint): CheckpointMismatch | null {
  const net = core.network;
  const name = (id: string): string => `'${core.names.get(id) ?? id}'`;
  if (c.precision !== net.precision) return { error: `The checkpoint was saved in ${c.precision} but the project trains in ${net.precision}. Set the precision back to ${c.precision} to resume.`, nodeId: null };
  const fingerprint = dataFingerprint(core.train, core.val);
  if (c.data.trainSize !== core.trainSize || c.data.valSize !== core.valSize || c.data.fingerprint !== fingerprint) {
    return { error: `The checkpoint was saved on other data (${c.data.trainSize} training and ${c.data.valSize} validation samples; now ${core.trainSize} and ${core.valSize}, or the values changed). ${START_NEW}`, nodeId: null };
  }
  if (c.order.length !== core.trainSize || !isPermutation(c.order) || c.position >= Math.max(1, core.trainSize)) {
    return { error: `The checkpoint's sample order is damaged. ${START_NEW}`, nodeId: null };
  }
  if (c.layers.length !== net.dense.length) return { error: `The checkpoint has ${c.layers.length} dense layers but the network has ${net.dense.length}. ${START_NEW}`, nodeId: null };
  for (let i = 0; i < net.dense.length; i++) {
    const d = net.dense[i];
    const s = c.layers[i];
    if (s.nodeId !== d.nodeId) return { error: `Layer ${name(d.nodeId)} is not the layer the checkpoint has in this place ('${s.nodeId}'). ${START_NEW}`, nodeId: d.nodeId };
    const biasFits = (s.bias === null) === (d.bias === null) && (s.bias === null || s.bias.length === d.units);
    if (s.inputs !== d.inputs || s.units !== d.units || s.weights.length !== d.weights.length || !biasFits) {
      return { error: `Layer ${name(d.nodeId)} has ${d.inputs} inputs × ${d.units} units${d.bias ? ' with bias' : ''}, but the checkpoint saved ${s.inputs} × ${s.units}${s.bias ? ' with bias' : ''}. ${START_NEW}`, nodeId: d.nodeId };
    }
  }
  const dropIds = net.dropouts.map((d) => d.nodeId).join();
  if (c.hyperparameters.dropout.map((d) => d.nodeId).join() !== dropIds) return { error: `The checkpoint's dropout layers differ from the network's. ${START_NEW}`, nodeId: null };
  const optimizer = createOptimizer(c.optimizer.spec, core.params);
  try {
    optimizer.setState({ type: c.optimizer.spec.type, t: c.optimizer.t, slots: c.optimizer.slots, scalars: c.optimizer.scalars });
  } catch (e) {
    return { error: `${(e as Error).message} ${START_NEW}`, nodeId: null };
  }

  net.dense.forEach((d, i) => {
    const s = c.layers[i];
    d.weights.set(s.weights);
    if (d.bias && s.bias) d.bias.set(s.bias);
    d.l1 = c.hyperparameters.layers[i].l1;
    d.l2 = c.hyperparameters.layers[i].l2;
  });
  net.dropouts.forEach((d, i) => (d.rate = c.hyperparameters.dropout[i].rate));
  core.optimizer = optimizer;
  core.baseLr = c.hyperparameters.baseLr;
  core.schedule.setState(c.schedule);
  core.shuffleRng.setState(c.rng.shuffle);
  net.dropoutRng.setState(c.rng.dropout);
  core.order.set(c.order);
  core.step = c.step;
  core.epoch = c.epoch;
  // The restored step's gradients are not in the checkpoint: none to show until the next step.
  core.hasGradients = false;
  core.position = c.position;
  return null;
}

function isPermutation(order: readonly number[]): boolean {
  const seen = new Uint8Array(order.length);
  for (const i of order) {
    if (i >= order.length || seen[i]) return false;
    seen[i] = 1;
  }
  return true;
}

const FINGERPRINTS = new WeakMap<DataPart, string>();

/**
 * A 64-bit hash (two FNV-1a variants, hex) of the split's sizes and the bits of every input
 * and target value. Computed once per training split and cached, as the data of a session
 * never changes.
 */
export function dataFingerprint(train: DataPart, val: DataPart): string {
  const cached = FINGERPRINTS.get(train);
  if (cached !== undefined) return cached;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  const mix = (word: number): void => {
    h1 = Math.imul(h1 ^ word, 0x01000193);
    h2 = Math.imul(h2 ^ word, 0x5bd1e995) ^ (h2 >>> 15);
  };
  for (const part of [train, val]) {
    mix(part.n);
    for (const a of [part.x, part.y]) {
      const words = new Uint32Array(a.buffer, a.byteOffset, a.length * 2);
      for (let k = 0; k < words.length; k++) mix(words[k]);
    }
  }
  const hex = (h: number): string => (h >>> 0).toString(16).padStart(8, '0');
  const fingerprint = hex(h1) + hex(h2);
  FINGERPRINTS.set(train, fingerprint);
  return fingerprint;
}
