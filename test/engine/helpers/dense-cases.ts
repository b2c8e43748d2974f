/** Inputs for the dense kernel tests (TS and WebAssembly SIMD): shapes and seeded values. */
import { createRng } from '../../../src-engine/rng';

/** A dense product: `rows` samples of `inputs` features into `units` units. */
export type DenseShape = [rows: number, inputs: number, units: number];

/** Shapes that reach every path: blocks of four, row/column tails, odd units, one input, one row. */
export const DENSE_SHAPES: readonly DenseShape[] = [
  [1, 1, 1],
  [3, 5, 7],
  [4, 4, 2],
  [9, 6, 1],
  [13, 11, 5],
  [32, 16, 16],
  [10, 2, 8],
];

/**
 * `n` values in [−1, 1) from the seeded RNG, with a share `zeros` of exact zeros (a −0 now
 * and then), so the kernels' skip-zero paths are taken.
 */
export function randomValues(n: number, seed: number, zeros: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, (_, k) => {
    if (rng.next() < zeros) return k % 7 === 0 ? -0 : 0;
    return 2 * rng.next() - 1;
  });
}
