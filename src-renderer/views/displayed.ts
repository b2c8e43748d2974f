/**
 * What the views draw: the live snapshot, or (while the history slider is held back) the
 * recorded moment nearest to the chosen step. Components select `live`, `timeline` and
 * `scrubStep` from the store and call `displayedFrom` in their draw function.
 */
import type { LayerSnapshot, SnapshotViews } from '../../src-engine/protocol/messages';
import type { AppState } from '../store/types';
import type { LiveViews } from '../store/views-slice';
import { nearestPoint, type Timeline } from './timeline';

export interface Displayed {
  step: number;
  layers: LayerSnapshot[];
  views: SnapshotViews;
  /** The snapshot before, for the change of each weight per step (live only). */
  previous: LiveViews['previous'];
  /** True when this is a recorded moment, not the live one. */
  scrubbed: boolean;
}

/** The three store values every view depends on (stable references; compare with ===). */
export const selectShown = (s: AppState) => [s.live, s.timeline, s.scrubStep] as const;

export function displayedFrom(live: LiveViews | null, timeline: Timeline, scrubStep: number | null): Displayed | null {
  if (scrubStep !== null) {
    const point = nearestPoint(timeline, scrubStep);
    if (point) return { step: point.step, layers: point.layers, views: point.views, previous: null, scrubbed: true };
  }
  if (!live) return null;
  return { step: live.step, layers: live.layers, views: live.views, previous: live.previous, scrubbed: false };
}
