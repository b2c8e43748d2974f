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
export { createTrainingSession, type TrainingSession, type TrainStepResult } from './training-session';
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
