/**
 * Initial values for weights and biases, following Keras (keras.initializers) exactly:
 * the variance-scaling family uses variance s/n with n = fan_in, or (fan_in + fan_out)/2 for
 * Glorot, and s = 1 (Glorot, LeCun) or 2 (He).
 *
 * - *_uniform: U(−limit, limit), limit = √(3s/n); so glorot_uniform is the notes' Xavier
 *   U[−√(6/(n+m)), √(6/(n+m))] and he_uniform U[−√(6/n), √(6/n)].
 * - *_normal: Keras' truncated normal: N(0, σ²) redrawn until |w| ≤ 2σ, with
 *   σ = √(s/n) / 0.87962566103423978, the factor that makes the truncated distribution's
 *   variance exactly s/n. (The notes' plain N(0, 2/(n+m)) has the same variance.)
 * - random_normal: plain N(mean, std²), random_uniform: U(min, max), as Keras.
 * - zeros / ones / constant / manual (row-major values, W[in][out] or b[out]).
 *
 * Fans: a kernel W[in][out] has fan_in = in, fan_out = out; a bias b[out] has
 * fan_in = fan_out = out (Keras' rule for 1-D shapes).
 */
import type { InitializerSpec } from './project';
import type { Rng } from './rng';
import { assertNever, type Tensor } from './tensor';

/** Keras' correction: the std of N(0, 1) truncated to [−2, 2]. */
export const TRUNCATED_NORMAL_STD = 0.87962566103423978;

/** A draw from N(0, σ²) truncated to [−2σ, 2σ] by rejection (Keras `TruncatedNormal`). */
export function truncatedNormal(rng: Rng, stddev: number): number {
  for (;;) {
    const v = rng.normal();
    if (v >= -2 && v <= 2) return v * stddev;
  }
}

/** How many values a `manual` initializer must list for a tensor of `length` elements. */
export function manualCountProblem(spec: InitializerSpec, length: number): string | null {
  if (spec.type !== 'manual' || spec.values.length === length) return null;
  return `has ${spec.values.length} manual values but needs ${length}`;
}

/**
 * Fills `out` (length = fanIn·fanOut for a kernel, or units for a bias) per `spec`, drawing
 * from `rng` (advances it; deterministic initializers draw nothing). Mutates `out`. Throws
 * when a manual list has the wrong length (compileGraph reports that earlier, per layer).
 */
export function initializeTensor(spec: InitializerSpec, out: Tensor, fanIn: number, fanOut: number, rng: Rng): void {
  const n = out.length;
  const variance = (scale: number, mode: 'fan_in' | 'fan_avg'): number =>
    scale / Math.max(1, mode === 'fan_in' ? fanIn : (fanIn + fanOut) / 2);
  const uniform = (limit: number): void => {
    for (let i = 0; i < n; i++) out[i] = (2 * rng.next() - 1) * limit;
  };
  const truncated = (v: number): void => {
    const stddev = Math.sqrt(v) / TRUNCATED_NORMAL_STD;
    for (let i = 0; i < n; i++) out[i] = truncatedNormal(rng, stddev);
  };
  switch (spec.type) {
    case 'glorot_uniform':
      return uniform(Math.sqrt(3 * variance(1, 'fan_avg')));
    case 'glorot_normal':
      return truncated(variance(1, 'fan_avg'));
    case 'he_uniform':
      return uniform(Math.sqrt(3 * variance(2, 'fan_in')));
    case 'he_normal':
      return truncated(variance(2, 'fan_in'));
    case 'lecun_uniform':
      return uniform(Math.sqrt(3 * variance(1, 'fan_in')));
    case 'lecun_normal':
      return truncated(variance(1, 'fan_in'));
    case 'random_normal':
      for (let i = 0; i < n; i++) out[i] = spec.mean + spec.std * rng.normal();
      return;
    case 'random_uniform':
      for (let i = 0; i < n; i++) out[i] = spec.min + (spec.max - spec.min) * rng.next();
      return;
    case 'zeros':
      out.fill(0);
      return;
    case 'ones':
      out.fill(1);
      return;
    case 'constant':
      out.fill(spec.value);
      return;
    case 'manual': {
      const problem = manualCountProblem(spec, n);
      if (problem) throw new Error(`Manual initializer ${problem}.`);
      for (let i = 0; i < n; i++) out[i] = spec.values[i];
      return;
    }
    default:
      assertNever(spec, 'initializer');
  }
}
