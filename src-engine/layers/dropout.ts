/**
 * Inverted dropout (Srivastava et al. 2014, as torch.nn.Dropout and Keras `Dropout`): in
 * training each value is kept with probability 1 − p and scaled by 1/(1 − p), so inference
 * needs no rescaling and is the identity. The keep mask is a Bernoulli draw from the
 * layer's seeded RNG, one draw per value, in row-major order.
 */
import type { Rng } from '../rng';
import { createTensor, type Precision, type Tensor } from '../tensor';
import type { Layer, Param } from './layer';

/** Dropout with rate p (the probability of dropping a value). Buffers sized for `capacity` rows. */
export class DropoutLayer implements Layer {
  readonly kind = 'dropout' as const;
  readonly nodeId: string;
  readonly inputs: number;
  readonly units: number;
  /** p in [0, 1); may be changed between steps. */
  rate: number;
  /** The last mask `[capacity][units]`: 0 or 1/(1 − p). */
  readonly mask: Float64Array;
  private readonly out: Tensor;
  private readonly dInput: Tensor;
  private readonly rng: Rng;
  private maskActive = false;

  constructor(nodeId: string, units: number, rate: number, rng: Rng, precision: Precision, capacity: number) {
    this.nodeId = nodeId;
    this.inputs = units;
    this.units = units;
    this.rate = rate;
    this.rng = rng;
    this.mask = new Float64Array(capacity * units);
    this.out = createTensor(precision, capacity * units);
    this.dInput = createTensor(precision, capacity * units);
  }

  /**
   * Training: draws a fresh mask from the RNG (advances it) and returns input ⊙ mask.
   * Inference, or rate 0: returns `input` itself (identity, no copy).
   */
  forward(input: Tensor, rows: number, training: boolean): Tensor {
    if (!training || this.rate === 0) {
      this.maskActive = false;
      return input;
    }
    const keep = 1 - this.rate;
    const scale = 1 / keep;
    const n = rows * this.units;
    // Keep when u < 1 − p: P(keep) = 1 − p exactly for u uniform in [0, 1).
    for (let i = 0; i < n; i++) this.mask[i] = this.rng.next() < keep ? scale : 0;
    return this.forwardWithMask(input, rows);
  }

  /** input ⊙ mask with the current mask (no new draw); for gradient checks with a fixed mask. */
  forwardWithMask(input: Tensor, rows: number): Tensor {
    this.maskActive = true;
    const n = rows * this.units;
    for (let i = 0; i < n; i++) this.out[i] = input[i] * this.mask[i];
    return this.out;
  }

  /** dInput = dOutput ⊙ mask (identity when the last forward was inference). */
  backward(dOutput: Tensor, rows: number, needInputGrad: boolean): Tensor | null {
    if (!needInputGrad) return null;
    if (!this.maskActive) return dOutput;
    const n = rows * this.units;
    for (let i = 0; i < n; i++) this.dInput[i] = dOutput[i] * this.mask[i];
    return this.dInput;
  }

  /** No parameters. */
  params(): Param[] {
    return [];
  }
}
