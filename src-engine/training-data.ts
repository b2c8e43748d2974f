/**
 * The data a training run sees: the seeded train / validation / test split (stratified for
 * classification) and the input scaling fitted on the training split and applied to all
 * three. `createTrainingSession` prepares its data here, and a UI that writes model files
 * itself can call `fitProjectNormalization` to get the very same scaling without a session.
 */
import { splitDataset, type DataPart } from './data-split';
import type { Dataset } from './datasets/dataset';
import { applyNormalization, fitNormalization, type FittedNormalization } from './normalization';
import type { TrainingSettings } from './project';
import { createRng, deriveSeed } from './rng';

/** Sub-stream of the training seed that draws the split (see `deriveSeed`). */
export const SPLIT_STREAM = 2;

/** The three parts, their inputs already scaled, and the scaling (null for 'none'). */
export interface TrainingData {
  train: DataPart;
  val: DataPart;
  test: DataPart;
  normalization: FittedNormalization | null;
}

/**
 * Splits `ds` as `training` says (seeded by `training.seed`; classification stratified),
 * fits `training.normalization` on the training part and scales every part's inputs with
 * it. Targets are encoded for `outputs` units (see `splitDataset`). Allocates the parts.
 */
export function prepareTrainingData(ds: Dataset, training: TrainingSettings, outputs: number): TrainingData {
  const rng = createRng(deriveSeed(training.seed, SPLIT_STREAM));
  const options = { validationSplit: training.validationSplit, testSplit: training.testSplit, stratify: ds.task === 'classification' };
  const { train, val, test } = splitDataset(ds, options, outputs, rng);
  // Statistics of the training part only, so validation and test stay unseen.
  const normalization = fitNormalization(training.normalization.type, train.x, train.n, ds.features);
  for (const part of [train, val, test]) applyNormalization(normalization, part.x, part.n, ds.features, part.x);
  return { train, val, test, normalization };
}

/**
 * The scaling a session of this data and these settings fits (null for 'none'), without
 * building the network: what the exported model stores as `input.normalization`.
 */
export function fitProjectNormalization(ds: Dataset, training: TrainingSettings): FittedNormalization | null {
  if (training.normalization.type === 'none') return null;
  return prepareTrainingData(ds, training, Math.max(1, ds.targets)).normalization;
}
