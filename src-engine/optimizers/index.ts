/** Builds an optimizer from its spec and gives each optimizer's formula for the UI. */
import type { OptimizerSpec, OptimizerType } from '../project';
import type { Param } from '../layers/layer';
import { assertNever } from '../tensor';
import { Adadelta, ADADELTA_FORMULA } from './adadelta';
import { Adagrad, ADAGRAD_FORMULA } from './adagrad';
import { Adam, ADAM_FORMULA, ADAMW_FORMULA } from './adam';
import { NAdam, NADAM_FORMULA } from './nadam';
import { Optimizer } from './optimizer';
import { RmsProp, RMSPROP_FORMULA } from './rmsprop';
import { Sgd, SGD_FORMULA } from './sgd';

export { Optimizer, type OptimizerOptions, type OptimizerState } from './optimizer';
export { Sgd } from './sgd';
export { Adam } from './adam';
export { Adagrad } from './adagrad';
export { RmsProp } from './rmsprop';
export { Adadelta } from './adadelta';
export { NAdam } from './nadam';

/** The update rule each optimizer follows, as LaTeX (torch.optim's form; differences from the notes are noted). */
export const OPTIMIZER_FORMULAS: Readonly<Record<OptimizerType, string>> = {
  sgd: SGD_FORMULA,
  adagrad: ADAGRAD_FORMULA,
  rmsprop: RMSPROP_FORMULA,
  adadelta: ADADELTA_FORMULA,
  adam: ADAM_FORMULA,
  adamw: ADAMW_FORMULA,
  nadam: NADAM_FORMULA,
};

/** A new optimizer with fresh state (t = 0) over `params`. Allocates its state buffers. */
export function createOptimizer(spec: OptimizerSpec, params: readonly Param[]): Optimizer {
  switch (spec.type) {
    case 'sgd':
      return new Sgd(params, spec);
    case 'adagrad':
      return new Adagrad(params, spec);
    case 'rmsprop':
      return new RmsProp(params, spec);
    case 'adadelta':
      return new Adadelta(params, spec);
    case 'adam':
    case 'adamw':
      return new Adam(params, spec);
    case 'nadam':
      return new NAdam(params, spec);
    default:
      return assertNever(spec, 'optimizer');
  }
}
