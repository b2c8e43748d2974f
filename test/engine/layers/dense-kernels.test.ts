import { describe, expect, it } from 'vitest';
import { createKernelScratch, denseForward, denseInputGradient, denseWeightGradient } from '../../../src-engine/layers/dense-kernels';
import { DENSE_SHAPES, randomValues as values } from '../helpers/dense-cases';

/** float32 storage rounds each result once; the sums themselves run in float64. */
const FLOAT32_REL_TOL = 1e-6;

/** The plain loops the kernels must reproduce bit for bit (the engine's former DenseLayer code). */
const reference = {
  forward(x: Float64Array, rows: number, inputs: number, w: Float64Array, b: Float64Array | null, units: number): Float64Array {
    const z = new Float64Array(rows * units);
    const sum = new Float64Array(units);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < units; j++) sum[j] = b ? b[j] : 0;
      for (let i = 0; i < inputs; i++) {
        const xi = x[r * inputs + i];
        if (xi === 0) continue;
        for (let j = 0; j < units; j++) sum[j] += xi * w[i * units + j];
      }
      z.set(sum, r * units);
    }
    return z;
  },
  weightGradient(x: Float64Array, dZ: Float64Array, rows: number, inputs: number, units: number, dW: Float64Array, dB: Float64Array): void {
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < inputs; i++) {
        const xi = x[r * inputs + i];
        if (xi === 0) continue;
        for (let j = 0; j < units; j++) dW[i * units + j] += xi * dZ[r * units + j];
      }
      for (let j = 0; j < units; j++) dB[j] += dZ[r * units + j];
    }
  },
  inputGradient(dZ: Float64Array, w: Float64Array, rows: number, inputs: number, units: number): Float64Array {
    const dX = new Float64Array(rows * inputs);
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < inputs; i++) {
        let s = 0;
        for (let j = 0; j < units; j++) s += dZ[r * units + j] * w[i * units + j];
        dX[r * inputs + i] = s;
      }
    }
    return dX;
  },
};

/** Bit-for-bit equality, −0 and NaN included. */
function expectSameBits(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  const differing = Array.from(actual).findIndex((v, k) => !Object.is(v, expected[k]));
  expect(differing).toBe(-1);
}

describe('dense kernels', () => {
  for (const [rows, inputs, units] of DENSE_SHAPES) {
    for (const zeros of [0, 0.5, 0.9]) {
      it(`reproduce the plain loops bit for bit in float64 (${rows}×${inputs}→${units}, ${zeros * 100}% zero inputs)`, () => {
        const x = values(rows * inputs, 1, zeros);
        const w = values(inputs * units, 2, 0);
        const b = values(units, 3, 0);
        const dZ = values(rows * units, 4, 0);
        const s = createKernelScratch(inputs, units, rows);

        const z = new Float64Array(rows * units);
        denseForward(x, rows, inputs, w, b, units, z, s);
        expectSameBits(z, reference.forward(x, rows, inputs, w, b, units));
        denseForward(x, rows, inputs, w, null, units, z, s);
        expectSameBits(z, reference.forward(x, rows, inputs, w, null, units));

        // Starting from nonzero gradients checks that the kernels add to them in the same order.
        const dW = values(inputs * units, 5, 0);
        const dB = values(units, 6, 0);
        const expectedDW = Float64Array.from(dW);
        const expectedDB = Float64Array.from(dB);
        denseWeightGradient(x, dZ, rows, inputs, units, dW, dB, s);
        reference.weightGradient(x, dZ, rows, inputs, units, expectedDW, expectedDB);
        expectSameBits(dW, expectedDW);
        expectSameBits(dB, expectedDB);

        const dX = new Float64Array(rows * inputs);
        denseInputGradient(dZ, w, rows, inputs, units, dX);
        expectSameBits(dX, reference.inputGradient(dZ, w, rows, inputs, units));
      });
    }
  }

  it('store float32 results within rounding of the float64 sums', () => {
    const [rows, inputs, units] = [13, 11, 5];
    const x = values(rows * inputs, 1, 0.5);
    const w = values(inputs * units, 2, 0);
    const dZ = values(rows * units, 4, 0);
    const s = createKernelScratch(inputs, units, rows);
    const f32 = (a: Float64Array): Float32Array => Float32Array.from(a);
    const z = new Float32Array(rows * units);
    denseForward(f32(x), rows, inputs, f32(w), null, units, z, s);
    const expected = reference.forward(Float64Array.from(f32(x)), rows, inputs, Float64Array.from(f32(w)), null, units);
    for (let k = 0; k < z.length; k++) expect(Math.abs(z[k] - expected[k])).toBeLessThanOrEqual(FLOAT32_REL_TOL * Math.max(1, Math.abs(expected[k])));
    const dW = new Float32Array(inputs * units);
    denseWeightGradient(f32(x), f32(dZ), rows, inputs, units, dW, null, s);
    const expectedDW = new Float64Array(inputs * units);
    reference.weightGradient(Float64Array.from(f32(x)), Float64Array.from(f32(dZ)), rows, inputs, units, expectedDW, new Float64Array(units));
    for (let k = 0; k < dW.length; k++) expect(Math.abs(dW[k] - expectedDW[k])).toBeLessThanOrEqual(FLOAT32_REL_TOL * Math.max(1, Math.abs(expectedDW[k])));
  });

  it('leave the gradient rows of all-zero input columns untouched', () => {
    const x = new Float64Array([0, 1, 0, 2]); // 2 rows × 2 inputs; input 0 is always 0
    const dW = new Float64Array([7, 7, 7, 7]);
    denseWeightGradient(x, new Float64Array([1, 2, 3, 4]), 2, 2, 2, dW, null, createKernelScratch(2, 2, 2));
    expect(Array.from(dW)).toEqual([7, 7, 7 + 1 * 1 + 2 * 3, 7 + 1 * 2 + 2 * 4]);
  });
});
