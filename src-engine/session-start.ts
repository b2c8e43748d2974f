/** Where a new session starts from, besides its initializers: a checkpoint or given weights. */
import { applyCheckpoint, type Checkpoint } from './checkpoint';
import { applyInitialWeights, type InitialLayerWeights } from './initial-weights';
import type { SessionCore } from './session-core';

/**
 * Puts a checkpoint's state, or given weights, into a freshly built session (at most one
 * of the two). Returns null on success, else why they do not fit (the caller then
 * discards the session).
 */
export function applyStart(core: SessionCore, start: { checkpoint?: Checkpoint; initialWeights?: readonly InitialLayerWeights[] }): { error: string; nodeId: string | null } | null {
  if (start.checkpoint && start.initialWeights) return { error: 'Give either a checkpoint or initial weights to start from, not both.', nodeId: null };
  if (start.checkpoint) return applyCheckpoint(core, start.checkpoint);
  if (start.initialWeights) return applyInitialWeights(core.network, start.initialWeights, core.names);
  return null;
}
