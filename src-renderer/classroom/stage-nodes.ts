/** Which graph nodes a Step-mode stage is about (for the canvas highlight). */
import type { StepTrace, TraceStage } from '../../src-engine/inspect/step-trace-types';

/** The node of the stage's layer; for the loss, the output layer's node. */
export function stageNodeIds(trace: StepTrace, stage: TraceStage): string[] {
  if (stage.kind !== 'loss') return [stage.nodeId];
  let last: { layerIndex: number; nodeId: string } | null = null;
  for (const s of trace.stages) if (s.kind === 'forward' && (!last || s.layerIndex > last.layerIndex)) last = s;
  return last ? [last.nodeId] : [];
}
