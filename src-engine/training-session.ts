/**
 * A training run of one project: the data split, the network, the optimizer and the
 * schedule, advanced one optimizer step at a time by the caller (the trainer host, the CLI
 * or a test). Synchronous and deterministic: the same project gives bit-identical results.
 *
 * Counting: `step` = optimizer steps taken, `epoch` = epochs completed. A step's StepPoint
 * carries the step number counted from 1 and the epoch it belongs to counted from 1; an
 * EpochPoint carries the number of epochs completed (1 after the first epoch). Training may
 * continue past `epochs`; stopping is the caller's decision.
 */
import type { Project } from './project';
import { captureCheckpoint, parseCheckpoint, type Checkpoint } from './checkpoint';
import type { CompiledLayer } from './compile';
import type { InitialLayerWeights } from './initial-weights';
import { applyHyperparameters } from './hyperparameters';
import { applyStart } from './session-start';
import { measureSplit } from './measure-split';
import { registerSessionCore, type SessionCore, type StepObserver } from './session-core';
import type { EpochPoint, Hyperparameters, LayerSnapshot, StepPoint } from './protocol/messages';
import { compileGraph } from './compile';
import type { DataPart } from './data-split';
import { loadDataset, type Dataset } from './datasets';
import { normalized, type FittedNormalization } from './normalization';
import { prepareTrainingData, SPLIT_STREAM } from './training-data';
import { clipGradients } from './gradient-clipping';
import { layerHistograms, layerSnapshot, type LayerHistograms } from './layer-metrics';
import type { Param } from './layers/layer';
import { Network } from './network';
import { createOptimizer, type Optimizer } from './optimizers';
import { createRng, deriveSeed, type Rng } from './rng';
import { LearningRateSchedule } from './schedules';
import { describeDivergence, type Divergence } from './divergence';
import { UpdateGuard } from './update-guard';

/** The outcome of one optimizer step. */
export interface TrainStepResult {
  point: StepPoint;
  /** Set when this step completed an epoch: losses over the full splits, inference mode. */
  epochEnd: EpochPoint | null;
  /** Set when the loss or a gradient was not finite; the update was then not applied. */
  divergence: Divergence | null;
}

/** A running training session; see the module comment for how steps and epochs count. */
export interface TrainingSession {
  readonly epochs: number;
  readonly stepsPerEpoch: number;
  readonly batchSize: number;
  readonly trainSize: number;
  readonly valSize: number;
  /** Samples held out for `evaluateTest` (0 without `training.testSplit`). */
  readonly testSize: number;
  /** Input scaling fitted on the training split (null for 'none'); the exported model carries it. */
  readonly normalization: FittedNormalization | null;
  /** Optimizer steps taken. */
  readonly step: number;
  /** Epochs completed. */
  readonly epoch: number;
  /** One optimizer step on the next mini-batch (the last batch of an epoch may be smaller). */
  trainStep(): TrainStepResult;
  /** Losses (and accuracy for classification) over the full splits in inference mode. */
  evaluate(): EpochPoint;
  /** Fresh copies, one per dense/output layer in chain order. W is `[inputs][units]` row-major. */
  snapshot(): LayerSnapshot[];
  /** Changes hyperparameters; they take effect at the next step. */
  setHyperparameters(values: Hyperparameters): void;
  /**
   * Inference-mode outputs `[n][outputUnits]` for raw (unscaled) inputs `x` `[n][features]`;
   * the session applies its normalization first. Allocates the result.
   */
  predict(x: Float64Array, n: number): Float64Array;
  /** Loss and accuracy (null for regression) over the test split in inference mode; null without one. */
  evaluateTest(): { loss: number; accuracy: number | null } | null;
  /** Histograms of every dense layer's weights, bias and last weight gradients, `bins` bins each. */
  histograms(bins: number): LayerHistograms[];
  /**
   * Everything needed to continue exactly from here (see checkpoint.ts): pass it to
   * `createTrainingSession(project, { checkpoint })` to resume. Allocates; mutates nothing.
   */
  checkpoint(): Checkpoint;
}

