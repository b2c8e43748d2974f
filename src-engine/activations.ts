/**
 * Activation functions f, applied element-wise to a `[rows][units]` matrix of
 * pre-activations z (softmax: per row). Each has its forward and its backward here, side by
 * side. Definitions follow PyTorch (torch.nn.functional) and Keras, which agree on all of
 * them: Leaky ReLU f(z) = z for z > 0 else αz; ELU f(z) = z for z > 0 else α(eᶻ − 1);
 * softplus log(1 + eᶻ); GELU the exact form z·Φ(z) (not the tanh approximation); swish
 * (SiLU) z·σ(z).
 */
import type { ActivationName } from './project';
import { assertNever, type Tensor } from './tensor';

/** Numerically stable logistic σ(z) = 1/(1 + e^(−z)), never evaluating e^(large). */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + eᶻ) without overflow: max(z, 0) + log1p(e^(−|z|)). */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const ONE_OVER_SQRT_PI = 0.5641895835477563;
const SQRT_HALF = 0.7071067811865476;
const ONE_OVER_SQRT_2PI = 0.3989422804014327;

/**
 * erfc(x) for x ≥ 0 to about 1e-15 relative. Below 3: 1 − erf with the all-positive series
 * erf(x) = 2/√π·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3·…·(2n+1)) (no cancellation). From 3 on: the
 * continued fraction erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3/2/(x + …)))).
 */
function erfcNonNegative(x: number): number {
  if (x < 3) {
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
  }
  let f = x;
  for (let k = 80; k >= 1; k--) f = x + k / 2 / f;
  return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / f;
}

/** The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt (JavaScript has no Math.erf). */
export function erf(x: number): number {
  return x >= 0 ? 1 - erfcNonNegative(x) : erfcNonNegative(-x) - 1;
}

/** Φ(z), the standard normal CDF, accurate in both tails. */
export function normalCdf(z: number): number {
  return z >= 0 ? 1 - 0.5 * erfcNonNegative(z * SQRT_HALF) : 0.5 * erfcNonNegative(-z * SQRT_HALF);
}

/**
 * a = f(z) for a `[rows][units]` matrix. `alpha` is used by leaky_relu and elu only.
 * Writes into `a` (may not alias `z` for softmax); allocates nothing.
 */
export function activationForward(
  name: ActivationName,
  z: ArrayLike<number>,
  a: Tensor,
  rows: number,
  units: number,
  alpha: number,
): void {
  const n = rows * units;
  switch (name) {
    case 'linear':
      for (let i = 0; i < n; i++) a[i] = z[i];
      return;
    case 'sigmoid':
      // `sigmoid` written out: a call per element cost more than its arithmetic (bench W4).
      for (let i = 0; i < n; i++) {
        const v = z[i];
        if (v >= 0) {
          a[i] = 1 / (1 + Math.exp(-v));
        } else {
          const e = Math.exp(v);
          a[i] = e / (1 + e);
        }
      }
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) a[i] = Math.tanh(z[i]);
      return;
    case 'relu':
      for (let i = 0; i < n; i++) a[i] = z[i] > 0 ? z[i] : 0;
      return;
    case 'leaky_relu':
      for (let i = 0; i < n; i++) a[i] = z[i] > 0 ? z[i] : alpha * z[i];
      return;
    case 'elu':
      for (let i = 0; i < n; i++) a[i] = z[i] > 0 ? z[i] : alpha * Math.expm1(z[i]);
      return;
    case 'softplus':
      for (let i = 0; i < n; i++) a[i] = softplus(z[i]);
      return;
    case 'gelu':
      for (let i = 0; i < n; i++) a[i] = z[i] * normalCdf(z[i]);
      return;
    case 'swish':
      for (let i = 0; i < n; i++) a[i] = z[i] * sigmoid(z[i]);
      return;
    case 'softmax':
      for (let r = 0; r < rows; r++) {
        const o = r * units;
        // Subtract the row maximum so exp never overflows; the result is unchanged.
        let max = -Infinity;
        for (let j = 0; j < units; j++) if (z[o + j] > max) max = z[o + j];
        let sum = 0;
        for (let j = 0; j < units; j++) {
          const e = Math.exp(z[o + j] - max);
          a[o + j] = e;
          sum += e;
        }
        for (let j = 0; j < units; j++) a[o + j] = a[o + j] / sum;
      }
      return;
    default:
      assertNever(name, 'activation');
  }
}

/**
 * dZ = dA ⊙ f′(z) (softmax: the row Jacobian-vector product a_j(dA_j − Σ_k dA_k a_k)).
 * `z` and `a` are the forward's input and output, `dA` the gradient of the loss with respect
 * to `a`; all `[rows][units]`. Writes into `dZ` (which may alias `dA`); allocates nothing.
 */
export function activationBackward(
  name: ActivationName,
  z: ArrayLike<number>,
  a: ArrayLike<number>,
  dA: ArrayLike<number>,
  dZ: Tensor,
  rows: number,
  units: number,
  alpha: number,
): void {
  const n = rows * units;
  switch (name) {
    case 'linear':
      for (let i = 0; i < n; i++) dZ[i] = dA[i];
      return;
    case 'sigmoid': // σ′ = σ(1 − σ), the notes' ŷ(1 − ŷ)
      for (let i = 0; i < n; i++) dZ[i] = dA[i] * a[i] * (1 - a[i]);
      return;
    case 'tanh': // tanh′ = 1 − tanh²
      for (let i = 0; i < n; i++) dZ[i] = dA[i] * (1 - a[i] * a[i]);
      return;
    case 'relu': // f′(0) = 0, as PyTorch and TensorFlow
      for (let i = 0; i < n; i++) dZ[i] = z[i] > 0 ? dA[i] : 0;
      return;
    case 'leaky_relu':
      for (let i = 0; i < n; i++) dZ[i] = z[i] > 0 ? dA[i] : alpha * dA[i];
      return;
    case 'elu': // for z ≤ 0: f′ = αeᶻ = f(z) + α
      for (let i = 0; i < n; i++) dZ[i] = z[i] > 0 ? dA[i] : dA[i] * alpha * Math.exp(z[i]);
      return;
    case 'softplus': // softplus′ = σ
      for (let i = 0; i < n; i++) dZ[i] = dA[i] * sigmoid(z[i]);
      return;
    case 'gelu': // (zΦ(z))′ = Φ(z) + zφ(z)
      for (let i = 0; i < n; i++) {
        const x = z[i];
        dZ[i] = dA[i] * (normalCdf(x) + x * ONE_OVER_SQRT_2PI * Math.exp(-0.5 * x * x));
      }
      return;
    case 'swish': // (zσ)′ = σ + zσ(1 − σ)
      for (let i = 0; i < n; i++) {
        const s = sigmoid(z[i]);
        dZ[i] = dA[i] * (s + z[i] * s * (1 - s));
      }
      return;
    case 'softmax':
      for (let r = 0; r < rows; r++) {
        const o = r * units;
        let dot = 0;
        for (let j = 0; j < units; j++) dot += dA[o + j] * a[o + j];
        for (let j = 0; j < units; j++) dZ[o + j] = a[o + j] * (dA[o + j] - dot);
      }
      return;
    default:
      assertNever(name, 'activation');
  }
}
