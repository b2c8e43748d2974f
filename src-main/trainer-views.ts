/**
 * The live views the trainer attaches to snapshots, computed with the engine's inspection
 * functions for the views the consumer has switched on. A view that cannot be computed for
 * this network (a boundary for a 5-input regression, say) is left out rather than failing
 * the run.
 */
import type { TrainingSession } from '../src-engine/training-session';
import { activationsFor } from '../src-engine/inspect/activations-for';
import { boundaryGrid } from '../src-engine/inspect/boundary-grid';
import { confusionMatrix } from '../src-engine/inspect/confusion-matrix';
import { unitHealth } from '../src-engine/inspect/unit-health';
import { weightGradients } from '../src-engine/inspect/weight-gradients';
import { MAX_GRADIENT_UNITS, type LayerSnapshot, type SnapshotViews, type Views } from '../src-engine/protocol/messages';

/** True when at least one view is switched on. */
export function anyViewOn(views: Views): boolean {
  return views.histograms || views.boundary || views.activationsSample !== null || views.unitHealth || views.confusion;
}

/** Computes the switched-on views of `session` now. */
export function computeViews(session: TrainingSession, views: Views): SnapshotViews {
  const out: SnapshotViews = {};
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch {
      // Left out: see the module comment.
    }
  };
  if (views.histograms) attempt(() => (out.histograms = session.histograms(views.histogramBins)));
  if (views.boundary) attempt(() => (out.boundary = boundaryGrid(session, { size: views.boundarySize })));
  if (views.activationsSample !== null) {
    const sample = Math.min(views.activationsSample, Math.max(0, session.trainSize - 1));
    attempt(() => (out.activations = activationsFor(session, sample)));
  }
  if (views.unitHealth) attempt(() => (out.unitHealth = unitHealth(session)));
  if (views.confusion) attempt(() => (out.confusion = confusionMatrix(session, session.valSize > 0 ? 'val' : 'train')));
  return out;
}

/**
 * Adds the last step's `dWeights` and `dBias` to the snapshot layers (from `session.snapshot()`)
 * of every layer with at most MAX_GRADIENT_UNITS units. Cheap enough for every snapshot: the
 * copies are as large as those layers' weights, and wide layers get none. Mutates `layers`.
 */
export function attachWeightGradients(session: TrainingSession, layers: LayerSnapshot[]): void {
  const gradients = weightGradients(session, MAX_GRADIENT_UNITS);
  layers.forEach((layer, k) => {
    const g = gradients[k];
    if (!g || g.nodeId !== layer.nodeId) return;
    layer.dWeights = g.dWeights;
    layer.dBias = g.dBias;
  });
}
