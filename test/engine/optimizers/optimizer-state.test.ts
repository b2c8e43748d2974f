import { describe, expect, it } from 'vitest';
import type { Param } from '../../../src-engine/layers/layer';
import { createOptimizer } from '../../../src-engine/optimizers';
import { optimizerSchema } from '../../../src-engine/project';

const SPECS: Record<string, unknown>[] = [
  { type: 'sgd', lr: 0.1, momentum: 0.9 },
  { type: 'adagrad', lr: 0.1, initialAccumulatorValue: 0.1 },
  { type: 'rmsprop', lr: 0.01, momentum: 0.5, centered: true },
  { type: 'adadelta' },
  { type: 'adam', lr: 0.1, amsgrad: true },
  { type: 'adamw', lr: 0.1 },
  { type: 'nadam', lr: 0.1 },
];

/** Two parameters of 3 and 2 values with gradients that depend on θ (so the path matters). */
function params(): Param[] {
  return [
    { nodeId: 'a', role: 'weights', value: Float64Array.from([0.5, -0.3, 0.2]), grad: new Float64Array(3) },
    { nodeId: 'a', role: 'bias', value: Float64Array.from([0.1, 0.7]), grad: new Float64Array(2) },
  ];
}

function setGradients(ps: Param[], t: number): void {
  for (const p of ps) for (let k = 0; k < p.value.length; k++) p.grad[k] = Math.sin(3 * p.value[k] + t) + 0.2 * k;
}

describe('optimizer state', () => {
  for (const raw of SPECS) {
    it(`${raw.type as string}: a copy of the state continues exactly like the original`, () => {
      const spec = optimizerSchema.parse(raw);
      const a = params();
      const original = createOptimizer(spec, a);
      for (let t = 0; t < 3; t++) {
        setGradients(a, t);
        original.step();
      }
      const b = a.map((p) => ({ ...p, value: Float64Array.from(p.value), grad: new Float64Array(p.grad.length) }));
      const copy = createOptimizer(spec, b);
      copy.setState(JSON.parse(JSON.stringify(original.getState())));
      expect(copy.getState()).toEqual(original.getState());
      for (let t = 3; t < 6; t++) {
        setGradients(a, t);
        setGradients(b, t);
        original.step();
        copy.step();
      }
      expect(b.map((p) => Array.from(p.value))).toEqual(a.map((p) => Array.from(p.value)));
      expect(copy.t).toBe(6);
    });
  }

  it('refuses a state of another optimizer or of other shapes, naming the mismatch', () => {
    const adam = createOptimizer(optimizerSchema.parse({ type: 'adam' }), params());
    const sgd = createOptimizer(optimizerSchema.parse({ type: 'sgd' }), params());
    expect(() => sgd.setState(adam.getState())).toThrow(/saved optimizer state is for 'adam' but the optimizer is 'sgd'/);
    const state = adam.getState();
    state.slots.expAvg[1] = [0];
    expect(() => adam.setState(state)).toThrow(/buffer 'expAvg' of a.bias has 1 values; the parameter has 2/);
  });
});
