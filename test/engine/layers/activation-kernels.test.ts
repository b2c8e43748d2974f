import { describe, expect, it } from 'vitest';
import { createActivationKernels, simdActivation } from '../../../src-engine/layers/activation-kernels';
import { activationBackward, activationForward } from '../../../src-engine/activations';
import type { ActivationName } from '../../../src-engine/project';

/** Distance in float32 units in the last place between two float32 values (both finite). */
function ulps(a: number, b: number): number {
  const ia = new Int32Array(Float32Array.of(a).buffer)[0];
  const ib = new Int32Array(Float32Array.of(b).buffer)[0];
  // Map the sign-magnitude bit patterns onto a monotonic integer line.
  const line = (i: number) => (i < 0 ? -(i & 0x7fffffff) : i);
  return Math.abs(line(ia) - line(ib));
}

/** Four float32 regions of n values in one memory: z, a, dA, dZ. */
function regions(n: number) {
  const memory = new WebAssembly.Memory({ initial: 8, maximum: 8 });
  const kernels = createActivationKernels(memory);
  if (!kernels) throw new Error('Node 20 runs WebAssembly SIMD, so the kernels must load');
  const bytes = Math.ceil((n * 4) / 16) * 16;
  const at = (k: number) => new Float32Array(memory.buffer, 16 + k * bytes, n);
  return { kernels, z: at(0), a: at(1), dA: at(2), dZ: at(3) };
}

/** z values: a dense sweep of [−lim, lim] and some edge values. */
function sweep(lim: number): number[] {
  const values: number[] = [];
  for (let k = -4000; k <= 4000; k++) values.push(Math.fround((k / 4000) * lim));
  values.push(0, -0, 1e-30, -1e-30, 1e-6, -1e-6, 0.62, 0.625, 0.63, -0.625, 8.9, 9, 9.1, -9, 87, -87, 88.5, -88.5, 100, -100);
  return values.map(Math.fround);
}

const ALPHA = 0.2;

describe('SIMD activations (activation-simd.wat) against the float64 definitions', () => {
  const cases: [ActivationName, number, number][] = [
    // name, z range, ulp bound of the forward
    ['linear', 50, 0],
    ['relu', 50, 0],
    ['leaky_relu', 50, 1], // α rounded to float32 first
    ['sigmoid', 100, 4],
    ['tanh', 12, 4],
  ];
  for (const [name, lim, bound] of cases) {
    it(`${name}: forward within ${bound} ulp, backward within a few ulp of the exact derivative at the kernel's a`, () => {
      const values = sweep(lim);
      const n = values.length;
      const { kernels, z, a, dA, dZ } = regions(n);
      z.set(values);
      for (let k = 0; k < n; k++) dA[k] = Math.fround(Math.sin(k) * 3);
      expect(kernels.forward(name, z, a, n, ALPHA)).toBe(true);
      const exact = new Float64Array(n);
      activationForward(name, Float64Array.from(z), exact, n, 1, ALPHA);
      let worst = 0;
      for (let k = 0; k < n; k++) {
        const want = Math.fround(exact[k]);
        // Tiny sigmoid values (e^z below float32's normal range) may flush to zero.
        if (name === 'sigmoid' && want < 1.2e-38) expect(a[k]).toBeLessThan(1.2e-38);
        else worst = Math.max(worst, ulps(a[k], want));
      }
      expect(worst).toBeLessThanOrEqual(bound);

      expect(kernels.backward(name, z, a, dA, dZ, n, ALPHA)).toBe(true);
      // The TS backward at the same (z, a, dA) in float64, rounded once.
      const want = new Float64Array(n);
      activationBackward(name, Float64Array.from(z), Float64Array.from(a), Float64Array.from(dA), want, n, 1, ALPHA);
      for (let k = 0; k < n; k++) {
        const w = Math.fround(want[k]);
        if (Math.abs(w) < 1e-30) expect(Math.abs(dZ[k])).toBeLessThan(1e-29);
        else expect(ulps(dZ[k], w)).toBeLessThanOrEqual(3);
      }
    });
  }

  it('every length from 4 to 13 (the overlapping last vector) gives the same values as one long call', () => {
    const long = regions(13);
    long.z.set(Array.from({ length: 13 }, (_, k) => Math.fround(k * 0.7 - 4)));
    long.kernels.forward('tanh', long.z, long.a, 13, 0);
    for (let n = 4; n <= 13; n++) {
      const r = regions(n);
      r.z.set(long.z.subarray(0, n));
      r.a.fill(-7);
      r.kernels.forward('tanh', r.z, r.a, n, 0);
      expect(Array.from(r.a)).toEqual(Array.from(long.a.subarray(0, n)));
    }
  });

  it('NaN stays NaN (ReLU maps it to 0, as the TS loop does); ±Infinity saturates', () => {
    const { kernels, z, a } = regions(8);
    z.set([NaN, Infinity, -Infinity, NaN, 1, 2, 3, 4]);
    kernels.forward('sigmoid', z, a, 8, 0);
    expect([a[0], a[1], a[2], a[3]]).toEqual([NaN, 1, 0, NaN]);
    kernels.forward('tanh', z, a, 8, 0);
    expect([a[0], a[1], a[2], a[3]]).toEqual([NaN, 1, -1, NaN]);
    kernels.forward('relu', z, a, 8, 0);
    expect([a[0], a[1], a[2], a[3]]).toEqual([0, Infinity, 0, 0]);
    kernels.forward('leaky_relu', z, a, 8, 0.5);
    expect([a[0], a[1], a[2]]).toEqual([NaN, Infinity, -Infinity]);
  });

  it('declines what it does not run: other activations, fewer than 4 values, buffers elsewhere', () => {
    const { kernels, z, a } = regions(8);
    expect(simdActivation('softmax')).toBe(false);
    expect(kernels.forward('elu', z, a, 8, 1)).toBe(false);
    expect(kernels.forward('relu', z, a, 3, 0)).toBe(false);
    expect(kernels.forward('relu', new Float32Array(8), a, 8, 0)).toBe(false);
  });
});
