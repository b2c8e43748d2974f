/** The LayerLab engine's public API. Pure, synchronous TypeScript on typed arrays. */
export type { Precision, Tensor } from './tensor';
export { createRng, deriveSeed, type Rng } from './rng';
export { loadDataset, datasetShape, type Dataset, type DataShape, type LoadDatasetResult } from './datasets';
export {
  compileGraph,
  type CompileResult,
  type CompiledLayer,
  type CompiledDense,
  type CompiledDropout,
  type CompiledActivation,
  type GraphProblem,
} from './compile';
export {
  createTrainingSession,
  restoreCheckpoint,
  type CreateSessionResult,
  type SessionOptions,
  type TrainingSession,
  type TrainStepResult,
} from './training-session';
export { checkpointSchema, parseCheckpoint, CHECKPOINT_FORMAT, CHECKPOINT_VERSION, type Checkpoint } from './checkpoint';
export type { InitialLayerWeights } from './initial-weights';
export type { OptimizerState } from './optimizers';
export type { RngState } from './rng';
export type { ScheduleState } from './schedules';
export * from './inspect';
export type { Divergence } from './divergence';
export type { GradientStats, Histogram, LayerHistograms } from './layer-metrics';
export { OPTIMIZER_FORMULAS } from './optimizers';
export { LearningRateSchedule } from './schedules';
export {
  exportModel,
  parseModel,
  predictFromModel,
  MODEL_FORMAT,
  MODEL_VERSION,
  type LayerlabModel,
  type ModelLayer,
} from './model-json';
export * from './data-import';
export { applyNormalization, fitNormalization, normalized, type FittedNormalization } from './normalization';
export { prepareTrainingData, fitProjectNormalization, type TrainingData } from './training-data';
export { splitCounts, splitDataset, stratifiedCounts, type DataPart, type SplitCounts, type SplitOptions } from './data-split';
