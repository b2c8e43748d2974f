/** Finite-difference helpers for gradient checks (float64, central differences). */

/** Step of the central difference; about the cube root of float64's epsilon times the scale. */
export const FD_STEP = 1e-6;

/** (f(x + h) − f(x − h)) / 2h, perturbing `x[index]` in place and restoring it. */
export function centralDifference(f: () => number, x: Float64Array | Float32Array, index: number, h = FD_STEP): number {
  const saved = x[index];
  x[index] = saved + h;
  const plus = f();
  x[index] = saved - h;
  const minus = f();
  x[index] = saved;
  return (plus - minus) / (2 * h);
}

/** |a − b| / max(|a|, |b|, floor): relative error that stays meaningful near zero. */
export function relativeError(a: number, b: number, floor = 1e-8): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
}

/** Largest relative error between an analytic gradient and the central differences of `f` over every element of `x`. */
export function maxGradientError(f: () => number, x: Float64Array | Float32Array, analytic: ArrayLike<number>, h = FD_STEP): number {
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    worst = Math.max(worst, relativeError(analytic[i], centralDifference(f, x, i, h)));
  }
  return worst;
}

/** Fixed pseudo-random values in [lo, hi) from a tiny LCG (tests must not depend on the engine's RNG). */
export function fixedValues(n: number, seed: number, lo = -1, hi = 1): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = lo + ((hi - lo) * s) / 4294967296;
  }
  return out;
}
