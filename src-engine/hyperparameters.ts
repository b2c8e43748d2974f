/** Live hyperparameter changes ("set-hyperparameters" while a run goes on). */
import { createOptimizer, type Optimizer } from './optimizers';
import type { Hyperparameters } from './protocol/messages';
import type { SessionCore } from './session-core';

/**
 * Applies `values` to a session; they take effect at its next step. The same optimizer
 * type keeps its state (moments, step count), as editing torch's `param_groups` does;
 * another type starts fresh. `lr` (or a new optimizer's lr) becomes the schedule's base
 * rate; l1, l2 and the dropout rate apply to every layer. Mutates the session.
 */
export function applyHyperparameters(core: SessionCore, values: Hyperparameters): void {
  if (values.optimizer) {
    if (values.optimizer.type === core.optimizer.type) {
      (core.optimizer as Optimizer<typeof values.optimizer.type>).configure(values.optimizer);
    } else {
      core.optimizer = createOptimizer(values.optimizer, core.params);
    }
    core.baseLr = values.optimizer.lr;
  }
  if (values.lr !== undefined) core.baseLr = values.lr;
  for (const d of core.network.dense) {
    if (values.l1 !== undefined) d.l1 = values.l1;
    if (values.l2 !== undefined) d.l2 = values.l2;
  }
  if (values.dropoutRate !== undefined) for (const d of core.network.dropouts) d.rate = values.dropoutRate;
}
