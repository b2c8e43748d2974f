/**
 * The trainer protocol: every message between the renderer (or CLI/test) and the trainer
 * host. One discriminated union per direction, each message carries `v` (the protocol
 * version). Main, the trainer and the renderer import this module; no channel string or
 * message shape is written anywhere else.
 *
 * Runs: every `start` names a `runId`; everything the trainer sends about a run carries it,
 * so a consumer drops messages of a run it no longer shows.
 */
import { z } from 'zod';
import { formatIssues, optimizerSchema, projectSchema } from '../project';
import type { Checkpoint } from '../checkpoint';
import type { BoundaryGrid } from '../inspect/boundary-grid';
import type { ConfusionMatrix } from '../inspect/confusion-matrix';
import type { GradientCheckResult } from '../inspect/gradient-check';
import type { SampleActivations } from '../inspect/activations-for';
import type { StepTrace } from '../inspect/step-trace-types';
import type { LayerHealth } from '../inspect/unit-health';
import type { LayerHistograms } from '../layer-metrics';
import type { LayerlabModel } from '../model-json';

export const PROTOCOL_VERSION = 1;

/** Longest data file text a `start` message carries (UTF-16 code units; 256 Mi). */
export const MAX_DATASET_TEXT_LENGTH = 256 * 1024 * 1024;

const v = z.literal(PROTOCOL_VERSION);
const runId = z.string().min(1).max(64);

/** A message template's key: kebab-case, as the keys of run-messages.ts. */
export const messageKeySchema = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/);
/** What filled a message template: at most 16 names and numbers. */
export const messageParamsSchema = z
  .record(z.string().max(32), z.union([z.string().max(1000), z.number()]))
  .refine((p) => Object.keys(p).length <= 16, 'at most 16 params');

/** Hyperparameters that may change while a run is going; applied before the next step. */
export const hyperparametersSchema = z
  .object({
    lr: z.number().finite().gt(0).max(1e3),
    optimizer: optimizerSchema,
    l1: z.number().finite().min(0),
    l2: z.number().finite().min(0),
    dropoutRate: z.number().min(0).max(0.99),
  })
  .partial();
export type Hyperparameters = z.infer<typeof hyperparametersSchema>;

/**
 * Which live views the consumer shows; the trainer computes only those, and attaches them
 * to snapshots at most every VIEWS_INTERVAL_MS. Applies to every run until changed.
 */
export const viewsSchema = z.object({
  histograms: z.boolean().default(false),
  histogramBins: z.number().int().min(4).max(200).default(30),
  /** Decision boundary / regression surface and hidden-unit thumbnails (2-D grid or 1-D curve). */
  boundary: z.boolean().default(false),
  boundarySize: z.number().int().min(8).max(160).default(40),
  /** Every layer's activations for this training-split sample; null for none. */
  activationsSample: z.number().int().min(0).nullable().default(null),
  unitHealth: z.boolean().default(false),
  confusion: z.boolean().default(false),
  /**
   * Every snapshot carries the last step's `dWeights` and `dBias` of each layer with at most
   * MAX_GRADIENT_UNITS units (the network view's hover tooltip), as transferable buffers.
   */
  weightGradients: z.boolean().default(false),
});
export type Views = z.infer<typeof viewsSchema>;

/** Widest layer whose per-weight gradients a snapshot carries (the network view's "up to 64 units a layer"). */
export const MAX_GRADIENT_UNITS = 64;

/** Live views are recomputed at most this often (they cost more than a weights snapshot). */
export const VIEWS_INTERVAL_MS = 100;

/** One dense layer's weights to start from (a LayerSnapshot's `nodeId`, `weights`, `bias`). */
const initialWeightsSchema = z.object({
  nodeId: z.string(),
  weights: z.union([z.instanceof(Float32Array), z.instanceof(Float64Array), z.array(z.number())]),
  bias: z.union([z.instanceof(Float32Array), z.instanceof(Float64Array), z.array(z.number())]).nullable(),
});

/** Where a run starts: fresh weights, a checkpoint (exact continuation) or given weights. */
export const resumeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('checkpoint'), checkpoint: z.unknown() }),
  z.object({ type: z.literal('weights'), layers: z.array(initialWeightsSchema).max(1000) }),
]);
export type ResumeFrom = z.infer<typeof resumeSchema>;

const gradientTargetSchema = z.union([
  z.literal('all'),
  z.object({ layerIndex: z.number().int().min(0), row: z.number().int().min(0), col: z.number().int().min(0) }),
  z.object({ layerIndex: z.number().int().min(0), bias: z.number().int().min(0) }),
]);

