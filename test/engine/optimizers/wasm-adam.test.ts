import { afterEach, describe, expect, it } from 'vitest';
import type { Param } from '../../../src-engine/layers/layer';
import { Adam } from '../../../src-engine/optimizers/adam';
import { adamBackend } from '../../../src-engine/optimizers/wasm-adam';
import { createRng } from '../../../src-engine/rng';
import { forceKernelBackend, type KernelBackend } from '../../../src-engine/wasm-host';

/** float32 parameters of the given lengths (odd ones reach the scalar tail) with random values. */
function params(lengths: number[], seed: number): Param[] {
  const rng = createRng(seed);
  const fill = (n: number) => Float32Array.from({ length: n }, () => 2 * rng.next() - 1);
  return lengths.map((n, i) => ({ nodeId: `l${i}`, role: 'weights', value: fill(n), grad: fill(n) }));
}

type AdamOptions = ConstructorParameters<typeof Adam>[1];

/** Parameter values after `steps` steps, with fresh pseudo-random gradients each step (a few NaN-free extremes too). */
function run(backend: KernelBackend, options: AdamOptions, steps: number): { values: Float32Array[]; state: ReturnType<Adam['getState']> } {
  forceKernelBackend(backend);
  const ps = params([1, 3, 300, 1027], 11);
  const adam = new Adam(ps, options);
  const rng = createRng(12);
  for (let t = 0; t < steps; t++) {
    for (const p of ps) for (let k = 0; k < p.grad.length; k++) p.grad[k] = k % 97 === 0 ? 0 : (2 * rng.next() - 1) * 10 ** (3 * rng.next() - 2);
    adam.step();
  }
  return { values: ps.map((p) => Float32Array.from(p.value)), state: adam.getState() };
}

/** Bit-for-bit equality of float32 arrays (−0 and NaN included). */
function expectSameBits(a: Float32Array[], b: Float32Array[]): void {
  expect(a.map((x) => Array.from(new Uint32Array(x.buffer)))).toEqual(b.map((x) => Array.from(new Uint32Array(x.buffer))));
}

afterEach(() => forceKernelBackend(null));

const BASE = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, amsgrad: false, weightDecay: 0 };

describe('Adam on WebAssembly SIMD', () => {
  it('is what Node gets for float32 parameters', () => {
    expect(adamBackend()).toBe('wasm-simd');
  });

  for (const [name, options] of [
    ['Adam', { type: 'adam', ...BASE }],
    ['Adam with L2 decay and AMSGrad', { type: 'adam', ...BASE, weightDecay: 0.01, amsgrad: true }],
    ['AdamW', { type: 'adamw', ...BASE, weightDecay: 0.05 }],
    ['AdamW with AMSGrad', { type: 'adamw', ...BASE, weightDecay: 0.05, amsgrad: true }],
  ] as [string, AdamOptions][]) {
    it(`gives bit for bit the TS loop's parameters and moments: ${name}`, () => {
      const simd = run('wasm-simd', options, 25);
      const ts = run('ts', options, 25);
      expectSameBits(simd.values, ts.values);
      expect(simd.state).toEqual(ts.state);
      // The parameters moved, so the comparison compared updates.
      expect(simd.values[3][5]).not.toBe(params([1, 3, 300, 1027], 11)[3].value[5]);
    });
  }

  it('restores its moments from a saved state and continues as the TS optimizer would', () => {
    const options: AdamOptions = { type: 'adam', ...BASE, amsgrad: true };
    const saved = run('ts', options, 5).state;
    const continueOn = (backend: KernelBackend) => {
      forceKernelBackend(backend);
      const ps = params([1, 3, 300, 1027], 11);
      const adam = new Adam(ps, options);
      adam.setState(saved);
      adam.step();
      return ps.map((p) => Float32Array.from(p.value));
    };
    expectSameBits(continueOn('wasm-simd'), continueOn('ts'));
  });
});
