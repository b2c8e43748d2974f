/** The class a classifier's output predicts, shared by accuracy and the confusion matrix. */
import type { Tensor } from './tensor';

/**
 * The predicted class of row `r` of `out` `[rows][units]`: with one (sigmoid) output,
 * ŷ > 0.5 means class 1; with several, the argmax (the first one on ties).
 */
export function predictedClass(out: ArrayLike<number>, r: number, units: number): number {
  if (units === 1) return out[r] > 0.5 ? 1 : 0;
  let best = 0;
  for (let j = 1; j < units; j++) if (out[r * units + j] > out[r * units + best]) best = j;
  return best;
}

/** Correct predictions in a chunk of `rows` outputs whose labels start at `labels[start]`. */
export function countCorrect(out: Tensor, labels: Int32Array, start: number, rows: number, units: number): number {
  let correct = 0;
  for (let r = 0; r < rows; r++) if (predictedClass(out, r, units) === labels[start + r]) correct++;
  return correct;
}