/** Messages to the trainer. */
export const toTrainerSchema = z.discriminatedUnion('type', [
  z.object({
    v,
    type: z.literal('start'),
    runId,
    project: projectSchema,
    /** Start paused (the user pressed Step first). */
    paused: z.boolean().default(false),
    /** Steps per second for demonstrations; 0 means full speed. */
    stepsPerSecond: z.number().min(0).max(10_000).default(0),
    resumeFrom: resumeSchema.nullable().default(null),
    /** A checkpoint is sent this often while running (and on every pause); 0 turns it off. */
    checkpointEverySeconds: z.number().min(0).max(86_400).default(30),
    /**
     * The text of the CSV/TSV file of a file-backed data set (`{ type: 'file' }`), which the
     * trainer cannot read itself; it is loaded with `loadFileDataset`, which checks its hash.
     * Refused with any other kind of data set.
     */
    datasetText: z.string().max(MAX_DATASET_TEXT_LENGTH).optional(),
  }).refine((m) => m.datasetText === undefined || m.project.dataset.type === 'file', {
    message: 'only for a file-backed data set ({ type: "file" }); this project keeps its data elsewhere.',
    path: ['datasetText'],
  }),
  z.object({ v, type: z.literal('pause'), runId }),
  z.object({ v, type: z.literal('resume'), runId }),
  z.object({
    v,
    type: z.literal('step'),
    runId,
    unit: z.enum(['batch', 'epoch']).default('batch'),
    count: z.number().int().min(1).max(1_000_000).default(1),
  }),
  z.object({ v, type: z.literal('stop'), runId }),
  z.object({ v, type: z.literal('set-hyperparameters'), runId, values: hyperparametersSchema }),
  z.object({ v, type: z.literal('set-speed'), runId, stepsPerSecond: z.number().min(0).max(10_000) }),
  /**
   * The consumer has drawn snapshot `seq`. The trainer keeps at most one snapshot in flight:
   * while one is unacknowledged, newer ones replace each other unsent (latest wins), so a
   * slow renderer never builds a queue. A consumer that never acknowledges still gets one
   * snapshot per SNAPSHOT_ACK_TIMEOUT_MS.
   */
  z.object({ v, type: z.literal('snapshot-ack'), runId, seq: z.number().int().min(0) }),
  z.object({ v, type: z.literal('ping'), nonce: z.number() }),
  z.object({ v, type: z.literal('set-views'), views: viewsSchema }),
  z.object({ v, type: z.literal('request-checkpoint'), runId }),
  /** Reply with the trained model (model JSON, normalization included) of the run as it is now. */
  z.object({ v, type: z.literal('export-model'), runId }),
  /** Take one step (pausing the run first) and reply with its written-out trace. */
  z.object({ v, type: z.literal('trace-step'), runId }),
  /** Compare backpropagated gradients with finite differences on the next batch. */
  z.object({
    v,
    type: z.literal('check-gradient'),
    runId,
    target: gradientTargetSchema.default('all'),
    epsilon: z.number().gt(0).max(0.1).optional(),
  }),
]);

/** See 'snapshot-ack': how long the trainer waits for an acknowledgement before sending anyway. */
export const SNAPSHOT_ACK_TIMEOUT_MS = 1000;
export type ToTrainer = z.infer<typeof toTrainerSchema>;
/** What a sender writes: fields with defaults may be left out. */
export type ToTrainerInput = z.input<typeof toTrainerSchema>;

/** Any JavaScript number, NaN and ±Infinity included: statistics of a diverging run are real data. */
const anyNumber = z.custom<number>((x) => typeof x === 'number', 'expected a number');

/** One scalar record per optimizer step. */
export const stepPointSchema = z.object({
  step: z.number().int(),
  epoch: z.number().int(),
  loss: anyNumber,
  lr: z.number(),
});
export type StepPoint = z.infer<typeof stepPointSchema>;

/** One record per finished epoch (losses over a full pass, in inference mode). */
export const epochPointSchema = z.object({
  epoch: z.number().int(),
  step: z.number().int(),
  trainLoss: anyNumber,
  valLoss: anyNumber.nullable(),
  trainAccuracy: z.number().nullable(),
  valAccuracy: z.number().nullable(),
});
export type EpochPoint = z.infer<typeof epochPointSchema>;

const float = z.union([z.instanceof(Float32Array), z.instanceof(Float64Array), z.array(z.number())]);

/** Per-layer state for the live views: parameters and gradient statistics. */
export const layerSnapshotSchema = z.object({
  nodeId: z.string(),
  inputs: z.number().int(),
  units: z.number().int(),
  /** W[in][out], row-major. */
  weights: float,
  bias: float.nullable(),
  weightNorm: anyNumber,
  gradNorm: anyNumber,
  meanAbsGrad: anyNumber,
  /** ‖ΔW‖/‖W‖ of the last optimizer step (weights only); absent before the first step. */
  updateRatio: anyNumber.optional(),
  /** ∂L/∂W of the last step, `[in][out]` like `weights`; only with the 'weightGradients' view, after a step, for narrow layers. */
  dWeights: float.optional(),
  /** ∂L/∂b of the last step, alongside `dWeights` (null for a layer without bias). */
  dBias: float.nullable().optional(),
}).refine(
  (l) => (l.dWeights === undefined || l.dWeights.length === l.inputs * l.units) && (l.dBias == null || l.dBias.length === l.units),
  { message: 'dWeights must hold inputs × units values and dBias one per unit' },
);
export type LayerSnapshot = z.infer<typeof layerSnapshotSchema>;

