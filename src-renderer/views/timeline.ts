/**
 * Bounded records of a run for the live views, as pure functions: the gradient norm of
 * every layer over time, and the points the history slider can scrub back to. Both keep
 * the whole run at an even resolution in fixed memory: when full, every other point is
 * dropped and later points are taken half as often (the loss history does the same).
 *
 * Like the loss history, the arrays are appended in place and a new shell object with a
 * bumped `version` is returned, so zustand subscribers see a change without copying.
 */
import type { LayerSnapshot, SnapshotViews } from '../../src-engine/protocol/messages';

/** Points of gradient-norm history kept per layer before halving. */
export const MAX_GRADIENT_POINTS = 2000;

/** Points the history slider can return to, before halving. */
export const MAX_TIMELINE_POINTS = 60;

/** Per-layer gradient norms over the run; `norms[layer][point]` belongs to `steps[point]`. */
export interface GradientHistory {
  /** The dense layers' node ids, in network order (from the first snapshot). */
  layerIds: string[];
  steps: number[];
  norms: number[][];
  /** Only every `stride`-th offered point is kept. */
  stride: number;
  /** Points offered since the last one kept. */
  skipped: number;
  version: number;
}

export function createGradientHistory(): GradientHistory {
  return { layerIds: [], steps: [], norms: [], stride: 1, skipped: 0, version: 0 };
}

/**
 * Adds the gradient norms of `layers` at `step` (kept when the stride allows). A point at a
 * step not after the last one is ignored (a repeated snapshot of a paused run).
 */
export function appendGradients(history: GradientHistory, step: number, layers: readonly LayerSnapshot[]): GradientHistory {
  const last = history.steps.at(-1);
  if (last !== undefined && step <= last) return history;
  const h = { ...history };
  if (h.layerIds.length === 0) {
    h.layerIds = layers.map((l) => l.nodeId);
    h.norms = layers.map(() => []);
  }
  h.skipped++;
  if (h.skipped < h.stride) return h;
  h.skipped = 0;
  h.steps.push(step);
  h.layerIds.forEach((id, k) => h.norms[k].push(layers.find((l) => l.nodeId === id)?.gradNorm ?? NaN));
  if (h.steps.length >= MAX_GRADIENT_POINTS) {
    h.steps = keepEveryOther(h.steps);
    h.norms = h.norms.map(keepEveryOther);
    h.stride *= 2;
  }
  h.version++;
  return h;
}

/** Everything the views can show about one moment of the run. */
export interface TimelinePoint {
  step: number;
  layers: LayerSnapshot[];
  /** The newest views known at that moment (they may come from a slightly earlier snapshot). */
  views: SnapshotViews;
}

/** Recorded moments, oldest first; a new one is kept once `minGap` steps have passed. */
export interface Timeline {
  points: TimelinePoint[];
  minGap: number;
  version: number;
}

export function createTimeline(): Timeline {
  return { points: [], minGap: 1, version: 0 };
}

/**
 * Records `point` when it is at least `minGap` steps after the last one. When full, drops
 * every other point (the first and the newest stay) and doubles `minGap`. A point at the
 * same step as the last replaces it (a pause re-sends the weights with fresh views).
 */
export function appendTimeline(timeline: Timeline, point: TimelinePoint): Timeline {
  const last = timeline.points.at(-1);
  if (last && point.step === last.step) {
    const points = [...timeline.points.slice(0, -1), point];
    return { ...timeline, points, version: timeline.version + 1 };
  }
  if (last && point.step - last.step < timeline.minGap) return timeline;
  let points = [...timeline.points, point];
  let minGap = timeline.minGap;
  if (points.length > MAX_TIMELINE_POINTS) {
    points = keepEveryOther(points);
    minGap *= 2;
  }
  return { points, minGap, version: timeline.version + 1 };
}

/** The recorded point nearest to `step`, or null for an empty timeline. */
export function nearestPoint(timeline: Timeline, step: number): TimelinePoint | null {
  let best: TimelinePoint | null = null;
  for (const p of timeline.points) {
    if (!best || Math.abs(p.step - step) < Math.abs(best.step - step)) best = p;
  }
  return best;
}

/** Items 0, 2, 4, … and always the last one. */
function keepEveryOther<T>(items: readonly T[]): T[] {
  const out = items.filter((_, i) => i % 2 === 0);
  const last = items.at(-1);
  if (items.length % 2 === 0 && last !== undefined) out.push(last);
  return out;
}

/** A live change of hyperparameters, marked on the loss chart at the step it applies from. */
export interface HyperparameterMark {
  step: number;
  /** What changed, e.g. "lr 0.03 → 0.01" (already formatted; numbers read the same in every language). */
  label: string;
}

/** Marks kept per run; older ones fall off. */
export const MAX_MARKS = 100;
