/** Which preview suits a data set: a scatter plot, a curve, image thumbnails or a table. */
import type { Dataset } from './dataset';

/** How the data dialog should show a data set. */
export type DatasetPreview =
  /** Two inputs: points at (x1, x2), coloured by class or by target value. */
  | { kind: 'scatter' }
  /** One input, one target: y against x. */
  | { kind: 'curve' }
  /** Square images: `side`² pixel inputs (row-major), intensities 0 … `max`. */
  | { kind: 'images'; side: number; max: number }
  /** Anything else: the first rows as a table. */
  | { kind: 'table' };

/**
 * Picks the preview for `ds`: images when the inputs are named p0, p1 … p(k²−1) with k ≥ 4
 * (the digits, also when imported from their CSV), a scatter plot for two inputs, a curve
 * for one input and one target, else a table. Reads the inputs only to find the image
 * intensity maximum.
 */
export function previewFor(ds: Dataset): DatasetPreview {
  const side = Math.round(Math.sqrt(ds.features));
  if (side >= 4 && side * side === ds.features && ds.featureNames.every((name, i) => name === `p${i}`)) {
    let max = 0;
    for (let i = 0; i < ds.x.length; i++) if (ds.x[i] > max) max = ds.x[i];
    return { kind: 'images', side, max: max > 0 ? max : 1 };
  }
  if (ds.features === 2) return { kind: 'scatter' };
  if (ds.features === 1 && ds.targets === 1) return { kind: 'curve' };
  return { kind: 'table' };
}
