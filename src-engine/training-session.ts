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
import type { EpochPoint, Hyperparameters, LayerSnapshot, StepPoint } from './protocol/messages';
import { compileGraph } from './compile';
import { splitDataset, type DataPart } from './data-split';
import { loadDataset } from './datasets';
import { clipGradients } from './gradient-clipping';
import { gradientStats, layerHistograms, updateRatio, type GradientStats, type LayerHistograms } from './layer-metrics';
import type { Param } from './layers/layer';
import { Network } from './network';
import { createOptimizer, type Optimizer } from './optimizers';
import { createRng, deriveSeed, type Rng } from './rng';
import { LearningRateSchedule } from './schedules';
import { lossSumsOverBatch } from './losses';
import { allFinite, cloneTensor, type Tensor } from './tensor';
import { describeDivergence, type Divergence } from './divergence';

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
  /** Inference-mode outputs `[n][outputUnits]` for inputs `x` `[n][features]`. Allocates the result. */
  predict(x: Float64Array, n: number): Float64Array;
  /** Histograms of every dense layer's weights, bias and last weight gradients, `bins` bins each. */
  histograms(bins: number): LayerHistograms[];
}

/** Sub-streams of the training seed, so that e.g. dropout never shifts the initial weights. */
const STREAM = { init: 1, split: 2, shuffle: 3, dropout: 4 } as const;

class Session implements TrainingSession {
  readonly epochs: number;
  readonly stepsPerEpoch: number;
  readonly batchSize: number;
  readonly trainSize: number;
  readonly valSize: number;
  step = 0;
  epoch = 0;
  private readonly project: Project;
  private readonly network: Network;
  private readonly params: Param[];
  private readonly train: DataPart;
  private readonly val: DataPart;
  private readonly order: Int32Array;
  private readonly shuffleRng: Rng;
  private readonly schedule: LearningRateSchedule;
  private readonly backup: Tensor[];
  private readonly stats: (GradientStats & { updateRatio?: number })[];
  private readonly names: Map<string, string>;
  private optimizer: Optimizer;
  private baseLr: number;
  private position = 0;

  constructor(project: Project, network: Network, train: DataPart, val: DataPart, names: Map<string, string>) {
    const t = project.training;
    this.project = project;
    this.network = network;
    this.names = names;
    this.train = train;
    this.val = val;
    this.trainSize = train.n;
    this.valSize = val.n;
    this.batchSize = network.capacity;
    this.stepsPerEpoch = Math.ceil(train.n / this.batchSize);
    this.epochs = t.epochs;
    this.order = Int32Array.from({ length: train.n }, (_, i) => i);
    this.shuffleRng = createRng(deriveSeed(t.seed, STREAM.shuffle));
    this.schedule = new LearningRateSchedule(t.schedule);
    this.params = network.params();
    this.optimizer = createOptimizer(t.optimizer, this.params);
    this.baseLr = t.optimizer.lr;
    this.backup = this.params.map((p) => cloneTensor(p.value));
    this.stats = network.dense.map(() => ({ gradNorm: 0, meanAbsGrad: 0 }));
  }

  trainStep(): TrainStepResult {
    const t = this.project.training;
    const net = this.network;
    if (this.position === 0 && t.shuffle) this.shuffleRng.shuffle(this.order);
    const rows = Math.min(this.batchSize, this.trainSize - this.position);
    this.gather(this.train, this.order, this.position, rows);
    const lr = this.schedule.rate(this.baseLr, this.step, this.epoch);
    this.optimizer.lr = lr;

    net.zeroGrads();
    net.forward(rows, true);
    const loss = net.lossAndBackward(t.loss, rows, t.huberDelta) + net.penalty();
    net.addPenaltyGradients();

    const stepNumber = this.step + 1;
    let divergence = describeDivergence(stepNumber, loss, lr, net, this.names, 'gradient');
    if (!divergence) {
      for (let i = 0; i < net.dense.length; i++) gradientStats(net.dense[i], this.stats[i]);
      clipGradients(this.params, t.clip);
      for (let i = 0; i < this.params.length; i++) this.backup[i].set(this.params[i].value);
      this.optimizer.step();
      let finite = true;
      for (const p of this.params) finite = finite && allFinite(p.value);
      if (finite) {
        // backup[k] holds the weights (then the bias, if any) of dense layer i before the step.
        for (let i = 0, k = 0; i < net.dense.length; k += net.dense[i].bias ? 2 : 1, i++) {
          this.stats[i].updateRatio = updateRatio(this.backup[k], net.dense[i].weights);
        }
      } else {
        divergence = describeDivergence(stepNumber, loss, lr, net, this.names, 'update');
        for (let i = 0; i < this.params.length; i++) this.params[i].value.set(this.backup[i]);
      }
    }

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
  private gather(part: DataPart, order: Int32Array | null, start: number, rows: number): void {
    const net = this.network;
    const f = net.features;
    const o = net.outputs;
    for (let r = 0; r < rows; r++) {
      const i = order ? order[start + r] : start + r;
      for (let j = 0; j < f; j++) net.input[r * f + j] = part.x[i * f + j];
      for (let j = 0; j < o; j++) net.targets[r * o + j] = part.y[i * o + j];
    }
  }

  /**
   * Loss (plus the L1/L2 penalty) and accuracy of `part` in inference mode, in chunks. The
   * loss is the mean over the samples, or the sum for losses summed over a batch (half_sse).
   */
  private measure(part: DataPart): { loss: number; accuracy: number | null } {
    const net = this.network;
    const t = this.project.training;
    const summed = lossSumsOverBatch(t.loss);
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < part.n; start += net.capacity) {
      const rows = Math.min(net.capacity, part.n - start);
      this.gather(part, null, start, rows);
      const out = net.forward(rows, false);
      lossSum += net.loss(t.loss, rows, t.huberDelta) * (summed ? 1 : rows);
      if (part.labels) correct += countCorrect(out, part.labels, start, rows, net.outputs);
    }
    const n = Math.max(1, part.n);
    return { loss: (summed ? lossSum : lossSum / n) + net.penalty(), accuracy: part.labels ? correct / n : null };
  }

