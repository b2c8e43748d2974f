import { afterEach, describe, expect, it } from 'vitest';
import { createKernelScratch, denseForward, denseInputGradient, denseWeightGradient } from '../../../src-engine/layers/dense-kernels';
import { DenseLayer } from '../../../src-engine/layers/dense';
import { denseBackend, type WasmDense } from '../../../src-engine/layers/wasm-dense';
import { createWasmDense } from '../../../src-engine/layers/dense-arena';
import { forceKernelBackend } from '../../../src-engine/wasm-host';
import { DENSE_SHAPES, randomValues, type DenseShape } from '../helpers/dense-cases';

/**
 * The SIMD kernels sum in float32, the TS kernels in float64 and round once. A float32
 * recursive sum of n terms is within γ_n·Σ|terms| of the exact sum, γ_n = n·u/(1 − n·u) with
 * u = 2⁻²⁴ (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., eq. 4.4); both
 * results are compared with that bound for n + 2 terms (the start value and the final rounding).
 */
const UNIT_ROUNDOFF = 2 ** -24;
function sumBound(terms: number, absSum: number): number {
  const nu = (terms + 2) * UNIT_ROUNDOFF;
  return (nu / (1 - nu)) * absSum;
}

/** The TS kernels' shapes, plus the SIMD paths: 8-, 4- and 1-unit tails with leftover rows, MNIST-sized. */
const SHAPES: readonly DenseShape[] = [...DENSE_SHAPES, [7, 37, 13], [64, 784, 128], [17, 128, 64], [6, 64, 10]];

/** The shared test values, stored as float32. */
const values = (n: number, seed: number, zeros: number): Float32Array => Float32Array.from(randomValues(n, seed, zeros));

/** Each element of `actual` within the float32 bound of `expected`, given Σ|terms| and n per element. */
function expectWithinBound(actual: ArrayLike<number>, expected: ArrayLike<number>, absSums: Float64Array, terms: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = -1;
  for (let k = 0; k < actual.length; k++) {
    // Twice the bound: the TS result is rounded once too.
    if (!(Math.abs(actual[k] - expected[k]) <= 2 * sumBound(terms, absSums[k]) + Number.MIN_VALUE)) worst = k;
  }
  expect(worst === -1 ? 'all within bound' : `element ${worst}: ${actual[worst]} vs ${expected[worst]}`).toBe('all within bound');
}

function simdLayer(inputs: number, units: number, useBias: boolean, rows: number): WasmDense {
  forceKernelBackend('wasm-simd');
  const layer = createWasmDense(inputs, units, useBias, rows, rows);
  if (!layer) throw new Error('WebAssembly SIMD is not available in this Node');
  return layer;
}

afterEach(() => forceKernelBackend(null));

