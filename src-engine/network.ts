/**
 * A compiled chain of layers with its batch buffers: forward, loss, backward. Buffers are
 * sized once, for `capacity` rows (a training batch) and, forward-only, for
 * `forwardCapacity` rows (evaluation chunks), so training steps and evaluation allocate nothing.
 */
import type { LossName } from './project';
import type { CompiledLayer } from './compile';
import { initializeTensor } from './initializers';
import { ActivationLayer } from './layers/activation-layer';
import { DenseLayer } from './layers/dense';
import { createDenseArena } from './layers/dense-arena';
import { DropoutLayer } from './layers/dropout';
import type { Layer, Param } from './layers/layer';
import { computeLoss, lossTakesLogits } from './losses';
import type { Rng } from './rng';
import { createTensor, type Precision, type Tensor } from './tensor';

/** Rows an inference chunk aims at: enough that per-chunk overhead vanishes for small batches. */
const FORWARD_ROWS = 256;
/** At most this many values (8 MB in float64) in the forward buffers of the larger chunks. */
const FORWARD_BUFFER_VALUES = 1 << 20;

/**
 * The rows of an inference chunk: a multiple of `capacity` (so that evaluation can still
 * sum its loss per training-batch-sized piece, see measure-split.ts), about FORWARD_ROWS,
 * and within FORWARD_BUFFER_VALUES for buffers of `valuesPerRow` values per row.
 */
function forwardRows(capacity: number, valuesPerRow: number): number {
  let k = Math.max(1, Math.floor(FORWARD_ROWS / capacity));
  while (k > 1 && k * capacity * valuesPerRow > FORWARD_BUFFER_VALUES) k--;
  return k * capacity;
}

/** A chain network built from compiled layers. */
export class Network {
  readonly layers: readonly Layer[];
  /** The dense layers in chain order; the last one is the output. */
  readonly dense: readonly DenseLayer[];
  readonly dropouts: readonly DropoutLayer[];
  readonly precision: Precision;
  /** Maximum rows per training step (forward with backward). */
  readonly capacity: number;
  /** Maximum rows per inference-mode forward (`training` false); a multiple of `capacity`. */
  readonly forwardCapacity: number;
  readonly features: number;
  readonly outputs: number;
  /** The batch input `[forwardCapacity][features]`; callers write rows here before `forward`. */
  readonly input: Tensor;
  /** The batch targets `[forwardCapacity][outputs]`; callers write rows here before `loss`/`lossAndBackward`. */
  readonly targets: Float64Array;
  /** The RNG every dropout layer draws its masks from (its state goes into checkpoints). */
  readonly dropoutRng: Rng;
  private readonly outputGrad: Tensor;
  private lastOutput: Tensor;
  /** Per layer: its output buffer of the last forward. */
  private readonly layerOutputs: Tensor[];
  /** Per layer: dLoss/d(its output) of the last back-propagation; null where not computed. */
  private readonly outputGradients: (Tensor | null)[];

  /**
   * Builds the layers and initializes every dense layer from `initRng` (kernel, then bias,
   * in chain order). Dropout layers draw their masks from `dropoutRng`. Allocates all buffers.
   */
  constructor(compiled: readonly CompiledLayer[], features: number, precision: Precision, capacity: number, initRng: Rng, dropoutRng: Rng) {
    this.precision = precision;
    this.capacity = capacity;
    this.features = features;
    const perRow = features + compiled.reduce((sum, c) => sum + (c.kind === 'dense' ? 2 * c.units : c.kind === 'activation' ? c.units : 0), 0);
    const rows = forwardRows(capacity, perRow);
    this.forwardCapacity = rows;
    // float32: every dense layer's SIMD buffers in one memory, each writing its activations
    // straight into the next dense layer's input (dense-arena.ts).
    const denseIndices = compiled.flatMap((c, i) => (c.kind === 'dense' ? [i] : []));
    const arena =
      precision === 'float32'
        ? createDenseArena(
            denseIndices.map((i, k) => {
              const c = compiled[i] as Extract<CompiledLayer, { kind: 'dense' }>;
              return { inputs: c.inputs, units: c.units, useBias: c.useBias, feedsNext: denseIndices[k + 1] === i + 1 };
            }),
            capacity,
            rows,
          )
        : null;
    const layers: Layer[] = compiled.map((c, i) => {
      if (c.kind === 'dense') return new DenseLayer(c, precision, capacity, rows, arena ? arena[denseIndices.indexOf(i)] : undefined);
      if (c.kind === 'dropout') return new DropoutLayer(c.nodeId, c.units, c.rate, dropoutRng, precision, capacity);
      return new ActivationLayer(c.nodeId, c.units, c.activation, c.alpha, precision, capacity, rows);
    });
    const dense: DenseLayer[] = [];
    const dropouts: DropoutLayer[] = [];
    for (let i = 0; i < compiled.length; i++) {
      const c = compiled[i];
      const layer = layers[i];
      if (c.kind === 'dense' && layer instanceof DenseLayer) {
        initializeTensor(c.kernelInitializer, layer.weights, c.inputs, c.units, initRng);
        if (layer.bias) initializeTensor(c.biasInitializer, layer.bias, c.units, c.units, initRng);
        dense.push(layer);
      } else if (layer instanceof DropoutLayer) {
        dropouts.push(layer);
      }
    }
    if (dense.length === 0 || layers[layers.length - 1] !== dense[dense.length - 1]) {
      throw new Error('A network must end with its output dense layer.');
    }
    this.layers = layers;
    this.dense = dense;
    this.dropouts = dropouts;
    this.outputs = dense[dense.length - 1].units;
    // A first dense layer on the SIMD kernels reads its batch in place from its own memory.
    const first = layers[0];
    this.input = (first instanceof DenseLayer ? first.inputBuffer() : null) ?? createTensor(precision, rows * features);
    this.targets = new Float64Array(rows * this.outputs);
    this.outputGrad = createTensor(precision, capacity * this.outputs);
    this.lastOutput = this.input;
    this.dropoutRng = dropoutRng;
    this.layerOutputs = layers.map(() => this.input);
    this.outputGradients = layers.map(() => null);
  }

