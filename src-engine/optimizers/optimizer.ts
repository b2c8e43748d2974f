/**
 * The optimizer base class: it owns the parameter list, the per-parameter state buffers and
 * the step count t; each optimizer writes only its per-parameter update (`update`). Update
 * rules and defaults are torch.optim's (PyTorch 2.x `_single_tensor_*` functions), so a run
 * can be checked against PyTorch. Weight decay in the non-"W" optimizers is torch's L2 form
 * g ← g + λθ, applied to every parameter (biases included), as torch does by default.
 */
import type { OptimizerSpec, OptimizerType } from '../project';
import type { Param } from '../layers/layer';
import { createTensor, precisionOf, type Tensor } from '../tensor';

/** The spec of one optimizer type, e.g. `OptimizerOptions<'adam'>`. */
export type OptimizerOptions<T extends OptimizerType> = Extract<OptimizerSpec, { type: T }>;

/** A gradient-descent optimizer over a fixed list of parameters. */
export abstract class Optimizer<T extends OptimizerType = OptimizerType> {
  /** Parameters updated by `step`, in a fixed order. */
  readonly params: readonly Param[];
  /** The hyperparameters; `lr` here is the base rate, `this.lr` the one used by the next step. */
  options: OptimizerOptions<T>;
  /** Learning rate of the next step (the session sets it from the schedule). */
  lr: number;
  /** Steps taken so far; `update` runs with t already counting the current step (t ≥ 1). */
  t = 0;

  protected constructor(params: readonly Param[], options: OptimizerOptions<T>) {
    this.params = params;
    this.options = options;
    this.lr = options.lr;
  }

  /** Which optimizer this is. */
  get type(): T {
    return this.options.type as T;
  }

  /** One buffer per parameter, same length and precision, filled with `init`. Allocates. */
  protected createState(init = 0): Tensor[] {
    return this.params.map((p) => {
      const t = createTensor(precisionOf(p.value), p.value.length);
      if (init !== 0) t.fill(init);
      return t;
    });
  }

  /**
   * One optimizer step: t ← t + 1, then `update` for every parameter with its current
   * gradient. Mutates parameter values and optimizer state; reads gradients only.
   */
  step(): void {
    this.t++;
    for (let i = 0; i < this.params.length; i++) this.update(i, this.params[i].value, this.params[i].grad);
  }

  /**
   * Replaces the hyperparameters (same optimizer type), keeping the state (moments, step
   * count), as editing `param_groups` in torch does. Takes effect at the next step.
   */
  configure(options: OptimizerOptions<T>): void {
    this.options = options;
    this.lr = options.lr;
  }

  /** The update rule for parameter `i`: mutates `value` (and this optimizer's state for i). */
  protected abstract update(i: number, value: Tensor, grad: Float64Array): void;
}
