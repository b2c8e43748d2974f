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

/**
 * The serializable state of an optimizer (plain numbers, JSON-safe), for checkpoints and the
 * step trace. Slot names are torch's state keys in camelCase (`exp_avg` → `expAvg`).
 */
export interface OptimizerState {
  type: OptimizerType;
  /** Steps taken. */
  t: number;
  /** Per-parameter buffers by name: `slots[name][i]` has the length of parameter i. */
  slots: Record<string, number[][]>;
  /** Scalar state besides t (NAdam's μ product; SGD's "momentum buffer started" as 0/1). */
  scalars: Record<string, number>;
}

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
  /** Every state buffer `createState` made, by name, in creation order. */
  private readonly slots = new Map<string, Tensor[]>();

  protected constructor(params: readonly Param[], options: OptimizerOptions<T>) {
    this.params = params;
    this.options = options;
    this.lr = options.lr;
  }

  /** Which optimizer this is. */
  get type(): T {
    return this.options.type as T;
  }

  /**
   * One buffer per parameter, same length and precision, filled with `init`, registered
   * under `name` for `getState`/`setState`. Allocates.
   */
  protected createState(name: string, init = 0): Tensor[] {
    const buffers = this.params.map((p) => {
      const t = createTensor(precisionOf(p.value), p.value.length);
      if (init !== 0) t.fill(init);
      return t;
    });
    return this.registerState(name, buffers);
  }

  /**
   * Registers buffers the optimizer allocated itself (one per parameter, same length and
   * precision, e.g. in WebAssembly memory) under `name` for `getState`/`setState`; returns them.
   */
  protected registerState(name: string, buffers: Tensor[]): Tensor[] {
    this.slots.set(name, buffers);
    return buffers;
  }

  /** Scalar state besides t; optimizers that keep some override this and `restoreScalars`. */
  protected scalarState(): Record<string, number> {
    return {};
  }

  /** Restores what `scalarState` returned (already checked to have the same keys). */
  protected restoreScalars(_scalars: Record<string, number>): void {}

  /** A copy of the full state (step count, every buffer, scalars). Allocates. */
  getState(): OptimizerState {
    const slots: Record<string, number[][]> = {};
    for (const [name, buffers] of this.slots) slots[name] = buffers.map((b) => Array.from(b));
    return { type: this.type, t: this.t, slots, scalars: this.scalarState() };
  }

  /**
   * Continues from a state `getState` returned (by an optimizer of the same type over
   * parameters of the same shapes). Throws an Error naming the mismatch; on a throw the
   * state may be partly replaced, so discard the optimizer. Mutates the state only.
   */
  setState(state: OptimizerState): void {
    if (state.type !== this.type) throw new Error(`The saved optimizer state is for '${state.type}' but the optimizer is '${this.type}'.`);
    const names = [...this.slots.keys()];
    const saved = Object.keys(state.slots);
    if (names.length !== saved.length || names.some((n) => !(n in state.slots))) {
      throw new Error(`The saved '${this.type}' state has buffers [${saved.join(', ')}] but this optimizer keeps [${names.join(', ')}].`);
    }
    const scalarNames = Object.keys(this.scalarState());
    if (scalarNames.some((n) => typeof state.scalars[n] !== 'number')) {
      throw new Error(`The saved '${this.type}' state lacks the values [${scalarNames.join(', ')}].`);
    }
    for (const [name, buffers] of this.slots) {
      const values = state.slots[name];
      if (values.length !== buffers.length) throw new Error(`The saved '${this.type}' buffer '${name}' covers ${values.length} parameters; the network has ${buffers.length}.`);
      buffers.forEach((b, i) => {
        if (values[i].length !== b.length) {
          throw new Error(`The saved '${this.type}' buffer '${name}' of ${this.params[i].nodeId}.${this.params[i].role} has ${values[i].length} values; the parameter has ${b.length}.`);
        }
      });
    }
    for (const [name, buffers] of this.slots) buffers.forEach((b, i) => b.set(state.slots[name][i]));
    this.t = state.t;
    this.restoreScalars(state.scalars);
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
  protected abstract update(i: number, value: Tensor, grad: Tensor): void;
}
