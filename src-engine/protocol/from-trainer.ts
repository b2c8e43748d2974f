/**
 * Messages from the trainer: status, streamed metrics, snapshots with their live views,
 * checkpoints, traces, the trained model, gradient checks, errors and the end of a run.
 * Import them through `./messages`.
 */
import { z } from 'zod';
import type { Checkpoint } from '../checkpoint';
import type { BoundaryGrid } from '../inspect/boundary-grid';
import type { ConfusionMatrix } from '../inspect/confusion-matrix';
import type { GradientCheckResult } from '../inspect/gradient-check';
import type { SampleActivations } from '../inspect/activations-for';
import type { StepTrace } from '../inspect/step-trace-types';
import type { LayerHealth } from '../inspect/unit-health';
import type { LayerHistograms } from '../layer-metrics';
import type { LayerlabModel } from '../model-json';
import { messageKeySchema, messageParamsSchema, runIdField as runId, versionField as v } from './message-fields';
import { stepColumnsSchema } from './step-columns';

/** Any JavaScript number, NaN and ±Infinity included: statistics of a diverging run are real data. */
const anyNumber = z.custom<number>((x) => typeof x === 'number', 'expected a number');

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

/**
 * The run's training time so far by the trainer's clock, in ms: time in the 'running' state
 * plus the bursts that carry out Step while paused; time spent paused is not counted.
 * Optional: consumers of an older trainer measure it themselves.
 */
const elapsedMs = z.number().finite().min(0).optional();

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
    elapsedMs,
  }),
  z.object({
    v,
    type: z.literal('metrics'),
    runId,
    /** The steps since the last 'metrics' message, as columns (see step-columns.ts). */
    steps: stepColumnsSchema,
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
    /** The run's whole training time (see `elapsedMs` of 'status'). */
    elapsedMs,
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
