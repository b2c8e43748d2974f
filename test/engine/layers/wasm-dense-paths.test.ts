import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../../../src-engine/rng';
import type { WasmDense } from '../../../src-engine/layers/wasm-dense';
import { createWasmDense } from '../../../src-engine/layers/dense-arena';
import { forceKernelBackend } from '../../../src-engine/wasm-host';

/**
 * The two ways dense-simd.wat runs a product wide enough for both (≥ 32 units out, ≥ 32 terms):
 * one row at a time over that row's own nonzero coefficients, chosen when a group of four rows
 * (four columns of x for dW) is sparse, or four rows at once over the union of their nonzero
 * coefficients, chosen when it is dense. Both add the products in float32, nonzero
 * coefficients only in effect, k ascending, so each result is exactly the float32 sum written
 * out below; the data here (no infinities, no −0 partial sums) keeps the union's zero terms
 * exact too. The shapes reach the row path's tails: 16, 8, 4 and 1–3 units after the passes of
 * 24, 1–3 rows after the groups of four, 1–3 coefficients after the quads, 1–3 columns of dW
 * after the groups of four.
 */

/** The float32 sum both paths compute: init + Σ fround(c_k·v_k) over c_k ≠ 0, k ascending. */
function sumF32(init: number, count: number, coefficient: (k: number) => number, value: (k: number) => number): number {
  let acc = Math.fround(init);
  for (let k = 0; k < count; k++) {
    const c = coefficient(k);
    // −0 counts as zero, NaN as a value (it must propagate).
    if (c !== 0) acc = Math.fround(acc + Math.fround(c * value(k)));
  }
  return acc;
}

/** Which coefficients are mostly zero: all, none, or every other group of four rows (columns). */
type Pattern = 'sparse' | 'dense' | 'mixed';

/** `rows`×`cols` float32 values in [−1, 1); where `sparse(r, c)`, 80% are exact zeros (some −0). */
function matrix(rows: number, cols: number, seed: number, sparse: (r: number, c: number) => boolean): Float32Array {
  const rng = createRng(seed);
  const m = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const zero = sparse(r, c) && rng.next() < 0.8;
      m[r * cols + c] = zero ? ((r + c) % 5 === 0 ? -0 : 0) : 2 * rng.next() - 1;
    }
  }
  return m;
}

/** Rows (pattern by row group, for forward and dX) or columns (by column group, for dW) sparse. */
const byRowGroup = (p: Pattern) => (r: number) => p === 'sparse' || (p === 'mixed' && (r >> 2) % 2 === 1);
const byColumnGroup = (p: Pattern) => (_r: number, c: number) => p === 'sparse' || (p === 'mixed' && (c >> 2) % 2 === 0);

function simdLayer(inputs: number, units: number, rows: number): WasmDense {
  forceKernelBackend('wasm-simd');
  const layer = createWasmDense(inputs, units, true, rows, rows);
  if (!layer) throw new Error('WebAssembly SIMD is not available in this Node');
  return layer;
}

/** The first index where `actual` and `expected` differ in bits (NaN equals NaN), or 'equal'. */
function firstDifference(actual: Float32Array, expected: Float32Array): string {
  if (actual.length !== expected.length) return `length ${actual.length} vs ${expected.length}`;
  for (let k = 0; k < actual.length; k++) {
    if (!Object.is(actual[k], expected[k])) return `element ${k}: ${actual[k]} vs ${expected[k]}`;
  }
  return 'equal';
}

const PATTERNS: readonly Pattern[] = ['sparse', 'dense', 'mixed'];

afterEach(() => forceKernelBackend(null));

