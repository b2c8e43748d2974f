/**
 * Tensors are plain typed arrays. The shape travels beside the array (`rows`, `units`) and is
 * written in each function's JSDoc; a matrix is row-major, so element (r, c) of an
 * `[rows][cols]` matrix is `a[r * cols + c]`.
 *
 * Precision: in 'float32' every stored value is rounded to single precision, while the
 * arithmetic between two stores runs in JavaScript doubles (a dot product accumulates in
 * float64 and is rounded once when written). This is close to, not identical with, a GPU's
 * float32 arithmetic.
 */

/** The number type parameters and activations are stored in. */
export type Precision = 'float32' | 'float64';

/** A flat, row-major array of numbers in the run's precision. */
export type Tensor = Float32Array | Float64Array;

/** A new zero-filled tensor of `length` elements in `precision`. Allocates. */
export function createTensor(precision: Precision, length: number): Tensor {
  return precision === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

/** The precision a tensor is stored in. */
export function precisionOf(t: Tensor): Precision {
  return t instanceof Float32Array ? 'float32' : 'float64';
}

/** A fresh copy of `t` with the same element type, backed by its own (transferable) ArrayBuffer. Allocates. */
export function cloneTensor(t: Tensor): Float32Array<ArrayBuffer> | Float64Array<ArrayBuffer> {
  return t instanceof Float32Array ? new Float32Array(t) : new Float64Array(t);
}

/** out[i] = src[i] for i < n (n defaults to src.length). Writes into `out`. */
export function copyInto(src: ArrayLike<number>, out: Tensor | Float64Array, n = src.length): void {
  for (let i = 0; i < n; i++) out[i] = src[i];
}

/** Sets the first `n` elements (default all) of `t` to zero. Mutates `t`. */
export function zeroTensor(t: Tensor, n = t.length): void {
  t.fill(0, 0, n);
}

/** sqrt(Σ t[i]²) over the first `n` elements (default all). */
export function l2Norm(t: ArrayLike<number>, n = t.length): number {
  return Math.sqrt(sumOfSquares(t, n));
}

/** Σ t[i]² over the first `n` elements (default all). */
export function sumOfSquares(t: ArrayLike<number>, n = t.length): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += t[i] * t[i];
  return s;
}

/** Σ |t[i]| over the first `n` elements (default all). */
export function sumOfAbs(t: ArrayLike<number>, n = t.length): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(t[i]);
  return s;
}

/** True when every one of the first `n` elements (default all) is finite. */
export function allFinite(t: ArrayLike<number>, n = t.length): boolean {
  for (let i = 0; i < n; i++) {
    const v = t[i];
    // v - v is NaN for ±Infinity and NaN, 0 otherwise; cheaper than Number.isFinite per element.
    if (v - v !== 0) return false;
  }
  return true;
}

/** Throws when an internal invariant is broken; a bug in the engine, never a user error. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
