/**
 * The comparison chart's data: one x axis (epochs 1 … the longest lane) and, per lane, its
 * training loss (and validation loss when shown), null where a lane has no point.
 */
import type { CompareLane } from '../store/classroom-slice';

export type CompareData = [number[], ...(number | null)[][]];

/** uPlot's aligned data for `lanes`; non-positive values become null on a log scale. */
export function buildCompareData(lanes: readonly CompareLane[], withValidation: boolean, log: boolean): CompareData {
  const length = lanes.reduce((m, l) => Math.max(m, l.epochs.length), 0);
  const x = Array.from({ length }, (_, i) => i + 1);
  const ok = (v: number | null) => (v === null || !Number.isFinite(v) || (log && v <= 0) ? null : v);
  const series: (number | null)[][] = [];
  for (const lane of lanes) {
    const train: (number | null)[] = new Array(length).fill(null);
    const val: (number | null)[] = new Array(length).fill(null);
    for (const e of lane.epochs) {
      if (e.epoch < 1 || e.epoch > length) continue;
      train[e.epoch - 1] = ok(e.train);
      val[e.epoch - 1] = ok(e.val);
    }
    series.push(train);
    if (withValidation) series.push(val);
  }
  return [x, ...series];
}
