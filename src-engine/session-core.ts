/**
 * The engine-internal view of a training session: its network, data, optimizer and counters,
 * for the modules that must work on the session's real buffers (checkpoint.ts and the
 * inspection tools in inspect/**). Not part of the public API: index.ts does not export it,
 * and nothing outside src-engine should import it.
 */
import type { CompiledLayer } from './compile';
import type { DataPart } from './data-split';
import type { Param } from './layers/layer';
import type { Network } from './network';
import type { FittedNormalization } from './normalization';
import type { Optimizer } from './optimizers';
import type { Project } from './project';
import type { Rng } from './rng';
import type { LearningRateSchedule } from './schedules';
import type { TrainingSession, TrainStepResult } from './training-session';

/** What a step observer learns after back-propagation, before clipping and the update. */
export interface BackwardInfo {
  /** Samples in the batch. */
  rows: number;
  /** Indices into the training split of the batch's samples (a view; copy it to keep it). */
  sampleIndices: Int32Array;
  /** The data loss of the batch. */
  dataLoss: number;
  /** The L1/L2 penalty at the weights before the update. */
  penalty: number;
  /** The learning rate of this step (after the schedule). */
  lr: number;
}

/**
 * Hooks into one real training step, so the inspection tools read the engine's own numbers.
 * The network's buffers hold the batch's forward and backward values during `afterBackward`
 * (gradients not yet clipped, weights and optimizer state not yet updated).
 */
export interface StepObserver {
  afterBackward(info: BackwardInfo): void;
  /** After the optimizer step; `applied` is false when the step diverged and was undone or skipped. */
  afterUpdate(applied: boolean): void;
}

/** A session's live parts. Fields marked mutable are written by checkpoint restore only. */
export interface SessionCore {
  readonly project: Project;
  readonly network: Network;
  /** Every trainable parameter in chain order (weights, then bias, per dense layer). */
  readonly params: readonly Param[];
  readonly compiled: readonly CompiledLayer[];
  /** The splits, inputs already scaled by `normalization`. */
  readonly train: DataPart;
  readonly val: DataPart;
  /** The input scaling fitted on the training split; null without one. */
  readonly normalization: FittedNormalization | null;
  /** Layer names by node id, for messages. */
  readonly names: ReadonlyMap<string, string>;
  /** The current epoch's order of training samples. */
  readonly order: Int32Array;
  readonly shuffleRng: Rng;
  readonly schedule: LearningRateSchedule;
  readonly batchSize: number;
  readonly trainSize: number;
  readonly valSize: number;
  step: number;
  epoch: number;
  /** Samples of the current epoch already used. */
  position: number;
  /**
   * True once a step of this session has back-propagated, so the gradient buffers hold a real
   * step's gradients; false for a new session and after a checkpoint restore (checkpoints keep
   * no gradients).
   */
  hasGradients: boolean;
  optimizer: Optimizer;
  /** The base learning rate the schedule starts from. */
  baseLr: number;
  /** Copies `rows` samples of `part` (indices `order[start…]`, or `start…` when `order` is null) into the network's input and target buffers. */
  gather(part: DataPart, order: Int32Array | null, start: number, rows: number): void;
  /** The training-split indices of the next step's batch, drawn without advancing anything. Allocates. */
  nextBatch(): Int32Array;
  /** One real training step, reporting to `observer` when given. */
  trainStep(observer?: StepObserver): TrainStepResult;
}

const CORES = new WeakMap<TrainingSession, SessionCore>();

/** Called by the session's constructor: makes `core` reachable from `session`. */
export function registerSessionCore(session: TrainingSession, core: SessionCore): void {
  CORES.set(session, core);
}

/** The live parts of a session made by `createTrainingSession`; throws for any other object. */
export function sessionCore(session: TrainingSession): SessionCore {
  const core = CORES.get(session);
  if (!core) throw new Error('This session was not created by createTrainingSession, so it cannot be inspected.');
  return core;
}
