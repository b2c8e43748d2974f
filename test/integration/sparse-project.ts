/**
 * Test helper: a W3-like float32 project whose two hidden layers are big enough for the kernel
 * helper thread to split their calls (src-engine/layers/wasm-dense.ts, MIN_SPLIT_MACS).
 */
import { createRng } from '../../src-engine/rng';
import type { Project } from '../../src-engine/project';
import { chainProject } from '../engine/helpers/projects';

export const FEATURES = 300;
export const H1 = 96;
export const H2 = 64;
/** Not a divisor of the 480 training rows, and not a multiple of 8: the last batch has 12 rows. */
export const BATCH = 52;

/** A W3-like task: sparse "pixels" (about 80% exact zeros), 4 classes, 600 samples. */
export function sparseProject(): Project {
  const rng = createRng(11);
  const x: number[][] = [];
  const y: number[][] = [];
  for (let n = 0; n < 600; n++) {
    const label = n % 4;
    x.push(Array.from({ length: FEATURES }, (_, i) => (Math.floor(i / 75) === label ? rng.next() < 0.7 : rng.next() < 0.05) ? rng.next() : 0));
    y.push(Array.from({ length: 4 }, (_, j) => (j === label ? 1 : 0)));
  }
  const dataset = {
    type: 'inline',
    name: 'sparse',
    task: 'classification',
    featureNames: Array.from({ length: FEATURES }, (_, i) => `p${i}`),
    targetNames: ['c0', 'c1', 'c2', 'c3'],
    classLabels: ['c0', 'c1', 'c2', 'c3'],
    x,
    y,
  };
  return chainProject(
    [
      { id: 'h1', type: 'dense', data: { units: H1, activation: 'relu' } },
      { id: 'h2', type: 'dense', data: { units: H2, activation: 'relu' } },
      { id: 'out', type: 'output', data: { units: 4, activation: 'softmax' } },
    ],
    dataset,
    { loss: 'categorical_crossentropy', optimizer: { type: 'adam', lr: 0.003 }, batchSize: BATCH, epochs: 40, shuffle: true, validationSplit: 0.2, precision: 'float32' },
  );
}