  evaluate(): EpochPoint {
    const train = this.measure(this.train);
    const val = this.valSize > 0 ? this.measure(this.val) : null;
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
    return this.network.dense.map((d, i) => {
      const s = this.stats[i];
      let sq = 0;
      for (let k = 0; k < d.weights.length; k++) sq += d.weights[k] * d.weights[k];
      const snap: LayerSnapshot = {
        nodeId: d.nodeId,
        inputs: d.inputs,
        units: d.units,
        weights: cloneTensor(d.weights),
        bias: d.bias ? cloneTensor(d.bias) : null,
        weightNorm: Math.sqrt(sq),
        gradNorm: s.gradNorm,
        meanAbsGrad: s.meanAbsGrad,
      };
      if (s.updateRatio !== undefined) snap.updateRatio = s.updateRatio;
      return snap;
    });
  }

  setHyperparameters(values: Hyperparameters): void {
    if (values.optimizer) {
      if (values.optimizer.type === this.optimizer.type) {
        (this.optimizer as Optimizer<typeof values.optimizer.type>).configure(values.optimizer);
      } else {
        this.optimizer = createOptimizer(values.optimizer, this.params);
      }
      this.baseLr = values.optimizer.lr;
    }
    if (values.lr !== undefined) this.baseLr = values.lr;
    for (const d of this.network.dense) {
      if (values.l1 !== undefined) d.l1 = values.l1;
      if (values.l2 !== undefined) d.l2 = values.l2;
    }
    if (values.dropoutRate !== undefined) for (const d of this.network.dropouts) d.rate = values.dropoutRate;
  }

  predict(x: Float64Array, n: number): Float64Array {
    const net = this.network;
    if (x.length < n * net.features) {
      throw new Error(`predict: ${n} samples of ${net.features} features need ${n * net.features} values, got ${x.length}.`);
    }
    const result = new Float64Array(n * net.outputs);
    for (let start = 0; start < n; start += net.capacity) {
      const rows = Math.min(net.capacity, n - start);
      for (let k = 0; k < rows * net.features; k++) net.input[k] = x[start * net.features + k];
      const out = net.forward(rows, false);
      for (let k = 0; k < rows * net.outputs; k++) result[start * net.outputs + k] = out[k];
    }
    return result;
  }

  histograms(bins: number): LayerHistograms[] {
    return this.network.dense.map((d) => layerHistograms(d, bins));
  }
}

/** Correct predictions in a chunk: one output → ŷ > 0.5 means class 1; several → argmax. */
function countCorrect(out: Tensor, labels: Int32Array, start: number, rows: number, units: number): number {
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    let predicted: number;
    if (units === 1) predicted = out[r] > 0.5 ? 1 : 0;
    else {
      predicted = 0;
      for (let j = 1; j < units; j++) if (out[r * units + j] > out[r * units + predicted]) predicted = j;
    }
    if (predicted === labels[start + r]) correct++;
  }
  return correct;
}

/**
 * Builds a session from a (parsed) project: loads the data, compiles the graph, splits the
 * data (seeded), initializes the weights (seeded). Never throws; on failure `error` lists
 * every problem and `nodeId` is the first offending node.
 */
export function createTrainingSession(project: Project): { ok: true; session: TrainingSession } | { ok: false; error: string; nodeId: string | null } {
  const loaded = loadDataset(project.dataset);
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
  const { train, val } = splitDataset(ds, t.validationSplit, outputs, createRng(deriveSeed(t.seed, STREAM.split)));
  const batchSize = t.batchMode === 'batch' ? train.n : t.batchMode === 'stochastic' ? 1 : Math.min(t.batchSize, train.n);
  try {
    const network = new Network(compiled.layers, ds.features, t.precision, Math.max(1, batchSize), createRng(deriveSeed(t.seed, STREAM.init)), createRng(deriveSeed(t.seed, STREAM.dropout)));
    const names = new Map(compiled.layers.map((l) => [l.nodeId, l.name]));
    return { ok: true, session: new Session(project, network, train, val, names) };
  } catch (e) {
    return { ok: false, error: `The network could not be built: ${(e as Error).message}`, nodeId: null };
  }
}
