/**
 * Turns the loss history into uPlot's aligned data: one x array (steps) and one y array per
 * series, with null where a series has no point at that step.
 */
import type { AlignedData } from 'uplot';
import { decimate, type LossHistory } from '../store/loss-history';

/** [steps, per-step training loss, epoch training loss, epoch validation loss]. */
export function buildChartData(history: LossHistory, maxPoints: number, positiveOnly = false): AlignedData {
  const steps = decimate(history.stepX, history.stepY, maxPoints);
  const every = Math.max(1, Math.ceil(history.epochs.length / maxPoints));
  const epochs = history.epochs.filter((_, i) => i % every === 0 || i === history.epochs.length - 1);
  // On a log scale a zero or negative loss cannot be drawn; leave a gap instead.
  const y = (v: number | null): number | null => (v === null || !Number.isFinite(v) || (positiveOnly && v <= 0) ? null : v);

  const xs: number[] = [];
  const stepLoss: (number | null)[] = [];
  const trainLoss: (number | null)[] = [];
  const valLoss: (number | null)[] = [];
  let i = 0;
  let j = 0;
  while (i < steps.x.length || j < epochs.length) {
    const sx = i < steps.x.length ? steps.x[i] : Infinity;
    const ex = j < epochs.length ? epochs[j].step : Infinity;
    const x = Math.min(sx, ex);
    xs.push(x);
    stepLoss.push(sx === x ? y(steps.y[i++]) : null);
    if (ex === x) {
      trainLoss.push(y(epochs[j].trainLoss));
      valLoss.push(y(epochs[j].valLoss));
      j++;
    } else {
      trainLoss.push(null);
      valLoss.push(null);
    }
  }
  return [xs, stepLoss, trainLoss, valLoss];
}