/** How a new session starts: from the initializers (default), a checkpoint, or given weights. */
export interface SessionOptions {
  /** Continue bit-identically from this checkpoint of a session of the same project and data. */
  checkpoint?: Checkpoint;
  /**
   * Start from these weights (one entry per dense layer, e.g. the last `LayerSnapshot`s
   * received) with a fresh optimizer state at step 0, instead of the initializers.
   */
  initialWeights?: readonly InitialLayerWeights[];
  /**
   * The data set, already loaded, instead of `loadDataset(project.dataset)`: required for a
   * file-backed set (`loadFileDataset(spec, text)` in data-import/), whose file the engine cannot read.
   */
  dataset?: Dataset;
}

/** The held-out test split and the fitted input scaling, prepared with the other splits. */
interface PreparedData {
  test: DataPart;
  normalization: FittedNormalization | null;
}

/** Sub-streams of the training seed, so that e.g. dropout never shifts the initial weights. */
const STREAM = { init: 1, split: SPLIT_STREAM, shuffle: 3, dropout: 4 } as const;

class Session implements TrainingSession, SessionCore {
  readonly epochs: number;
  readonly stepsPerEpoch: number;
  readonly batchSize: number;
  readonly trainSize: number;
  readonly valSize: number;
  readonly testSize: number;
  readonly normalization: FittedNormalization | null;
  step = 0;
  epoch = 0;
  // The fields below are the SessionCore (session-core.ts) that checkpoints and inspect/** use.
  readonly project: Project;
  readonly network: Network;
  readonly params: Param[];
  readonly compiled: readonly CompiledLayer[];
  readonly train: DataPart;
  readonly val: DataPart;
  readonly order: Int32Array;
  readonly shuffleRng: Rng;
  readonly schedule: LearningRateSchedule;
  readonly names: Map<string, string>;
  optimizer: Optimizer;
  baseLr: number;
  position = 0;
  hasGradients = false;
  private readonly guard: UpdateGuard;
  /** float32 runs: each data part's inputs as float32 rows (see `rowsOf`). */
  private readonly float32Rows = new Map<DataPart, Float32Array[]>();
  private readonly test: DataPart;

  constructor(project: Project, network: Network, train: DataPart, val: DataPart, names: Map<string, string>, compiled: readonly CompiledLayer[], prepared: PreparedData) {
    const t = project.training;
    this.project = project;
    this.network = network;
    this.names = names;
    this.compiled = compiled;
    this.train = train;
    this.val = val;
    this.trainSize = train.n;
    this.valSize = val.n;
    this.test = prepared.test;
    this.testSize = prepared.test.n;
    this.normalization = prepared.normalization;
    this.batchSize = network.capacity;
    this.stepsPerEpoch = Math.ceil(train.n / this.batchSize);
    this.epochs = t.epochs;
    this.order = Int32Array.from({ length: train.n }, (_, i) => i);
    this.shuffleRng = createRng(deriveSeed(t.seed, STREAM.shuffle));
    this.schedule = new LearningRateSchedule(t.schedule);
    this.params = network.params();
    this.optimizer = createOptimizer(t.optimizer, this.params);
    this.baseLr = t.optimizer.lr;
    this.guard = new UpdateGuard(this.params, network.dense);
    registerSessionCore(this, this);
  }

