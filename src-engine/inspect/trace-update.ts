/**
 * The update stages of a step trace: each parameter's value before and after the real
 * optimizer step, the gradient it used and the optimizer's state around it.
 */
import { DenseLayer } from '../layers/dense';
import type { OptimizerState } from '../optimizers';
import type { OptimizerSpec, OptimizerType } from '../project';
import type { SessionCore } from '../session-core';
import type { ParamUpdate, StateValue, UpdateStage } from './step-trace-types';
import { layerRef } from './trace-forward';

/**
 * The symbol each optimizer state value has in that optimizer's formula (OPTIMIZER_FORMULAS),
 * as LaTeX. Keys are the optimizers' state names (torch's, camelCase).
 */
export const OPTIMIZER_STATE_SYMBOLS: Readonly<Record<OptimizerType, Readonly<Record<string, string>>>> = {
  sgd: { momentumBuffer: 'b', momentumStarted: '[b \\text{ started}]' },
  adagrad: { sum: 'G' },
  rmsprop: { squareAvg: 'v', gradAvg: '\\bar g', momentumBuffer: 'b' },
  adadelta: { squareAvg: 'E[g^2]', accDelta: 'E[\\Delta\\theta^2]' },
  adam: { expAvg: 'm', expAvgSq: 'v', maxExpAvgSq: '\\max_{s \\le t} v_s' },
  adamw: { expAvg: 'm', expAvgSq: 'v', maxExpAvgSq: '\\max_{s \\le t} v_s' },
  nadam: { expAvg: 'm', expAvgSq: 'v', muProduct: '\\prod_{i \\le t} \\mu_i', muProductStep: 't_{\\mu}' },
};

/** What the trace keeps from just before the optimizer step. */
export interface BeforeUpdate {
  state: OptimizerState;
  /** A copy of every parameter's values, in `core.params` order. */
  values: number[][];
  lr: number;
}

/** Copies what `updateStages` compares against; call after back-propagation, before the update. */
export function captureBeforeUpdate(core: SessionCore, lr: number): BeforeUpdate {
  return { state: core.optimizer.getState(), values: core.params.map((p) => Array.from(p.value)), lr };
}

function symbolOf(type: OptimizerType, name: string): string {
  return OPTIMIZER_STATE_SYMBOLS[type][name] ?? name;
}

/**
 * Whether state value `name` takes part in the update under `spec`: buffers an option
 * switches off (plain SGD's momentum buffer, RMSprop's ḡ when not centered, Adam's max
 * without AMSGrad) stay at 0 and are left out, as is NAdam's internal step marker.
 */
function takesPart(spec: OptimizerSpec, name: string): boolean {
  switch (spec.type) {
    case 'sgd':
      return spec.momentum !== 0;
    case 'rmsprop':
      return name === 'squareAvg' || (name === 'gradAvg' && spec.centered) || (name === 'momentumBuffer' && spec.momentum > 0);
    case 'adam':
    case 'adamw':
      return name !== 'maxExpAvgSq' || spec.amsgrad;
    case 'nadam':
      return name !== 'muProductStep';
    default:
      return true;
  }
}

/**
 * One update stage per dense layer, output layer first (the order the notes update in),
 * comparing `before` with the parameters and optimizer state now. Call after the update.
 */
export function updateStages(core: SessionCore, before: BeforeUpdate, applied: boolean): UpdateStage[] {
  const after = core.optimizer.getState();
  const type = after.type;
  const spec = core.optimizer.options;
  const slotNames = Object.keys(after.slots).filter((name) => takesPart(spec, name));
  const scalars: StateValue[] = [{ name: 't', symbol: 't', before: before.state.t, after: after.t }];
  for (const name of Object.keys(after.scalars).filter((n) => takesPart(spec, n))) {
    scalars.push({ name, symbol: symbolOf(type, name), before: before.state.scalars[name] ?? after.scalars[name], after: after.scalars[name] });
  }
  const stages: UpdateStage[] = [];
  const layers = core.network.layers;
  for (let k = layers.length - 1; k >= 0; k--) {
    const layer = layers[k];
    if (!(layer instanceof DenseLayer)) continue;
    const params: ParamUpdate[] = [];
    core.params.forEach((p, pi) => {
      if (p.nodeId !== layer.nodeId) return;
      for (let idx = 0; idx < p.value.length; idx++) {
        const row = p.role === 'weights' ? Math.floor(idx / layer.units) : 0;
        const col = p.role === 'weights' ? idx % layer.units : idx;
        const state = slotNames.map((name) => ({ name, symbol: symbolOf(type, name), before: before.state.slots[name]?.[pi][idx] ?? 0, after: after.slots[name][pi][idx] }));
        params.push({ role: p.role, row, col, old: before.values[pi][idx], grad: p.grad[idx], new: p.value[idx], state });
      }
    });
    stages.push({ kind: 'update', ...layerRef(core, layer, k), optimizer: type, lr: before.lr, applied, params, scalars });
  }
  return stages;
}
