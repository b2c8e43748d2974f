/** A separate activation layer (Keras `Activation`): a = f(x), element-wise or per row for softmax. */
import type { ActivationName } from '../project';
import { activationBackward, activationForward } from '../activations';
import { createTensor, type Precision, type Tensor } from '../tensor';
import type { Layer, Param } from './layer';

/** Applies one activation function; no parameters. Buffers sized once (see the constructor). */
export class ActivationLayer implements Layer {
  readonly kind = 'activation' as const;
  readonly nodeId: string;
  readonly inputs: number;
  readonly units: number;
  readonly activation: ActivationName;
  readonly alpha: number;
  private readonly out: Tensor;
  private readonly dInput: Tensor;
  private input: Tensor | null = null;

  /** Backward buffers for `capacity` rows; the output for `forwardCapacity` (default and at least `capacity`). */
  constructor(nodeId: string, units: number, activation: ActivationName, alpha: number, precision: Precision, capacity: number, forwardCapacity = capacity) {
    this.nodeId = nodeId;
    this.inputs = units;
    this.units = units;
    this.activation = activation;
    this.alpha = alpha;
    this.out = createTensor(precision, Math.max(capacity, forwardCapacity) * units);
    this.dInput = createTensor(precision, capacity * units);
  }

  /** a = f(input) for `rows` samples; keeps `input` for backward. Returns the layer's buffer. */
  forward(input: Tensor, rows: number, _training: boolean): Tensor {
    this.input = input;
    activationForward(this.activation, input, this.out, rows, this.units, this.alpha);
    return this.out;
  }

  /** dInput = f′(x) ⊙ dOutput (softmax: Jacobian-vector product). */
  backward(dOutput: Tensor, rows: number, needInputGrad: boolean): Tensor | null {
    if (!needInputGrad) return null;
    if (!this.input) throw new Error(`Activation layer '${this.nodeId}': backward called before forward.`);
    activationBackward(this.activation, this.input, this.out, dOutput, this.dInput, rows, this.units, this.alpha);
    return this.dInput;
  }

  /** No parameters. */
  params(): Param[] {
    return [];
  }
}
