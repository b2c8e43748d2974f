/**
 * A two-component principal component analysis by power iteration, deterministic (no
 * random start), for drawing data with more than two inputs in a plane.
 */

/** The plane of the two largest principal components. */
export interface Pca2 {
  /** Mean of the data `[d]`. */
  mean: Float64Array;
  /** Unit eigenvectors of the covariance `[d]` each, by decreasing variance; the largest-magnitude entry of each is positive. */
  components: [Float64Array, Float64Array];
  /** The variances along them (eigenvalues of the population covariance, divisor n). */
  variances: [number, number];
}

const MAX_ITERATIONS = 500;
/** Power iteration stops when the direction moves less than this. */
const CONVERGED = 1e-12;

/** y = A·v for a symmetric `[d][d]` matrix A. */
function multiply(a: Float64Array, v: Float64Array, d: number, out: Float64Array): void {
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += a[i * d + j] * v[j];
    out[i] = s;
  }
}

/** v /= ‖v‖; returns ‖v‖ (and leaves v alone when it is 0). */
function normalize(v: Float64Array): number {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i] * v[i];
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] /= norm;
  return norm;
}

/** Flips v so that its largest-magnitude entry is positive (eigenvectors have no sign of their own). */
function fixSign(v: Float64Array): void {
  let k = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[k])) k = i;
  if (v[k] < 0) for (let i = 0; i < v.length; i++) v[i] = -v[i];
}

/** Power iteration on `a` from `start` (mutated), kept orthogonal to `against`; the vector and its eigenvalue. */
function iterate(a: Float64Array, d: number, against: Float64Array | null, start: Float64Array): { vector: Float64Array; value: number } {
  const v = start;
  const next = new Float64Array(d);
  const project = (x: Float64Array): void => {
    if (!against) return;
    let dot = 0;
    for (let i = 0; i < d; i++) dot += x[i] * against[i];
    for (let i = 0; i < d; i++) x[i] -= dot * against[i];
  };
  project(v);
  if (normalize(v) === 0) return { vector: new Float64Array(d), value: 0 };
  let value = 0;
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    multiply(a, v, d, next);
    project(next);
    value = normalize(next);
    if (value === 0) return { vector: new Float64Array(d), value: 0 };
    let change = 0;
    for (let i = 0; i < d; i++) change = Math.max(change, Math.abs(next[i] - v[i]));
    v.set(next);
    if (change < CONVERGED) break;
  }
  fixSign(v);
  return { vector: v, value };
}

/**
 * The dominant eigenvector of symmetric positive semi-definite `a` (orthogonal to
 * `against`, if given) and its eigenvalue. Power iteration misses it only from a start
 * orthogonal to it, so it runs from two fixed starts, a golden-ratio sequence and a's
 * largest column, and keeps the larger eigenvalue; both being orthogonal to the answer
 * would take a contrived matrix. A zero vector and 0 when nothing is left.
 */
function dominant(a: Float64Array, d: number, against: Float64Array | null): { vector: Float64Array; value: number } {
  const golden = Float64Array.from({ length: d }, (_, j) => 0.25 + ((j * 0.6180339887498949) % 1));
  const column = new Float64Array(d);
  let best = -1;
  for (let j = 0; j < d; j++) {
    let norm = 0;
    for (let i = 0; i < d; i++) norm += a[i * d + j] ** 2;
    if (norm > best) {
      best = norm;
      for (let i = 0; i < d; i++) column[i] = a[i * d + j];
    }
  }
  const x = iterate(a, d, against, golden);
  const y = iterate(a, d, against, column);
  return y.value > x.value * (1 + 1e-9) ? y : x;
}

/**
 * The two principal components of `x` `[n][d]` row-major: the population covariance, then
 * power iteration for the first component and again, deflated and kept orthogonal, for
 * the second. O(n·d² + iterations·d²). Pure; allocates the result. With d = 1 the second
 * component is zero.
 */
export function pca2(x: ArrayLike<number>, n: number, d: number): Pca2 {
  const mean = new Float64Array(d);
  for (let r = 0; r < n; r++) for (let j = 0; j < d; j++) mean[j] += x[r * d + j];
  for (let j = 0; j < d; j++) mean[j] /= Math.max(1, n);
  const cov = new Float64Array(d * d);
  const centered = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) centered[j] = x[r * d + j] - mean[j];
    for (let i = 0; i < d; i++) for (let j = i; j < d; j++) cov[i * d + j] += centered[i] * centered[j];
  }
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      cov[i * d + j] /= Math.max(1, n);
      cov[j * d + i] = cov[i * d + j];
    }
  }
  const first = dominant(cov, d, null);
  // Deflation: remove the first component's share, C − λ₁v₁v₁ᵀ.
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) cov[i * d + j] -= first.value * first.vector[i] * first.vector[j];
  const second = dominant(cov, d, first.vector);
  return { mean, components: [first.vector, second.vector], variances: [first.value, second.value] };
}

/** Coordinates `[n][2]` of the rows of `x` `[n][d]` in the plane: ((x − mean)·pc1, (x − mean)·pc2). Allocates. */
export function projectOntoPca(p: Pca2, x: ArrayLike<number>, n: number, d: number): Float64Array {
  const out = new Float64Array(n * 2);
  const [pc1, pc2] = p.components;
  for (let r = 0; r < n; r++) {
    let a = 0;
    let b = 0;
    for (let j = 0; j < d; j++) {
      const c = x[r * d + j] - p.mean[j];
      a += c * pc1[j];
      b += c * pc2[j];
    }
    out[2 * r] = a;
    out[2 * r + 1] = b;
  }
  return out;
}
