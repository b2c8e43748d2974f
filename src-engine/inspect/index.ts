/**
 * Inspection tools for the classroom and live views: a written-out training step, a
 * gradient check, and per-sample, grid, unit-health and confusion views. All work on a
 * session's real network and leave its training state untouched (`traceStep` takes exactly
 * the step `trainStep` would).
 */
export { traceStep, TRACE_MAX_ROWS, TRACE_MAX_UNITS, type TraceOptions, type TraceResult } from './step-trace';
export type {
  BackwardSample,
  BackwardStage,
  ForwardSample,
  ForwardStage,
  GradientEntry,
  LossSample,
  LossStage,
  ParamUpdate,
  Product,
  StateValue,
  StepTrace,
  TraceLayerKind,
  TraceLayerRef,
  TraceStage,
  UpdateStage,
} from './step-trace-types';
export { OPTIMIZER_STATE_SYMBOLS } from './trace-update';
export { LOSS_FORMULAS } from './loss-formulas';
export { formatNumber } from './format';
export {
  checkGradient,
  GRADIENT_CHECK_EPSILON,
  GRADIENT_CHECK_TOLERANCE,
  type GradientCheckEntry,
  type GradientCheckOptions,
  type GradientCheckResult,
  type GradientTarget,
} from './gradient-check';
export { activationsFor, type LayerActivations, type SampleActivations, type SampleRef } from './activations-for';
export { boundaryGrid, type BoundaryGrid, type BoundaryGridOptions, type CurveGrid, type GridBounds, type PlaneGrid } from './boundary-grid';
export type { GridValues, LayerGrid } from './grid-eval';
export { pca2, projectOntoPca, type Pca2 } from './pca';
export { unitHealth, SATURATION_Z, type LayerHealth, type UnitHealthOptions } from './unit-health';
export { confusionMatrix, type ConfusionMatrix } from './confusion-matrix';
export { weightGradients, type LayerGradients } from './weight-gradients';