describe('the SIMD dense kernels, one row at a time and four rows at once', () => {
  // [rows, inputs, units]: units 32 = 24 + 8, 44 = 24 + 16 + 4, 47 = … + 3, 61 = 48 + 8 + 4 + 1, 128 = 5·24 + 8.
  const forwardShapes: [number, number, number][] = [[1, 32, 32], [6, 37, 44], [7, 50, 47], [13, 33, 61], [9, 96, 128]];
  for (const [rows, inputs, units] of forwardShapes) {
    for (const pattern of PATTERNS) {
      it(`compute z = x·W + b as the float32 sum (${rows}×${inputs}→${units}, ${pattern} rows)`, () => {
        const layer = simdLayer(inputs, units, rows);
        const x = matrix(rows, inputs, 1, byRowGroup(pattern));
        layer.weights.set(matrix(inputs, units, 2, () => false));
        layer.bias!.set(matrix(1, units, 3, () => false));
        layer.forward(x, rows);
        const z = new Float32Array(rows * units);
        for (let r = 0; r < rows; r++) {
          for (let j = 0; j < units; j++) {
            z[r * units + j] = sumF32(layer.bias![j], inputs, (k) => x[r * inputs + k], (k) => layer.weights[k * units + j]);
          }
        }
        expect(firstDifference(layer.z.subarray(0, rows * units), z)).toBe('equal');
      });
    }
  }

  // dW's sum runs over the rows of x (≥ 32 for one row at a time): inputs 30, 13, 7 leave 2, 1, 3 columns after the groups of four.
  const gradientShapes: [number, number, number][] = [[32, 30, 32], [37, 13, 47], [45, 7, 61], [12, 8, 40]];
  for (const [rows, inputs, units] of gradientShapes) {
    for (const pattern of PATTERNS) {
      it(`add dW += xᵀ·dZ and db += Σ dZ as float32 sums (${rows}×${inputs}→${units}, ${pattern} columns)`, () => {
        const layer = simdLayer(inputs, units, rows);
        const x = matrix(rows, inputs, 4, byColumnGroup(pattern));
        const dZ = matrix(rows, units, 5, (r) => r % 3 === 0);
        const dW0 = matrix(inputs, units, 6, () => false);
        const dB0 = matrix(1, units, 7, () => false);
        layer.forward(x, rows);
        layer.dZ.set(dZ);
        layer.dWeights.set(dW0);
        layer.dBias.set(dB0);
        layer.weightGradient(rows);
        const dW = new Float32Array(inputs * units);
        for (let i = 0; i < inputs; i++) {
          for (let j = 0; j < units; j++) {
            dW[i * units + j] = sumF32(dW0[i * units + j], rows, (r) => x[r * inputs + i], (r) => dZ[r * units + j]);
          }
        }
        // The bias gradient's coefficients are all 1: every row is added.
        const dB = Float32Array.from({ length: units }, (_, j) => sumF32(dB0[j], rows, () => 1, (r) => dZ[r * units + j]));
        expect(firstDifference(layer.dWeights, dW)).toBe('equal');
        expect(firstDifference(layer.dBias, dB)).toBe('equal');
      });
    }
  }

  // dX's sum runs over the units (≥ 32 for one row at a time) and is as wide as the inputs.
  const inputGradientShapes: [number, number, number][] = [[5, 33, 32], [8, 47, 35], [11, 128, 40]];
  for (const [rows, inputs, units] of inputGradientShapes) {
    for (const pattern of PATTERNS) {
      it(`compute dX = dZ·Wᵀ as the float32 sum (${rows}×${inputs}→${units}, ${pattern} dZ rows)`, () => {
        const layer = simdLayer(inputs, units, rows);
        const dZ = matrix(rows, units, 8, byRowGroup(pattern));
        layer.weights.set(matrix(inputs, units, 9, () => false));
        layer.forward(new Float32Array(rows * inputs), rows);
        layer.dZ.set(dZ);
        layer.inputGradient(rows);
        const dX = new Float32Array(rows * inputs);
        for (let r = 0; r < rows; r++) {
          for (let i = 0; i < inputs; i++) {
            dX[r * inputs + i] = sumF32(0, units, (j) => dZ[r * units + j], (j) => layer.weights[i * units + j]);
          }
        }
        expect(firstDifference(layer.dInput.subarray(0, rows * inputs), dX)).toBe('equal');
      });
    }
  }

  it('one row at a time skip zero coefficients, −0 too, even against an infinite weight, and let NaN through', () => {
    // 40 inputs → 32 units, all rows sparse: one row at a time. Input 3 is −0 in row 0 and its weights are
    // infinite, so multiplying it (0·∞ = NaN) would show; row 1 has a NaN at input 5.
    const rows = 2;
    const layer = simdLayer(40, 32, rows);
    layer.weights.fill(0.5);
    layer.weights.fill(Infinity, 3 * 32, 4 * 32);
    layer.bias!.fill(1);
    const x = new Float32Array(rows * 40);
    x[0] = 2;
    x[3] = -0;
    x[40 + 5] = NaN;
    layer.forward(x, rows);
    // Row 0: 1 + 2·0.5 = 2 in every unit; row 1: NaN in every unit.
    expect(Array.from(layer.z.subarray(0, 32))).toEqual(new Array(32).fill(2));
    expect(Array.from(layer.z.subarray(32, 64)).every(Number.isNaN)).toBe(true);
  });

  it('one row at a time leave the dW rows of all-zero columns of x untouched', () => {
    // 32 rows of x, column 1 all zero, column 2 nonzero in row 31 only: dW row 1 keeps its value
    // exactly, dW row 2 gains x[31][2]·dZ[31] = 3·1.
    const rows = 32;
    const layer = simdLayer(5, 32, rows);
    const x = new Float32Array(rows * 5);
    x[31 * 5 + 2] = 3;
    layer.forward(x, rows);
    layer.dZ.fill(1);
    layer.dWeights.fill(0.1);
    layer.weightGradient(rows);
    const row = (i: number) => Array.from(layer.dWeights.subarray(i * 32, (i + 1) * 32));
    expect(row(1)).toEqual(new Array(32).fill(Math.fround(0.1)));
    expect(row(2)).toEqual(new Array(32).fill(Math.fround(Math.fround(0.1) + 3)));
  });
});
