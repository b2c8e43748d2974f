/**
 * The interface every layer of a compiled network implements. Batches are `[rows][features]`
 * row-major matrices with `rows ≤ capacity`; each layer owns its output and input-gradient
 * buffers (allocated once for `capacity` rows), so a training step allocates nothing.
 */
import type { Tensor } from '../tensor';

/** A trainable tensor and the gradient of the loss with respect to it (same length). */
export interface Param {
  /** Graph node id of the layer that owns it. */
  readonly nodeId: string;
  readonly role: 'weights' | 'bias';
  /** The values, updated in place by the optimizer. */
  readonly value: Tensor;
  /** dLoss/dvalue, stored in the value's precision (each element summed in float64, rounded once). */
  readonly grad: Tensor;
}

/** One layer of a chain network. */
export interface Layer {
  readonly kind: 'dense' | 'dropout' | 'activation';
  /** The graph node this layer was compiled from. */
  readonly nodeId: string;
  /** Features per sample coming in. */
  readonly inputs: number;
  /** Features per sample going out. */
  readonly units: number;
  /**
   * Computes the output `[rows][units]` for `input` `[rows][inputs]` and returns the layer's
   * own output buffer (valid until the next `forward`). Keeps a reference to `input` for
   * `backward`. `training` switches dropout on.
   */
  forward(input: Tensor, rows: number, training: boolean): Tensor;
  /**
   * Back-propagates `dOutput` `[rows][units]` (the gradient with respect to this layer's
   * last output): adds into the parameter gradients and, when `needInputGrad`, writes and
   * returns the gradient with respect to the last input `[rows][inputs]` (else returns null).
   * May overwrite `dOutput`.
   */
  backward(dOutput: Tensor, rows: number, needInputGrad: boolean): Tensor | null;
  /** The trainable parameters (empty for parameter-free layers). */
  params(): Param[];
}
