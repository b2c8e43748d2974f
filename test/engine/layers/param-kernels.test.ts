import { describe, expect, it } from 'vitest';
import { addSums, createParamKernels, type Sums } from '../../../src-engine/layers/param-kernels';
import { allFinite } from '../../../src-engine/tensor';
import { DenseLayer } from '../../../src-engine/layers/dense';
import { createRng } from '../../../src-engine/rng';

/** A float32 view of `n` values at byte 16·k of a fresh memory, filled from a seeded RNG. */
function setup(n: number, seed = 1) {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
  const kernels = createParamKernels(memory);
  if (!kernels) throw new Error('this host runs WebAssembly SIMD (Node 20), so the kernels must load');
  const view = new Float32Array(memory.buffer, 64, n);
  const rng = createRng(seed);
  for (let k = 0; k < n; k++) view[k] = (rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 6 - 3);
  return { kernels, view };
}

/** Σx² and Σ|x| summed one by one in float64: the independent reference. */
function reference(t: ArrayLike<number>): Sums {
  let sq = 0;
  let abs = 0;
  for (let k = 0; k < t.length; k++) {
    sq += t[k] * t[k];
    abs += Math.abs(t[k]);
  }
  return { sq, abs };
}

describe('SIMD passes over parameters (param-simd.wat)', () => {
  it('sum squares and absolute values within float64 rounding, every length 0–41 (vector body and 1–3 tail values)', () => {
    for (let n = 0; n <= 41; n++) {
      const { kernels, view } = setup(n, n + 1);
      const got: Sums = { sq: 0, abs: 0 };
      kernels.addSums(view, got);
      const want = reference(view);
      // Four partial sums instead of one chain: equal within a few float64 roundings.
      expect(Math.abs(got.sq - want.sq)).toBeLessThanOrEqual(1e-14 * want.sq);
      expect(Math.abs(got.abs - want.abs)).toBeLessThanOrEqual(1e-14 * want.abs);
      // It adds into what is there.
      const more: Sums = { sq: 0.5, abs: 0.25 };
      kernels.addSums(view, more);
      expect(more.sq).toBe(0.5 + got.sq);
      expect(more.abs).toBe(0.25 + got.abs);
      const ts: Sums = { sq: 0, abs: 0 };
      addSums(view, ts);
      expect(ts).toEqual(want);
    }
  });

  it('finds a NaN or ±Infinity at any position, in the vector body or the tail', () => {
    const n = 23;
    for (const bad of [NaN, Infinity, -Infinity]) {
      for (let at = 0; at < n; at++) {
        const { kernels, view } = setup(n);
        expect(kernels.finite(view)).toBe(true);
        view[at] = bad;
        expect(kernels.finite(view)).toBe(false);
        expect(allFinite(view)).toBe(false);
        const sums: Sums = { sq: 0, abs: 0 };
        kernels.addSums(view, sums);
        expect(Number.isFinite(sums.sq) && Number.isFinite(sums.abs)).toBe(false);
      }
    }
  });

  it('treats the largest finite float32 and −0 as finite', () => {
    const { kernels, view } = setup(9);
    view[0] = 3.4028234663852886e38;
    view[5] = -0;
    view[8] = -3.4028234663852886e38;
    expect(kernels.finite(view)).toBe(true);
  });

  it('run on a shared memory too (layers split with the kernel helper thread)', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    const kernels = createParamKernels(memory);
    expect(kernels).not.toBeNull();
    const view = new Float32Array(memory.buffer, 16, 6);
    view.set([1, -2, 3, -4, 5, 0.5]);
    const sums: Sums = { sq: 0, abs: 0 };
    kernels!.addSums(view, sums);
    expect(sums).toEqual({ sq: 55.25, abs: 15.5 });
    view[5] = NaN;
    expect(kernels!.finite(view)).toBe(false);
  });

  it('a view on another buffer falls back to the TS loops', () => {
    const { kernels } = setup(4);
    const elsewhere = Float32Array.of(1, -2, 3);
    const sums: Sums = { sq: 0, abs: 0 };
    kernels.addSums(elsewhere, sums);
    expect(sums).toEqual({ sq: 14, abs: 6 });
    expect(kernels.finite(Float32Array.of(1, NaN))).toBe(false);
  });

  it('dense layers give the same gradient sums and finiteness on SIMD (float32) and TS (float64)', () => {
    const options = { nodeId: 'd', inputs: 7, units: 5, activation: 'relu' as const, alpha: 0, useBias: true, l1: 0, l2: 0 };
    const f32 = new DenseLayer(options, 'float32', 4);
    const f64 = new DenseLayer(options, 'float64', 4);
    expect(f32.backend).toBe('wasm-simd');
    const rng = createRng(7);
    for (let k = 0; k < f32.dWeights.length; k++) f64.dWeights[k] = f32.dWeights[k] = Math.fround(rng.next() - 0.5);
    for (let k = 0; k < f32.dBias.length; k++) f64.dBias[k] = f32.dBias[k] = Math.fround(rng.next() - 0.5);
    const a: Sums = { sq: 0, abs: 0 };
    const b: Sums = { sq: 0, abs: 0 };
    f32.addGradientSums(a);
    f64.addGradientSums(b);
    expect(a.sq).toBeCloseTo(b.sq, 13);
    expect(a.abs).toBeCloseTo(b.abs, 13);
    expect(f32.parametersFinite()).toBe(true);
    f32.bias![4] = NaN;
    f64.weights[34] = -Infinity;
    expect(f32.parametersFinite()).toBe(false);
    expect(f64.parametersFinite()).toBe(false);
  });
});
