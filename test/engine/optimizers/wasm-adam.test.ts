import { afterEach, describe, expect, it } from 'vitest';
import type { Param } from '../../../src-engine/layers/layer';
import { Adam } from '../../../src-engine/optimizers/adam';
import { adamBackend, WASM_ADAM_MIN_LENGTH } from '../../../src-engine/optimizers/wasm-adam';
import { createRng } from '../../../src-engine/rng';
import { forceKernelBackend, type KernelBackend } from '../../../src-engine/wasm-host';

/** Lengths that reach every path: the scalar tail alone (1, 3, 6), 4-lane passes plus a tail of 0 to 3. */
const LENGTHS = [1, 3, 6, 300, 1027, 257, 258];

/** float32 parameters of `LENGTHS` with random values. */
function params(seed: number): Param[] {
  const rng = createRng(seed);
  const fill = (n: number) => Float32Array.from({ length: n }, () => 2 * rng.next() - 1);
  return LENGTHS.map((n, i) => ({ nodeId: `l${i}`, role: 'weights', value: fill(n), grad: fill(n) }));
}

type AdamOptions = ConstructorParameters<typeof Adam>[1];

/** Gradient k of a step: zeros, and magnitudes from 1e-2 to 10 (so float32 rounding matters). */
function finiteGradient(k: number, rng: ReturnType<typeof createRng>): number {
  return k % 97 === 0 ? 0 : (2 * rng.next() - 1) * 10 ** (3 * rng.next() - 2);
}

/** Also NaN, ±∞, subnormals and values whose square overflows float32, at a few places and steps. */
function extremeGradient(k: number, rng: ReturnType<typeof createRng>, t: number): number {
  const special = [Number.NaN, Infinity, -Infinity, 1e-40, -3e-39, 1e25, -0];
  if (k % 13 === t % 13) return special[(k + t) % special.length];
  return finiteGradient(k, rng);
}

/**
 * Parameter values and the optimizer state after `steps` steps on `backend` (null: what the
 * host picks, SIMD from `WASM_ADAM_MIN_LENGTH`), with fresh pseudo-random gradients each step.
 */
function run(
  backend: KernelBackend | null,
  options: AdamOptions,
  steps: number,
  gradient: (k: number, rng: ReturnType<typeof createRng>, t: number) => number = finiteGradient,
): { values: Float32Array[]; state: ReturnType<Adam['getState']> } {
  forceKernelBackend(backend);
  const ps = params(11);
  const adam = new Adam(ps, options);
  const rng = createRng(12);
  for (let t = 0; t < steps; t++) {
    for (const p of ps) for (let k = 0; k < p.grad.length; k++) p.grad[k] = gradient(k, rng, t);
    adam.step();
  }
  return { values: ps.map((p) => Float32Array.from(p.value)), state: adam.getState() };
}

/**
 * Bit-for-bit equality of float32 arrays, −0 included. A NaN equals any NaN: WebAssembly leaves
 * the sign and payload of a computed NaN unspecified.
 */
function expectSameBits(a: Float32Array[], b: Float32Array[]): void {
  const bits = (x: Float32Array) => Array.from(new Uint32Array(x.buffer), (u, k) => (Number.isNaN(x[k]) ? 'NaN' : u));
  expect(a.map(bits)).toEqual(b.map(bits));
}

afterEach(() => forceKernelBackend(null));

const BASE = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, amsgrad: false, weightDecay: 0 };

const VARIANTS: [string, AdamOptions][] = [
  ['Adam', { type: 'adam', ...BASE }],
  ['Adam with L2 decay', { type: 'adam', ...BASE, weightDecay: 0.01 }],
  ['Adam with L2 decay and AMSGrad', { type: 'adam', ...BASE, weightDecay: 0.01, amsgrad: true }],
  ['AdamW', { type: 'adamw', ...BASE, weightDecay: 0.05 }],
  ['AdamW without decay', { type: 'adamw', ...BASE }],
  ['AdamW with AMSGrad', { type: 'adamw', ...BASE, weightDecay: 0.05, amsgrad: true, beta1: 0.5, beta2: 0.9 }],
];

describe('Adam on WebAssembly SIMD', () => {
  it('is what Node gets for float32 parameters', () => {
    expect(adamBackend()).toBe('wasm-simd');
  });

  for (const [name, options] of VARIANTS) {
    it(`gives bit for bit the TS float32 loop's parameters and moments: ${name}`, () => {
      const simd = run('wasm-simd', options, 25);
      const ts = run('ts', options, 25);
      expectSameBits(simd.values, ts.values);
      expect(simd.state).toEqual(ts.state);
      // The parameters moved, so the comparison compared updates.
      expect(simd.values[4][5]).not.toBe(params(11)[4].value[5]);
    });

    it(`gives the TS loop's bits on NaN, infinite, subnormal and overflowing gradients: ${name}`, () => {
      const simd = run('wasm-simd', options, 15, extremeGradient);
      const ts = run('ts', options, 15, extremeGradient);
      expectSameBits(simd.values, ts.values);
      expect(simd.state).toEqual(ts.state);
      // The extremes reached the parameters: some became NaN, others stayed finite.
      expect(ts.values[4].some(Number.isNaN)).toBe(true);
      expect(ts.values[4].some(Number.isFinite)).toBe(true);
    });
  }

  it('mixes SIMD (long parameters) and TS (short ones) without changing a bit', () => {
    // Lengths 1, 3 and 6 are below the threshold, the others above.
    expect(LENGTHS.filter((n) => n < WASM_ADAM_MIN_LENGTH)).toEqual([1, 3, 6]);
    const options: AdamOptions = { type: 'adam', ...BASE, weightDecay: 0.01, amsgrad: true };
    const mixed = run(null, options, 10);
    const ts = run('ts', options, 10);
    expectSameBits(mixed.values, ts.values);
    expect(mixed.state).toEqual(ts.state);
  });

  it('keeps AMSGrad’s maximum where v is NaN, as the TS comparison v > vMax does', () => {
    const options: AdamOptions = { type: 'adam', ...BASE, amsgrad: true };
    const gradient = (k: number, rng: ReturnType<typeof createRng>, t: number) => (t === 3 && k === 2 ? Number.NaN : finiteGradient(k, rng));
    for (const backend of ['wasm-simd', 'ts'] as const) {
      const { state } = run(backend, options, 5, gradient);
      // Parameter 4 (1027 values), element 2: v turned NaN at step 4, the maximum kept its value.
      expect(state.slots.expAvgSq[4][2]).toBeNaN();
      expect(state.slots.maxExpAvgSq[4][2]).toBeGreaterThan(0);
    }
  });

  it('restores its moments from a saved state and continues as the TS optimizer would', () => {
    const options: AdamOptions = { type: 'adam', ...BASE, amsgrad: true };
    const saved = run('ts', options, 5).state;
    const continueOn = (backend: KernelBackend) => {
      forceKernelBackend(backend);
      const ps = params(11);
      const adam = new Adam(ps, options);
      adam.setState(saved);
      adam.step();
      return ps.map((p) => Float32Array.from(p.value));
    };
    expectSameBits(continueOn('wasm-simd'), continueOn('ts'));
  });
});
