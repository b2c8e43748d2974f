/**
 * Messages to the trainer: start and control a run, choose the live views, ask for a trace,
 * a gradient check, a checkpoint or the trained model. Import them through `./messages`.
 */
import { z } from 'zod';
import { optimizerSchema, projectSchema } from '../project';
import { runIdField as runId, versionField as v } from './message-fields';

/** Longest data file text a `start` message carries (UTF-16 code units; 256 Mi). */
export const MAX_DATASET_TEXT_LENGTH = 256 * 1024 * 1024;

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