/** The live views attached to a snapshot; present only for the views switched on. */
export interface SnapshotViews {
  histograms?: LayerHistograms[];
  boundary?: BoundaryGrid;
  activations?: SampleActivations;
  unitHealth?: LayerHealth[];
  confusion?: ConfusionMatrix | null;
}

/**
 * Structured data the trainer computes with the engine's own code (traces, views,
 * checkpoints): checked to be an object here, its shape is the engine's type.
 */
const engineData = <T>() => z.custom<T>((x) => typeof x === 'object' && x !== null, 'expected an object');

export const RUN_STATES = ['idle', 'running', 'paused', 'done', 'stopped', 'failed'] as const;
export type RunState = (typeof RUN_STATES)[number];

/** Messages from the trainer. */
export const fromTrainerSchema = z.discriminatedUnion('type', [
  z.object({ v, type: z.literal('ready'), host: z.string() }),
  z.object({ v, type: z.literal('pong'), nonce: z.number() }),
  z.object({
    v,
    type: z.literal('status'),
    runId,
    state: z.enum(RUN_STATES),
    step: z.number().int(),
    epoch: z.number().int(),
    epochs: z.number().int(),
    stepsPerEpoch: z.number().int(),
    samplesPerSecond: z.number(),
  }),
  z.object({
    v,
    type: z.literal('metrics'),
    runId,
    steps: z.array(stepPointSchema),
    epochs: z.array(epochPointSchema),
  }),
  z.object({
    v,
    type: z.literal('snapshot'),
    runId,
    /** Increases by one per snapshot sent in a run; acknowledge it with 'snapshot-ack'. */
    seq: z.number().int().min(0),
    step: z.number().int(),
    layers: z.array(layerSnapshotSchema),
    views: engineData<SnapshotViews>().optional(),
  }),
  z.object({
    v,
    type: z.literal('checkpoint'),
    runId,
    reason: z.enum(['interval', 'pause', 'request']),
    checkpoint: engineData<Checkpoint>(),
  }),
  z.object({ v, type: z.literal('trace'), runId, trace: engineData<StepTrace>() }),
  z.object({ v, type: z.literal('model'), runId, step: z.number().int(), model: engineData<LayerlabModel>() }),
  z.object({ v, type: z.literal('gradient-check'), runId, result: engineData<GradientCheckResult>() }),
  z.object({
    v,
    type: z.literal('error'),
    runId: runId.nullable(),
    code: z.enum(['bad-message', 'invalid-project', 'unknown-run', 'diverged', 'refused', 'internal']),
    message: z.string(),
    /** For 'invalid-project': the graph node the problem is on, when there is one. */
    nodeId: z.string().nullable().default(null),
    /**
     * The template `message` was made from (src-engine/run-messages.ts) and what filled it,
     * so the UI can say it in its own language; absent for messages without one. A key the
     * consumer does not know is shown as `message`.
     */
    key: messageKeySchema.optional(),
    params: messageParamsSchema.optional(),
  }),
  z.object({
    v,
    type: z.literal('done'),
    runId,
    reason: z.enum(['completed', 'stopped', 'diverged']),
    step: z.number().int(),
    epoch: z.number().int(),
    /**
     * The held-out test split (`training.testSplit`), measured once when the run completed or
     * was stopped: its size, loss, and accuracy (null for regression). Null without a test
     * split, after a divergence, or when the loss is not finite.
     */
    test: z
      .object({ samples: z.number().int().min(1), loss: z.number().finite(), accuracy: z.number().min(0).max(1).nullable() })
      .nullable()
      .default(null),
  }),
]);
export type FromTrainer = z.infer<typeof fromTrainerSchema>;
export type FromTrainerInput = z.input<typeof fromTrainerSchema>;

export type ProtocolResult<T> = { ok: true; message: T } | { ok: false; error: string };

/** Validates a message sent to the trainer. Never throws. */
export function parseToTrainer(raw: unknown): ProtocolResult<ToTrainer> {
  const r = toTrainerSchema.safeParse(raw);
  return r.success ? { ok: true, message: r.data } : { ok: false, error: describe(raw, r.error) };
}

/** Validates a message from the trainer. Never throws. */
export function parseFromTrainer(raw: unknown): ProtocolResult<FromTrainer> {
  const r = fromTrainerSchema.safeParse(raw);
  return r.success ? { ok: true, message: r.data } : { ok: false, error: describe(raw, r.error) };
}

function describe(raw: unknown, error: z.ZodError): string {
  const type =
    typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type) : '?';
  const version = typeof raw === 'object' && raw !== null && 'v' in raw ? (raw as { v: unknown }).v : undefined;
  if (version !== undefined && version !== PROTOCOL_VERSION) {
    return `Message "${type}" has protocol version ${String(version)}; this trainer speaks version ${PROTOCOL_VERSION}.`;
  }
  return `Malformed message "${type.slice(0, 40)}": ${formatIssues(error)}`;
}
