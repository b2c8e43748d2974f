/**
 * Input scaling fitted on the training split: x' = (x − offset) / scale per feature.
 * 'standardize' uses offset = mean and scale = standard deviation (population, ÷ n, as
 * scikit-learn's StandardScaler); 'minmax' uses offset = min and scale = max − min, mapping
 * the training range to [0, 1]. A feature that is constant on the training split gets
 * scale 1, so it becomes 0 instead of a division by zero. The fitted numbers travel in the
 * exported model (`input.normalization`), and session and model both scale through
 * `applyNormalization`, so their predictions on raw inputs agree bit for bit.
 */
import type { NormalizationType } from './project';
import { assertNever } from './tensor';

/** Fitted parameters, one per feature; JSON-ready (plain arrays). */
export interface FittedNormalization {
  type: Exclude<NormalizationType, 'none'>;
  offset: number[];
  /** Always > 0. */
  scale: number[];
}

/**
 * Fits `type` on `x` `[n][features]` (the training inputs). Returns null for 'none'. With
 * n = 0 every offset is 0 and every scale 1. Allocates the parameter arrays only.
 */
export function fitNormalization(type: NormalizationType, x: ArrayLike<number>, n: number, features: number): FittedNormalization | null {
  if (type === 'none') return null;
  const offset = new Array<number>(features).fill(0);
  const scale = new Array<number>(features).fill(1);
  for (let j = 0; j < features; j++) {
    if (n === 0) continue;
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i * features + j];
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
    switch (type) {
      case 'minmax':
        offset[j] = min;
        if (max > min) scale[j] = max - min;
        break;
      case 'standardize': {
        // Two passes (mean, then squared deviations) for accuracy; constant = min equals max,
        // tested exactly because the mean of equal values may differ from them in the last bit.
        const mean = sum / n;
        offset[j] = mean;
        if (max > min) {
          let sq = 0;
          for (let i = 0; i < n; i++) {
            const d = x[i * features + j] - mean;
            sq += d * d;
          }
          const std = Math.sqrt(sq / n);
          if (std > 0 && Number.isFinite(std)) scale[j] = std;
        }
        break;
      }
      default:
        assertNever(type, 'normalization');
    }
  }
  return { type, offset, scale };
}

/** Feature `j`'s value `v` scaled: (v − offset[j]) / scale[j]. The one formula session and model share. */
export function scaleValue(norm: Pick<FittedNormalization, 'offset' | 'scale'>, j: number, v: number): number {
  return (v - norm.offset[j]) / norm.scale[j];
}

/**
 * Writes the scaled `x` `[n][features]` into `out` (which may be `x` itself). With `norm`
 * null it copies. Throws when `norm` has another feature count.
 */
export function applyNormalization(norm: FittedNormalization | null, x: ArrayLike<number>, n: number, features: number, out: Float64Array): void {
  if (norm && (norm.offset.length !== features || norm.scale.length !== features)) {
    throw new Error(`The normalization has ${norm.offset.length} features but the data has ${features}.`);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < features; j++) {
      const k = i * features + j;
      out[k] = norm ? scaleValue(norm, j, x[k]) : x[k];
    }
  }
}

/** A scaled copy of `x` `[n][features]`. Allocates the result. */
export function normalized(norm: FittedNormalization | null, x: ArrayLike<number>, n: number, features: number): Float64Array {
  const out = new Float64Array(n * features);
  applyNormalization(norm, x, n, features, out);
  return out;
}
