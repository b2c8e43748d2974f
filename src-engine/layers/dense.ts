/**
 * A fully connected layer, Keras' `Dense`: z = x·W + b, a = f(z), with W stored `[inputs][units]`
 * row-major (so W[i][j] connects input i to unit j, the notes' w_{i,j}) and b `[units]`.
 */
import type { ActivationName } from '../project';
import { activationBackward, activationForward } from '../activations';
import { allFinite, createTensor, type Precision, type Tensor } from '../tensor';
import { createKernelScratch, denseForward, denseInputGradient, denseWeightGradient, type KernelScratch } from './dense-kernels';
import type { Layer, Param } from './layer';
import type { KernelBackend } from '../wasm-host';
import type { WasmDense } from './wasm-dense';
import { createWasmDense } from './dense-arena';
import { addSums, createParamKernels, type Sums, type WasmParamKernels } from './param-kernels';
import { createActivationKernels, type WasmActivations } from './activation-kernels';

/** What a dense layer is built from; weights start at zero until initialized. */
export interface DenseOptions {
  nodeId: string;
  inputs: number;
  units: number;
  activation: ActivationName;
  /** α of Leaky ReLU and ELU. */
  alpha: number;
  useBias: boolean;
  /** L1 and L2 penalty factors on the weights (Keras `kernel_regularizer` convention). */
  l1: number;
  l2: number;
}

/** Dense layer with its own activation. Buffers sized once (see the constructor). */
export class DenseLayer implements Layer {
  readonly kind = 'dense' as const;
  readonly nodeId: string;
  readonly inputs: number;
  readonly units: number;
  readonly activation: ActivationName;
  readonly alpha: number;
  /** The kernels this layer runs on: WebAssembly SIMD (float32 layers large enough to gain) or TS. */
  readonly backend: KernelBackend;
  /** Penalty factors; may be changed between steps. */
  l1: number;
  l2: number;
  /** W `[inputs][units]`. */
  readonly weights: Tensor;
  /** b `[units]`, or null without bias. */
  readonly bias: Tensor | null;
  /**
   * dLoss/dW `[inputs][units]`, in the run's precision: float32 gradients halve the memory
   * traffic of a float32 run, and each element is summed in float64 and rounded once.
   */
  readonly dWeights: Tensor;
  /** dLoss/db `[units]` (length 0 without bias), in the run's precision. */
  readonly dBias: Tensor;
  /** Pre-activations z `[forwardCapacity][units]` of the last forward. */
  readonly z: Tensor;
  /** Activations a `[forwardCapacity][units]` of the last forward. */
  readonly a: Tensor;
  /** dLoss/dz `[capacity][units]`; the fused loss writes here directly. */
  readonly dZ: Tensor;
  private readonly dInput: Tensor;
  private readonly scratch: KernelScratch;
  /** The SIMD kernels and the memory the buffers above live in; null: the TS kernels. */
  private readonly simd: WasmDense | null;
  /** SIMD passes over the tensors in `simd`'s memory (param-kernels.ts); null: the TS loops. */
  private readonly passes: WasmParamKernels | null;
  /** SIMD activations on `simd`'s memory (activation-kernels.ts); null: the TS loops. */
  private readonly activations: WasmActivations | null;
  private input: Tensor | null = null;

  /**
   * Buffers for `capacity` rows of training (forward and backward); `forwardCapacity`
   * (default `capacity`, never less) rows for inference-only forwards such as evaluation.
   * `simd`: the layer's SIMD buffers laid out by its network (dense-arena.ts), null for the TS
   * kernels; left out, a float32 layer makes its own when the host runs SIMD.
   */
  constructor(options: DenseOptions, precision: Precision, capacity: number, forwardCapacity = capacity, simdBuffers?: WasmDense | null) {
    const rowsForward = Math.max(capacity, forwardCapacity);
    this.nodeId = options.nodeId;
    this.inputs = options.inputs;
    this.units = options.units;
    this.activation = options.activation;
    this.alpha = options.alpha;
    this.l1 = options.l1;
    this.l2 = options.l2;
    // float32 layers large enough to gain keep their buffers in WebAssembly memory (wasm-dense.ts).
    const simd =
      precision !== 'float32' ? null : simdBuffers !== undefined ? simdBuffers : createWasmDense(this.inputs, this.units, options.useBias, capacity, rowsForward);
    this.simd = simd;
    this.backend = simd ? 'wasm-simd' : 'ts';
    this.passes = simd ? createParamKernels(simd.memory) : null;
    this.activations = simd ? createActivationKernels(simd.memory) : null;
    this.weights = simd ? simd.weights : createTensor(precision, this.inputs * this.units);
    this.bias = simd ? simd.bias : options.useBias ? createTensor(precision, this.units) : null;
    this.dWeights = simd ? simd.dWeights : createTensor(precision, this.inputs * this.units);
    this.dBias = simd ? simd.dBias : createTensor(precision, options.useBias ? this.units : 0);
    this.z = simd ? simd.z : createTensor(precision, rowsForward * this.units);
    this.a = simd ? simd.a : createTensor(precision, rowsForward * this.units);
    this.dZ = simd ? simd.dZ : createTensor(precision, capacity * this.units);
    this.dInput = simd ? simd.dInput : createTensor(precision, capacity * this.inputs);
    this.scratch = createKernelScratch(simd ? 0 : this.inputs, simd ? 0 : this.units, simd ? 0 : rowsForward);
  }