  /** One step; `observer` (engine-internal, for the step trace) sees the real buffers. */
  trainStep(observer?: StepObserver): TrainStepResult {
    const t = this.project.training;
    const net = this.network;
    if (this.position === 0 && t.shuffle) this.shuffleRng.shuffle(this.order);
    const rows = Math.min(this.batchSize, this.trainSize - this.position);
    this.gather(this.train, this.order, this.position, rows);
    const lr = this.schedule.rate(this.baseLr, this.step, this.epoch);
    this.optimizer.lr = lr;

    net.zeroGrads();
    net.forward(rows, true);
    const dataLoss = net.lossAndBackward(t.loss, rows, t.huberDelta);
    this.hasGradients = true;
    const penalty = net.penalty();
    const loss = dataLoss + penalty;
    net.addPenaltyGradients();
    observer?.afterBackward({ rows, sampleIndices: this.order.subarray(this.position, this.position + rows), dataLoss, penalty, lr });

    const stepNumber = this.step + 1;
    // The gradient statistics are computed anyway; being finite they prove every gradient
    // finite, so describeDivergence looks element by element only when they are not.
    const finite = this.guard.measureGradients() && Number.isFinite(loss);
    let divergence = finite ? null : describeDivergence(stepNumber, loss, lr, net, this.names, 'gradient');
    if (!divergence) {
      this.guard.keepGradientStats();
      if (t.clip.type !== 'none') clipGradients(this.params, t.clip);
      this.guard.backUp();
      this.optimizer.step();
      if (!this.guard.updateFinite()) {
        divergence = describeDivergence(stepNumber, loss, lr, net, this.names, 'update');
        this.guard.restore();
      }
    }
    observer?.afterUpdate(divergence === null);

    const point: StepPoint = { step: stepNumber, epoch: this.epoch + 1, loss, lr };
    this.step = stepNumber;
    this.position += rows;
    let epochEnd: EpochPoint | null = null;
    if (this.position >= this.trainSize) {
      this.position = 0;
      this.epoch++;
      epochEnd = this.evaluate();
      this.schedule.observeEpoch(epochEnd.valLoss ?? epochEnd.trainLoss, this.baseLr);
    }
    return { point, epochEnd, divergence };
  }

  /** Copies `rows` samples of `part` (indices order[start …]) into the network's input and target buffers. */
  gather(part: DataPart, order: Int32Array | null, start: number, rows: number): void {
    const net = this.network;
    const f = net.features;
    const o = net.outputs;
    // Locals, so the loops index the arrays directly (the input may be a view on wasm memory).
    const { input, targets } = net;
    const { x, y } = part;
    if (input instanceof Float32Array) {
      // float32 runs copy whole rows (a memcpy each) from the part's float32 copy.
      const copy = this.rowsOf(part);
      for (let r = 0; r < rows; r++) input.set(copy[order ? order[start + r] : start + r], r * f);
    } else {
      for (let r = 0; r < rows; r++) {
        const i = order ? order[start + r] : start + r;
        for (let j = 0, to = r * f, from = i * f; j < f; j++) input[to + j] = x[from + j];
      }
    }
    for (let r = 0; r < rows; r++) {
      const i = order ? order[start + r] : start + r;
      for (let j = 0, to = r * o, from = i * o; j < o; j++) targets[to + j] = y[from + j];
    }
  }

  /**
   * `part`'s inputs rounded to float32, one view per sample, made on first use (a part's
   * inputs never change after the split), so float32 gathers copy rows without converting.
   */
  private rowsOf(part: DataPart): Float32Array[] {
    const known = this.float32Rows.get(part);
    if (known) return known;
    const f = this.network.features;
    const all = Float32Array.from(part.x.subarray(0, part.n * f));
    const rows = Array.from({ length: part.n }, (_, i) => all.subarray(i * f, (i + 1) * f));
    this.float32Rows.set(part, rows);
    return rows;
  }

  nextBatch(): Int32Array {
    const rows = Math.min(this.batchSize, this.trainSize - this.position);
    let order = this.order;
    if (this.position === 0 && this.project.training.shuffle) {
      // The same draw trainStep will make, on a copy of the generator.
      order = Int32Array.from(this.order);
      const rng = createRng(0);
      rng.setState(this.shuffleRng.getState());
      rng.shuffle(order);
    }
    return order.slice(this.position, this.position + rows);
  }

  checkpoint(): Checkpoint {
    return captureCheckpoint(this);
  }

  evaluate(): EpochPoint {
    const train = measureSplit(this, this.train);
    const val = this.valSize > 0 ? measureSplit(this, this.val) : null;
    return {
      epoch: this.epoch,
      step: this.step,
      trainLoss: train.loss,
      valLoss: val ? val.loss : null,
      trainAccuracy: train.accuracy,
      valAccuracy: val ? val.accuracy : null,
    };
  }

