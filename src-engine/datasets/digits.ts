/** The built-in 8×8 digits set: 64 pixel intensities → 10 digits, targets one-hot. */
import type { Dataset } from './dataset';
import { DIGITS_PACKED } from './digits-data';

/** Pixels per image (8 × 8, row-major: p0 … p7 is the top row). */
export const DIGITS_PIXELS = 64;
/** Image side in pixels. */
export const DIGITS_SIDE = 8;
/** Pixel names p0 … p63, in input order (intensity 0 … 16). */
export const DIGITS_FEATURES = Array.from({ length: DIGITS_PIXELS }, (_, i) => `p${i}`);
/** Class labels by index: the digits '0' … '9'. */
export const DIGITS_CLASSES = Array.from({ length: 10 }, (_, c) => String(c));

/**
 * Unpacks the embedded digits: x `[1797][64]` with intensities 0 … 16 (unscaled, as in the
 * CSV), y `[1797][10]` one-hot, labels = the digit. Rows keep the file's order. Allocates.
 */
export function loadDigits(): Dataset {
  const lines = DIGITS_PACKED.trim().split('\n');
  const n = lines.length;
  const x = new Float64Array(n * DIGITS_PIXELS);
  const y = new Float64Array(n * 10);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const line = lines[i];
    for (let j = 0; j < DIGITS_PIXELS; j++) x[i * DIGITS_PIXELS + j] = parseInt(line[j], 17);
    const digit = line.charCodeAt(DIGITS_PIXELS) - 48;
    labels[i] = digit;
    y[i * 10 + digit] = 1;
  }
  return {
    name: 'digits',
    task: 'classification',
    n,
    features: DIGITS_PIXELS,
    targets: 10,
    x,
    y,
    labels,
    classLabels: [...DIGITS_CLASSES],
    featureNames: [...DIGITS_FEATURES],
    targetNames: [...DIGITS_CLASSES],
  };
}
