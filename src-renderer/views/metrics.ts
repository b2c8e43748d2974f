/**
 * Pure helpers of the loss and accuracy chart: smoothing (TensorBoard's debiased
 * exponential moving average), detecting overfitting (validation loss rising while
 * training loss falls), the accuracy series aligned with the chart's x values, and the
 * metric history as CSV.
 */
import type { EpochPoint } from '../../src-engine/protocol/messages';
import type { LossHistory } from '../store/loss-history';
import type { HyperparameterMark } from './timeline';

/** Smoothing weights offered (0: off). */
export const SMOOTHING_WEIGHTS = [0, 0.6, 0.9, 0.97] as const;

/**
 * Exponential moving average with TensorBoard's debiasing: s_t = w·s_{t−1} + (1−w)·v_t,
 * shown as s_t / (1 − w^n) after n values, so the first points are not pulled to 0. Nulls
 * and non-finite values are kept as null and skipped. Returns a new array.
 */
export function smooth(values: readonly (number | null)[], weight: number): (number | null)[] {
  if (!(weight > 0)) return values.slice();
  let acc = 0;
  let n = 0;
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return null;
    acc = weight * acc + (1 - weight) * v;
    n++;
    return acc / (1 - weight ** n);
  });
}

/**
 * Epochs (at least) the validation loss must have stayed above its best before overfitting
 * is called, as Keras's EarlyStopping waits out its `patience`…
 */
export const OVERFIT_PATIENCE = 10;
/** …or this share of the epochs so far, when more. */
export const OVERFIT_PATIENCE_SHARE = 0.2;
/** …and by at least this fraction above the best. */
export const OVERFIT_MARGIN = 0.1;
/** …and by at least this share of the fall from the highest to the lowest validation loss. */
export const OVERFIT_LEARNED_SHARE = 0.05;
/** Epochs averaged on each side against the noise of single epochs. */
const HALF_WINDOW = 2;

/** Where overfitting began: the epoch (and its last step) with the lowest validation loss. */
export interface Overfitting {
  epoch: number;
  step: number;
}

/** Mean of `values` over [i − HALF_WINDOW, i + HALF_WINDOW], clipped to the array. */
function windowMean(values: readonly number[], i: number): number {
  const lo = Math.max(0, i - HALF_WINDOW);
  const hi = Math.min(values.length - 1, i + HALF_WINDOW);
  let sum = 0;
  for (let k = lo; k <= hi; k++) sum += values[k];
  return sum / (hi - lo + 1);
}

/** Least-squares slope of `values` against their index. */
function slope(values: readonly number[]): number {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return den > 0 ? num / den : 0;
}

/**
 * Overfitting, or null: the validation loss (averaged over 5 epochs against noise) is now
 * well above its lowest (OVERFIT_MARGIN of it, and OVERFIT_LEARNED_SHARE of the fall
 * before it), that lowest was long enough ago (the patience), and over the patience the
 * validation loss trends up while the training loss trends down (an optimizer that merely
 * oscillates moves both the same way).
 */
export function detectOverfitting(epochs: readonly EpochPoint[]): Overfitting | null {
  const rows = epochs.filter((e) => e.valLoss !== null && Number.isFinite(e.valLoss) && Number.isFinite(e.trainLoss));
  const patience = Math.max(OVERFIT_PATIENCE, Math.ceil(rows.length * OVERFIT_PATIENCE_SHARE));
  if (rows.length < patience + 2) return null;
  const val = rows.map((e) => e.valLoss as number);
  const train = rows.map((e) => e.trainLoss);
  const smoothVal = val.map((_, i) => windowMean(val, i));
  let best = 0;
  for (let i = 1; i < smoothVal.length; i++) if (smoothVal[i] < smoothVal[best]) best = i;
  const last = rows.length - 1;
  if (last - best < patience) return null;
  // The rise must be large both against the best loss and against what training achieved so
  // far (a wobble of 0.01 near a loss of 0.03 is noise, not overfitting).
  const learned = Math.max(...smoothVal) - smoothVal[best];
  const rise = smoothVal[last] - smoothVal[best];
  if (!(rise > smoothVal[best] * OVERFIT_MARGIN && rise > learned * OVERFIT_LEARNED_SHARE)) return null;
  if (!(windowMean(train, last) < windowMean(train, best))) return null;
  const recent = rows.length - patience;
  if (!(slope(val.slice(recent)) > 0 && slope(train.slice(recent)) < 0)) return null;
  return { epoch: rows[best].epoch, step: rows[best].step };
}

/** Training and validation accuracy at each x (a step) that is an epoch's end; null elsewhere. */
export function accuracySeries(xs: readonly number[], epochs: readonly EpochPoint[]): { train: (number | null)[]; val: (number | null)[] } {
  const byStep = new Map(epochs.map((e) => [e.step, e]));
  return {
    train: xs.map((x) => byStep.get(x)?.trainAccuracy ?? null),
    val: xs.map((x) => byStep.get(x)?.valAccuracy ?? null),
  };
}

/** The metrics recorded at a step of the run: what the history slider shows beside the loss chart. */
export interface ValuesAtStep {
  step: number;
  /** The kept per-step loss point at or just before `step` (its step may be earlier after decimation); null before the first. */
  stepPoint: { step: number; loss: number } | null;
  /** The last epoch that ended at or before `step`; null before the first epoch's end. */
  epoch: EpochPoint | null;
}

/** The per-step loss and the last epoch's losses and accuracies as they stood at `step`. Allocates only the result. */
export function valuesAtStep(history: LossHistory, step: number): ValuesAtStep {
  // Binary search: stepX is increasing.
  let lo = 0;
  let hi = history.stepX.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (history.stepX[mid] <= step) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  let epoch: EpochPoint | null = null;
  for (const e of history.epochs) {
    if (e.step > step) break;
    epoch = e;
  }
  return { step, stepPoint: found >= 0 ? { step: history.stepX[found], loss: history.stepY[found] } : null, epoch };
}

function cell(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '' : String(v);
}

/**
 * The run's metric history as CSV: one row per kept step point and per epoch end, by
 * step; then the live hyperparameter changes as rows with a `change` column. Columns:
 * step, epoch, step_loss, train_loss, val_loss, train_accuracy, val_accuracy, change.
 */
export function metricsCsv(history: LossHistory, marks: readonly HyperparameterMark[]): string {
  const rows = new Map<number, { epoch?: number; stepLoss?: number; e?: EpochPoint; change?: string }>();
  const row = (step: number) => {
    let r = rows.get(step);
    if (!r) rows.set(step, (r = {}));
    return r;
  };
  history.stepX.forEach((step, i) => (row(step).stepLoss = history.stepY[i]));
  for (const e of history.epochs) row(e.step).e = e;
  for (const m of marks) {
    const r = row(m.step);
    r.change = r.change ? `${r.change}; ${m.label}` : m.label;
  }
  const lines = ['step,epoch,step_loss,train_loss,val_loss,train_accuracy,val_accuracy,change'];
  for (const step of [...rows.keys()].sort((a, b) => a - b)) {
    const r = rows.get(step);
    if (!r) continue;
    const change = r.change ? `"${r.change.replace(/"/g, '""')}"` : '';
    lines.push([step, r.e ? r.e.epoch : '', cell(r.stepLoss), cell(r.e?.trainLoss), cell(r.e?.valLoss), cell(r.e?.trainAccuracy), cell(r.e?.valAccuracy), change].join(','));
  }
  return `${lines.join('\n')}\n`;
}