  snapshot(): LayerSnapshot[] {
    return this.network.dense.map((d, i) => layerSnapshot(d, this.guard.layerStats(i)));
  }

  setHyperparameters(values: Hyperparameters): void {
    applyHyperparameters(this, values);
  }

  predict(x: Float64Array, n: number): Float64Array {
    const f = this.network.features;
    // Too short an `x` is left to network.predict, which names the sizes.
    return this.network.predict(this.normalization && x.length >= n * f ? normalized(this.normalization, x, n, f) : x, n);
  }

  evaluateTest(): { loss: number; accuracy: number | null } | null {
    return this.testSize > 0 ? measureSplit(this, this.test) : null;
  }

  histograms(bins: number): LayerHistograms[] {
    return this.network.dense.map((d) => layerHistograms(d, bins));
  }
}

/** A new session, or why there is none (`nodeId`: the node to highlight, if any). */
export type CreateSessionResult = { ok: true; session: TrainingSession } | { ok: false; error: string; nodeId: string | null };

/**
 * Builds a session from a (parsed) project: loads the data, compiles the graph, splits the
 * data (seeded), initializes the weights (seeded), then applies `options` (a checkpoint to
 * resume, or weights to start from). Never throws; on failure `error` lists every problem
 * and `nodeId` is the first offending node. The same project (same seed) always gives the
 * same initial weights, so "reset weights" is a new session of the project, and "reset
 * with a new seed" one of the project with another `training.seed`.
 */
export function createTrainingSession(project: Project, options: SessionOptions = {}): CreateSessionResult {
  const loaded = options.dataset ? { ok: true as const, dataset: options.dataset } : loadDataset(project.dataset);
  if (!loaded.ok) return { ok: false, error: loaded.error, nodeId: null };
  const ds = loaded.dataset;
  const shape = { features: ds.features, targets: ds.targets, task: ds.task, classes: ds.classLabels?.length ?? 0 };
  const compiled = compileGraph(project.graph, shape, project.training);
  if (!compiled.ok) {
    return { ok: false, error: compiled.problems.map((p) => p.message).join('\n'), nodeId: compiled.problems[0]?.nodeId ?? null };
  }
  const t = project.training;
  const outputLayer = compiled.layers[compiled.layers.length - 1];
  const outputs = outputLayer.units;
  // The seeded split (stream STREAM.split) and the scaling fitted on its training part.
  const { train, val, test, normalization } = prepareTrainingData(ds, t, outputs);
  const batchSize = t.batchMode === 'batch' ? train.n : t.batchMode === 'stochastic' ? 1 : Math.min(t.batchSize, train.n);
  try {
    const network = new Network(compiled.layers, ds.features, t.precision, Math.max(1, batchSize), createRng(deriveSeed(t.seed, STREAM.init)), createRng(deriveSeed(t.seed, STREAM.dropout)));
    const names = new Map(compiled.layers.map((l) => [l.nodeId, l.name]));
    const session = new Session(project, network, train, val, names, compiled.layers, { test, normalization });
    const mismatch = applyStart(session, options);
    return mismatch ? { ok: false, ...mismatch } : { ok: true, session };
  } catch (e) {
    return { ok: false, error: `The network could not be built: ${(e as Error).message}`, nodeId: null };
  }
}

/**
 * Validates `raw` (a checkpoint read from disk, parsed JSON) and resumes a session of
 * `project` from it; `options.dataset` as for `createTrainingSession`. Never throws.
 */
export function restoreCheckpoint(project: Project, raw: unknown, options: Pick<SessionOptions, 'dataset'> = {}): CreateSessionResult {
  const parsed = parseCheckpoint(raw);
  return parsed.ok ? createTrainingSession(project, { dataset: options.dataset, checkpoint: parsed.checkpoint }) : { ok: false, error: parsed.error, nodeId: null };
}