  /** The output dense layer. */
  get output(): DenseLayer {
    return this.dense[this.dense.length - 1];
  }

  /** All trainable parameters in chain order (weights, then bias, per dense layer). */
  params(): Param[] {
    return this.layers.flatMap((l) => l.params());
  }

  /**
   * Runs the first `rows` rows of `this.input` through the chain; returns the output
   * activations `[rows][outputs]` (the output layer's buffer). `training` enables dropout.
   * Rows up to `capacity` when training (or before a backward), `forwardCapacity` otherwise.
   */
  forward(rows: number, training: boolean): Tensor {
    let x: Tensor = this.input;
    for (let k = 0; k < this.layers.length; k++) {
      x = this.layers[k].forward(x, rows, training);
      this.layerOutputs[k] = x;
    }
    this.lastOutput = x;
    return x;
  }

  /**
   * Inference-mode outputs `[n][outputs]` for inputs `x` `[n][features]`, run through the
   * batch buffers in chunks of `forwardCapacity` rows. Allocates the result; overwrites the buffers.
   */
  predict(x: ArrayLike<number>, n: number): Float64Array {
    if (x.length < n * this.features) {
      throw new Error(`predict: ${n} samples of ${this.features} features need ${n * this.features} values, got ${x.length}.`);
    }
    const result = new Float64Array(n * this.outputs);
    for (let start = 0; start < n; start += this.forwardCapacity) {
      const rows = Math.min(this.forwardCapacity, n - start);
      for (let k = 0; k < rows * this.features; k++) this.input[k] = x[start * this.features + k];
      const out = this.forward(rows, false);
      for (let k = 0; k < rows * this.outputs; k++) result[start * this.outputs + k] = out[k];
    }
    return result;
  }

  /**
   * The data loss of rows `first … first + rows − 1` of the last forward against the same
   * rows of `this.targets` (`first` defaults to 0).
   */
  loss(loss: LossName, rows: number, huberDelta: number, first = 0): number {
    const prediction = lossTakesLogits(loss) ? this.output.z : this.lastOutput;
    return computeLoss(loss, prediction, this.targets, null, rows, this.outputs, huberDelta, first);
  }

  /**
   * The data loss of the last forward, then back-propagation through every layer: adds
   * into each parameter's gradient (call `zeroGrads` first). Cross-entropy losses start
   * from the output logits (fused with sigmoid/softmax).
   */
  lossAndBackward(loss: LossName, rows: number, huberDelta: number): number {
    const out = this.output;
    const fused = lossTakesLogits(loss);
    let value: number;
    let layerIndex = this.layers.length - 1;
    let grad: Tensor | null;
    this.outputGradients.fill(null);
    if (fused) {
      value = computeLoss(loss, out.z, this.targets, out.dZ, rows, this.outputs, huberDelta);
      grad = out.backwardFromPreactivation(rows, layerIndex > 0);
    } else {
      value = computeLoss(loss, this.lastOutput, this.targets, this.outputGrad, rows, this.outputs, huberDelta);
      this.outputGradients[layerIndex] = this.outputGrad;
      grad = out.backward(this.outputGrad, rows, layerIndex > 0);
    }
    for (layerIndex--; layerIndex >= 0 && grad; layerIndex--) {
      this.outputGradients[layerIndex] = grad;
      grad = this.layers[layerIndex].backward(grad, rows, layerIndex > 0);
    }
    return value;
  }

  /**
   * The output buffer `[rows][units]` of layer `k` from the last forward (for k = −1 the
   * network input). A live view, valid until the next forward; for the inspection tools.
   */
  layerOutput(k: number): Tensor {
    return k < 0 ? this.input : this.layerOutputs[k];
  }

  /**
   * dLoss/d(output of layer k) `[rows][units]` from the last `lossAndBackward`, or null for
   * the output layer under a loss fused with its activation (which starts from dLoss/dz). A
   * live view of a buffer the next forward/backward overwrites; for the inspection tools.
   * A layer may overwrite its dOutput during backward, but none of the current ones does.
   */
  outputGradient(k: number): Tensor | null {
    return this.outputGradients[k];
  }

  /** Sets every parameter gradient to zero. */
  zeroGrads(): void {
    // Indexed loops here and below: they run every step, and for-of allocated an iterator there.
    for (let i = 0; i < this.dense.length; i++) {
      this.dense[i].dWeights.fill(0);
      this.dense[i].dBias.fill(0);
    }
  }

  /** Σ over dense layers of l1·Σ|W| + l2·ΣW². */
  penalty(): number {
    let p = 0;
    for (let i = 0; i < this.dense.length; i++) p += this.dense[i].penalty();
    return p;
  }

  /** Adds every dense layer's L1/L2 penalty gradient into its weight gradient. */
  addPenaltyGradients(): void {
    for (let i = 0; i < this.dense.length; i++) this.dense[i].addPenaltyGradient();
  }
}
