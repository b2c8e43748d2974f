/** The training/validation split and the target encoding the network trains against. */
import type { Dataset } from './datasets/dataset';
import type { Rng } from './rng';

/** One part of the data: inputs `[n][features]`, targets `[n][outputs]`, labels `[n]` or null. */
export interface DataPart {
  n: number;
  x: Float64Array;
  y: Float64Array;
  labels: Int32Array | null;
}

/**
 * Samples held out for validation: ⌊n·validationSplit⌋, at least one sample stays for training.
 */
export function validationCount(n: number, validationSplit: number): number {
  return Math.min(Math.max(0, n - 1), Math.floor(n * validationSplit));
}

/**
 * Splits `ds` into training and validation parts. The validation samples are the first
 * `validationCount` of a permutation drawn from `rng` (advances it); both parts keep the
 * data set's original order, so with no validation and no shuffling the network sees the
 * samples exactly as listed. Targets are encoded for a network with `outputs` units:
 * regression as given, classification as the 0/1 label (1 unit) or one-hot (k units).
 * Allocates the parts.
 */
export function splitDataset(ds: Dataset, validationSplit: number, outputs: number, rng: Rng): { train: DataPart; val: DataPart } {
  const valSize = validationCount(ds.n, validationSplit);
  const isVal = new Uint8Array(ds.n);
  if (valSize > 0) {
    const perm = new Int32Array(ds.n);
    for (let i = 0; i < ds.n; i++) perm[i] = i;
    rng.shuffle(perm);
    for (let i = 0; i < valSize; i++) isVal[perm[i]] = 1;
  }
  const train: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < ds.n; i++) (isVal[i] ? val : train).push(i);
  return { train: gather(ds, train, outputs), val: gather(ds, val, outputs) };
}

function gather(ds: Dataset, indices: number[], outputs: number): DataPart {
  const n = indices.length;
  const f = ds.features;
  const x = new Float64Array(n * f);
  const y = new Float64Array(n * outputs);
  const labels = ds.labels ? new Int32Array(n) : null;
  for (let r = 0; r < n; r++) {
    const i = indices[r];
    x.set(ds.x.subarray(i * f, (i + 1) * f), r * f);
    if (ds.labels && labels) {
      const label = ds.labels[i];
      labels[r] = label;
      if (outputs === 1) y[r] = label;
      else if (label < outputs) y[r * outputs + label] = 1;
    } else {
      y.set(ds.y.subarray(i * ds.targets, i * ds.targets + Math.min(outputs, ds.targets)), r * outputs);
    }
  }
  return { n, x, y, labels };
}