  /**
   * A buffer of `[forwardCapacity][inputs]` that `forward` reads without copying (it lives in
   * the SIMD kernels' memory), for the network to gather its batches into; null on the TS kernels.
   */
  inputBuffer(): Tensor | null {
    return this.simd ? this.simd.stage : null;
  }

  /**
   * z = x·W + b, a = f(z) for `rows` samples; returns `a`. The TS kernels accumulate dot
   * products in float64 (dense-kernels.ts), the SIMD kernels in float32 (wasm-dense.ts).
   */
  forward(input: Tensor, rows: number, _training: boolean): Tensor {
    this.input = input;
    if (this.simd) this.simd.forward(input, rows);
    else denseForward(input, rows, this.inputs, this.weights, this.bias, this.units, this.z, this.scratch);
    const n = rows * this.units;
    if (!this.activations?.forward(this.activation, this.z as Float32Array, this.a as Float32Array, n, this.alpha)) {
      activationForward(this.activation, this.z, this.a, rows, this.units, this.alpha);
    }
    return this.a;
  }

  /** From dLoss/da: dZ = f′(z)·dA, then as `backwardFromPreactivation`. */
  backward(dOutput: Tensor, rows: number, needInputGrad: boolean): Tensor | null {
    const n = rows * this.units;
    if (!this.activations?.backward(this.activation, this.z as Float32Array, this.a as Float32Array, dOutput as Float32Array, this.dZ as Float32Array, n, this.alpha)) {
      activationBackward(this.activation, this.z, this.a, dOutput, this.dZ, rows, this.units, this.alpha);
    }
    return this.backwardFromPreactivation(rows, needInputGrad);
  }

  /**
   * With dLoss/dz already in `this.dZ`: adds dW += xᵀ·dZ and db += Σ_rows dZ into the
   * gradients, and when `needInputGrad` writes dX = dZ·Wᵀ and returns it.
   */
  backwardFromPreactivation(rows: number, needInputGrad: boolean): Tensor | null {
    const input = this.input;
    if (!input) throw new Error(`Dense layer '${this.nodeId}': backward called before forward.`);
    if (this.simd) {
      this.simd.weightGradient(rows);
      if (!needInputGrad) return null;
      this.simd.inputGradient(rows);
      return this.dInput;
    }
    denseWeightGradient(input, this.dZ, rows, this.inputs, this.units, this.dWeights, this.bias ? this.dBias : null, this.scratch);
    if (!needInputGrad) return null;
    denseInputGradient(this.dZ, this.weights, rows, this.inputs, this.units, this.dInput);
    return this.dInput;
  }

  /** Adds Σx² and Σ|x| over dW and db (the last step's gradients) into `out`; allocates nothing. */
  addGradientSums(out: Sums): void {
    const passes = this.passes;
    if (passes) {
      passes.addSums(this.dWeights as Float32Array, out);
      passes.addSums(this.dBias as Float32Array, out);
      return;
    }
    addSums(this.dWeights, out);
    addSums(this.dBias, out);
  }

  /** True when no weight or bias is NaN or ±Infinity. */
  parametersFinite(): boolean {
    const passes = this.passes;
    const w = this.weights;
    const b = this.bias;
    if (passes) return passes.finite(w as Float32Array) && (b === null || passes.finite(b as Float32Array));
    return allFinite(w) && (b === null || allFinite(b));
  }

  /** The L1/L2 penalty l1·Σ|W| + l2·ΣW² on the weights (biases are not penalized, as Keras). */
  penalty(): number {
    if (this.l1 === 0 && this.l2 === 0) return 0;
    let abs = 0;
    let sq = 0;
    const w = this.weights;
    for (let i = 0; i < w.length; i++) {
      abs += Math.abs(w[i]);
      sq += w[i] * w[i];
    }
    return this.l1 * abs + this.l2 * sq;
  }

  /** Adds the penalty's gradient l1·sign(W) + 2·l2·W into `dWeights` (sign(0) = 0). */
  addPenaltyGradient(): void {
    if (this.l1 === 0 && this.l2 === 0) return;
    const w = this.weights;
    const g = this.dWeights;
    for (let i = 0; i < w.length; i++) {
      const v = w[i];
      g[i] += this.l1 * (v > 0 ? 1 : v < 0 ? -1 : 0) + 2 * this.l2 * v;
    }
  }

  /** Weights then bias (when present). */
  params(): Param[] {
    const list: Param[] = [{ nodeId: this.nodeId, role: 'weights', value: this.weights, grad: this.dWeights }];
    if (this.bias) list.push({ nodeId: this.nodeId, role: 'bias', value: this.bias, grad: this.dBias });
    return list;
  }
}
