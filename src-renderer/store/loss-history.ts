/**
 * The loss history of the current run: one point per optimizer step and one per epoch.
 * Streamed metrics never enter undo history.
 *
 * Long runs are decimated as they arrive so memory stays bounded: once MAX_STEP_POINTS
 * points are kept, neighbours are averaged in pairs and later steps are averaged in groups
 * of `stride` (so the history always spans the whole run at an even resolution).
 *
 * The arrays are appended in place and `version` is bumped: copying tens of thousands of
 * points for each metrics message (20 per second) would only make garbage. Readers (the
 * chart) watch `version`; a new run gets a fresh object from `createLossHistory`.
 */
import type { EpochPoint, StepColumns } from '../../src-engine/protocol/messages';

export const MAX_STEP_POINTS = 20_000;

export interface LossHistory {
  /** Step index of each kept point (the last step of its group). */
  stepX: number[];
  /** Mean training loss of the `stride` steps a point stands for (per-batch loss). */
  stepY: number[];
  /** How many steps each newly kept point averages. */
  stride: number;
  /** Sum and count of the group being accumulated. */
  pendingSum: number;
  pendingCount: number;
  epochs: EpochPoint[];
  /** Loss of the most recent step, or null before the first. */
  lastLoss: number | null;
  /** Steps received in total (before decimation). */
  received: number;
  version: number;
}

/** An empty history. */
export function createLossHistory(): LossHistory {
  return {
    stepX: [],
    stepY: [],
    stride: 1,
    pendingSum: 0,
    pendingCount: 0,
    epochs: [],
    lastLoss: null,
    received: 0,
    version: 0,
  };
}

/**
 * Appends step points (in columns, as a 'metrics' message carries them) and epoch points.
 * Mutates `history`'s arrays and returns a new shell object (with `version` + 1) so zustand
 * subscribers see a change. Non-finite losses are kept as `lastLoss` (the trainer reports
 * divergence separately) but not plotted.
 */
export function appendMetrics(history: LossHistory, steps: StepColumns, epochs: readonly EpochPoint[]): LossHistory {
  const h = { ...history };
  for (let i = 0; i < steps.step.length; i++) {
    const loss = steps.loss[i];
    h.received++;
    h.lastLoss = loss;
    if (!Number.isFinite(loss)) continue;
    h.pendingSum += loss;
    h.pendingCount++;
    if (h.pendingCount >= h.stride) {
      h.stepX.push(steps.step[i]);
      h.stepY.push(h.pendingSum / h.pendingCount);
      h.pendingSum = 0;
      h.pendingCount = 0;
      if (h.stepX.length >= MAX_STEP_POINTS) halve(h);
    }
  }
  for (const e of epochs) h.epochs.push(e);
  h.version++;
  return h;
}

/** Averages neighbouring points in pairs and doubles the stride. */
function halve(h: LossHistory): void {
  const n = Math.floor(h.stepX.length / 2);
  for (let i = 0; i < n; i++) {
    h.stepX[i] = h.stepX[2 * i + 1];
    h.stepY[i] = (h.stepY[2 * i] + h.stepY[2 * i + 1]) / 2;
  }
  h.stepX.length = n;
  h.stepY.length = n;
  h.stride *= 2;
}

/**
 * Reduces x/y to at most `maxPoints` by averaging equal-width buckets of points (the chart
 * draws at most about one point per pixel). Returns new arrays; the inputs are not changed.
 */
export function decimate(x: readonly number[], y: readonly number[], maxPoints: number): { x: number[]; y: number[] } {
  const n = Math.min(x.length, y.length);
  if (n <= maxPoints || maxPoints < 2) return { x: x.slice(0, n), y: y.slice(0, n) };
  const outX: number[] = [];
  const outY: number[] = [];
  const bucket = n / maxPoints;
  for (let b = 0; b < maxPoints; b++) {
    const start = Math.floor(b * bucket);
    const end = Math.min(n, Math.floor((b + 1) * bucket));
    if (end <= start) continue;
    let sum = 0;
    for (let i = start; i < end; i++) sum += y[i];
    outX.push(x[end - 1]);
    outY.push(sum / (end - start));
  }
  return { x: outX, y: outY };
}
