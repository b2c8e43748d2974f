/**
 * The shape of a step trace (classroom Step mode): one real training step written out as
 * stages, forward layer by layer, the loss, backward layer by layer, then each parameter's
 * update. Plain numbers and arrays only, so a trace crosses structured clone and JSON.
 *
 * Indexing: `layerIndex` is the layer's place in the chain after the input (0 = first
 * layer); weights are W[i][j] from input i to unit j (the notes' w_{i,j}); `samples[r]` is
 * row r of the batch. Every value is read from the engine's own buffers during the step;
 * the factor lists (`terms`) are those values regrouped, so a UI can print
 * "z = 0.3·1 + 0.2·1 = 0.5" without computing anything itself.
 */
import type { Divergence } from '../divergence';
import type { ActivationName, LossName, OptimizerSpec, OptimizerType, TrainingSettings } from '../project';
import type { EpochPoint } from '../protocol/messages';
import type { Precision } from '../tensor';

/** The two factors of one product, e.g. [w_ij, x_i] or [x_i, δ_j]. */
export type Product = [number, number];

/** The kinds of layer a chain has after the input. */
export type TraceLayerKind = 'dense' | 'activation' | 'dropout';

/** Which layer a stage is about. */
export interface TraceLayerRef {
  layerIndex: number;
  nodeId: string;
  /** The user's name for the layer (or its id). */
  name: string;
  layer: TraceLayerKind;
  /** The activation f of a dense or activation layer; null for dropout. */
  activation: ActivationName | null;
}

/** One sample's forward values in a layer. */
export interface ForwardSample {
  /** The layer's inputs x `[inputs]`. */
  x: number[];
  /** Pre-activations z `[units]` (dense: Σ w·x + b; activation layer: its input); null for dropout. */
  z: number[] | null;
  /** Outputs a `[units]` (a = f(z); dropout: x ⊙ mask). */
  a: number[];
  /** Dense only: `terms[j]` lists [w_ij, x_i] for every input i, so z_j = Σ_i w_ij·x_i + b_j. */
  terms: Product[][] | null;
  /** Dropout in training only: the mask `[units]` (0 or 1/(1 − p)). */
  mask: number[] | null;
}

/** Forward through one layer. */
export interface ForwardStage extends TraceLayerRef {
  kind: 'forward';
  /** Dense only: W `[inputs][units]` as used by this step (before the update). */
  weights: number[][] | null;
  /** Dense with bias only: b `[units]` before the update. */
  bias: number[] | null;
  samples: ForwardSample[];
}

/** One sample's contribution to the loss. */
export interface LossSample {
  targets: number[];
  /** The network's outputs ŷ. */
  predictions: number[];
  /** The output logits z when the loss is computed from them (cross-entropies); else null. */
  logits: number[] | null;
  /** Per output j, that output's term of this sample's loss (e.g. ½(y_j − ŷ_j)²). */
  terms: number[];
  /** This sample's loss E_i: the terms summed (half_sse, categorical cross-entropy) or averaged over the outputs (the others). */
  value: number;
}

/** The loss of the batch. */
export interface LossStage {
  kind: 'loss';
  /** The loss formula id; `LOSS_FORMULAS` (loss-formulas.ts) has each as LaTeX. */
  loss: LossName;
  /** How sample losses combine: E = Σ_i E_i ('sum', half_sse) or (1/rows)·Σ_i E_i ('mean'). */
  reduction: 'sum' | 'mean';
  samples: LossSample[];
  /** The data loss the engine computed for the batch. */
  dataLoss: number;
  /** The L1/L2 penalty added to it (0 without regularization). */
  penalty: number;
  /** dataLoss + penalty: the loss reported for this step. */
  total: number;
}

/** A gradient entry: its value as the engine computed it and the products it sums. */
export interface GradientEntry {
  value: number;
  /** One product per sample of the batch (e.g. [x_i, δ_j] for ∂E/∂w_ij, [w_ij, δ_j] summed over j for ∂E/∂x_i). */
  terms: Product[];
  /** The L1/L2 penalty's part of a weight gradient (l1·sign(w) + 2·l2·w); 0 elsewhere. */
  penalty: number;
}

/** One sample's backward values in a layer. */
export interface BackwardSample {
  /** ∂E/∂a for the layer's outputs; null for an output layer fused with its loss. */
  dEda: number[] | null;
  /** ∂a/∂z per unit (f′(z); dropout: the mask); null for softmax (a Jacobian) and fused outputs. */
  dadz: number[] | null;
  /** Dense only: δ = ∂E/∂z per unit (= dEda·dadz, or straight from the fused loss). */
  delta: number[] | null;
  /**
   * ∂E/∂x for the layer's inputs (the previous layer's dEda): dense Σ_j w_ij·δ_j with terms
   * [w_ij, δ_j]; activation/dropout the single product [dEda, dadz]. Null for the first layer,
   * whose input gradient is never needed.
   */
  dInput: GradientEntry[] | null;
}

/** Backward through one layer. */
export interface BackwardStage extends TraceLayerRef {
  kind: 'backward';
  /** True for an output layer whose loss starts from the logits (δ = ∂E/∂z directly). */
  fused: boolean;
  samples: BackwardSample[];
  /** Dense only: ∂E/∂W `[inputs][units]`, each with its products [x_i, δ_j] per sample. */
  dWeights: GradientEntry[][] | null;
  /** Dense with bias only: ∂E/∂b `[units]`, each with its products [1, δ_j] per sample. */
  dBias: GradientEntry[] | null;
}

/** A named optimizer value before and after the step, e.g. Adam's m. */
export interface StateValue {
  /** The optimizer's state key (torch's, camelCase), e.g. 'expAvg'. */
  name: string;
  /** The symbol in the optimizer's formula (LaTeX), e.g. 'm'. */
  symbol: string;
  before: number;
  after: number;
}

/** One parameter's update. */
export interface ParamUpdate {
  role: 'weights' | 'bias';
  /** Weights: W[row][col]; bias: row 0, col = unit. */
  row: number;
  col: number;
  old: number;
  /** The gradient the optimizer used (after clipping, when clipping is on). */
  grad: number;
  new: number;
  /** The optimizer's per-parameter state for this value (empty for plain SGD). */
  state: StateValue[];
}

/** The update of one dense layer's parameters. */
export interface UpdateStage extends TraceLayerRef {
  kind: 'update';
  optimizer: OptimizerType;
  /** The learning rate used by this step. */
  lr: number;
  /** False when the step diverged and no update was applied (then new = old). */
  applied: boolean;
  params: ParamUpdate[];
  /** Optimizer-wide values: the step count t and any scalar state. */
  scalars: StateValue[];
}

/** One stage of the walk-through, in display order. */
export type TraceStage = ForwardStage | LossStage | BackwardStage | UpdateStage;

/** A traced training step. */
export interface StepTrace {
  /** The step number (from 1) and the epoch it belongs to (from 1), as in its StepPoint. */
  step: number;
  epoch: number;
  precision: Precision;
  /** Samples in the batch and their indices in the training split. */
  rows: number;
  sampleIndices: number[];
  /** The optimizer in force, with its hyperparameters; `OPTIMIZER_FORMULAS[optimizer.type]` is its rule. */
  optimizer: OptimizerSpec;
  clip: TrainingSettings['clip']['type'];
  stages: TraceStage[];
  /** What the step reported: the loss, an epoch end if it completed one, a divergence. */
  loss: number;
  epochEnd: EpochPoint | null;
  divergence: Divergence | null;
}