describe('WebAssembly SIMD dense kernels', () => {
  it('are the backend Node gets for float32 layers of any size, float64 layers stay on TS', () => {
    expect(denseBackend()).toBe('wasm-simd');
    const dense = (inputs: number, units: number, precision: 'float32' | 'float64') =>
      new DenseLayer({ nodeId: 'd', inputs, units, activation: 'relu', alpha: 0, useBias: true, l1: 0, l2: 0 }, precision, 8);
    expect([dense(784, 128, 'float32').backend, dense(2, 1, 'float32').backend, dense(64, 64, 'float64').backend]).toEqual(['wasm-simd', 'wasm-simd', 'ts']);
    forceKernelBackend('ts');
    expect(dense(784, 128, 'float32').backend).toBe('ts');
  });

  for (const [rows, inputs, units] of SHAPES) {
    for (const zeros of [0, 0.5, 0.82]) {
      it(`agree with the TS kernels within float32 rounding (${rows}×${inputs}→${units}, ${zeros * 100}% zero inputs)`, () => {
        const layer = simdLayer(inputs, units, true, rows);
        const x = values(rows * inputs, 1, zeros);
        // A row of only zeros (blank image) and, for wide inputs, one with no zero at all.
        if (rows > 2) x.fill(0, inputs, 2 * inputs);
        layer.weights.set(values(inputs * units, 2, 0));
        layer.bias!.set(values(units, 3, 0));
        const dZ = values(rows * units, 4, 0.3);
        const s = createKernelScratch(inputs, units, rows);

        layer.forward(x, rows);
        const z = new Float32Array(rows * units);
        denseForward(x, rows, inputs, layer.weights, layer.bias, units, z, s);
        const zAbs = new Float64Array(rows * units);
        for (let r = 0; r < rows; r++) for (let j = 0; j < units; j++) {
          let a = Math.abs(layer.bias![j]);
          for (let i = 0; i < inputs; i++) a += Math.abs(x[r * inputs + i] * layer.weights[i * units + j]);
          zAbs[r * units + j] = a;
        }
        expectWithinBound(layer.z.subarray(0, rows * units), z, zAbs, inputs);

        // From nonzero gradients, so the kernels must add to them.
        const dW0 = values(inputs * units, 5, 0);
        const dB0 = values(units, 6, 0);
        layer.dWeights.set(dW0);
        layer.dBias.set(dB0);
        layer.dZ.set(dZ);
        layer.weightGradient(rows);
        const dW = Float32Array.from(dW0);
        const dB = Float32Array.from(dB0);
        denseWeightGradient(x, dZ, rows, inputs, units, dW, dB, s);
        const wAbs = new Float64Array(inputs * units);
        for (let i = 0; i < inputs; i++) for (let j = 0; j < units; j++) {
          let a = Math.abs(dW0[i * units + j]);
          for (let r = 0; r < rows; r++) a += Math.abs(x[r * inputs + i] * dZ[r * units + j]);
          wAbs[i * units + j] = a;
        }
        expectWithinBound(layer.dWeights, dW, wAbs, rows);
        const bAbs = Float64Array.from({ length: units }, (_, j) => {
          let a = Math.abs(dB0[j]);
          for (let r = 0; r < rows; r++) a += Math.abs(dZ[r * units + j]);
          return a;
        });
        expectWithinBound(layer.dBias, dB, bAbs, rows);

        layer.inputGradient(rows);
        const dX = new Float32Array(rows * inputs);
        denseInputGradient(dZ, layer.weights, rows, inputs, units, dX);
        const xAbs = new Float64Array(rows * inputs);
        for (let r = 0; r < rows; r++) for (let i = 0; i < inputs; i++) {
          let a = 0;
          for (let j = 0; j < units; j++) a += Math.abs(dZ[r * units + j] * layer.weights[i * units + j]);
          xAbs[r * inputs + i] = a;
        }
        expectWithinBound(layer.dInput.subarray(0, rows * inputs), dX, xAbs, units);
      });
    }
  }

  it('compute exactly on small integers, where float32 sums are exact', () => {
    // 2 rows × 3 inputs → 5 units (one 4-unit vector and a 1-unit tail), worked by hand.
    const layer = simdLayer(3, 5, true, 2);
    layer.weights.set([1, 2, 3, 4, 5, /**/ 0, 1, 0, 1, 0, /**/ -1, -1, -1, -1, -1]);
    layer.bias!.set([10, 20, 30, 40, 50]);
    layer.forward(new Float32Array([1, 0, 2, /**/ 0, 3, 0]), 2);
    // Row 0: b + 1·W0 + 2·W2 = [10+1−2, 20+2−2, 30+3−2, 40+4−2, 50+5−2]; row 1: b + 3·W1.
    expect(Array.from(layer.z.subarray(0, 10))).toEqual([9, 20, 31, 42, 53, 10, 23, 30, 43, 50]);
    layer.dZ.set([1, 0, 0, 0, 2, /**/ 0, 1, 0, 0, 0]);
    layer.weightGradient(2);
    // dW[i][j] = Σ_r x[r][i]·dZ[r][j]; db = Σ_r dZ[r].
    expect(Array.from(layer.dWeights)).toEqual([1, 0, 0, 0, 2, /**/ 0, 3, 0, 0, 0, /**/ 2, 0, 0, 0, 4]);
    expect(Array.from(layer.dBias)).toEqual([1, 1, 0, 0, 2]);
    layer.inputGradient(2);
    // dX[r][i] = Σ_j dZ[r][j]·W[i][j]: row 0 = [1+10, 0, −1−2], row 1 = [2, 1, −1].
    expect(Array.from(layer.dInput.subarray(0, 6))).toEqual([11, 0, -3, 2, 1, -1]);
  });

  it('leave gradient rows of all-zero input columns untouched and treat NaN as a value', () => {
    const layer = simdLayer(5, 4, false, 3);
    layer.dWeights.fill(7);
    layer.dZ.set([1, 1, 1, 1, /**/ 1, 1, 1, 1, /**/ 1, 1, 1, 1]);
    const x = new Float32Array([0, 1, 0, 0, NaN, /**/ 0, 0, 0, 0, 0, /**/ -0, 2, 0, 0, 0]);
    layer.forward(x, 3);
    layer.weightGradient(3);
    expect(Array.from(layer.dWeights.subarray(0, 4))).toEqual([7, 7, 7, 7]);
    expect(Array.from(layer.dWeights.subarray(4, 8))).toEqual([10, 10, 10, 10]);
    expect(Array.from(layer.dWeights.subarray(16, 20)).every(Number.isNaN)).toBe(true);
  });

  it('read an input that already lives in the layer memory without copying it', () => {
    const layer = simdLayer(4, 4, false, 4);
    layer.weights.set([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    // dInput is a view on the same memory: feeding it back must read it in place.
    layer.dInput.set([1, 2, 3, 4]);
    layer.forward(layer.dInput, 1);
    expect(Array.from(layer.z.subarray(0, 4))).toEqual([1, 2, 3, 4]);
  });
});
