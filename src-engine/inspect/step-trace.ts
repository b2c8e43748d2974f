/**
 * Classroom Step mode: `traceStep` takes one real training step (the session's own
 * `trainStep`, with an observer) and writes out every number of it, forward, loss,
 * backward and update, as a `StepTrace` (step-trace-types.ts). Nothing is recomputed in
 * parallel: values are copied from the engine's buffers during the step, so afterwards the
 * session is exactly where an untraced step would have left it.
 */
import type { Dataset } from '../datasets';
import { lossTakesLogits } from '../losses';
import type { Project } from '../project';
import { runMessage, type MessageParams, type RunMessageKey } from '../run-messages';
import { sessionCore, type SessionCore } from '../session-core';
import { createTrainingSession, type TrainingSession } from '../training-session';
import type { StepTrace, TraceStage } from './step-trace-types';
import { backwardStages } from './trace-backward';
import { forwardStages, lossStage } from './trace-forward';
import { captureBeforeUpdate, updateStages, type BeforeUpdate } from './trace-update';

/** Limits that keep a trace readable; a bigger network or batch is refused, not truncated. */
export interface TraceOptions {
  /** Most units (and input features) a layer may have; default 10. */
  maxUnits?: number;
  /** Most samples a batch may have; default 16. */
  maxRows?: number;
  /** For a project with a file-backed data set: the loaded data (see `SessionOptions.dataset`). */
  dataset?: Dataset;
}

/** Default of `TraceOptions.maxUnits`, the "small enough to show" of the classroom issue. */
export const TRACE_MAX_UNITS = 10;
/** Default of `TraceOptions.maxRows`. */
export const TRACE_MAX_ROWS = 16;

/** A trace and the session it stepped, or why nothing was traced (no step was taken then). */
/** A refusal's `key`/`params` (run-messages.ts) are absent when the session could not be made. */
export type TraceResult =
  | { ok: true; trace: StepTrace; session: TrainingSession }
  | { ok: false; error: string; nodeId: string | null; key?: RunMessageKey; params?: MessageParams };

type SizeProblem = { error: string; nodeId: string | null; key: RunMessageKey; params: MessageParams };

function refusal(nodeId: string | null, key: RunMessageKey, params: MessageParams): SizeProblem {
  const { message, ...rest } = runMessage(key, params);
  return { error: message, nodeId, ...rest };
}

/** Refuses networks and batches too big to show; null when the step can be traced. */
function sizeProblem(core: SessionCore, maxUnits: number, maxRows: number): SizeProblem | null {
  const net = core.network;
  if (net.features > maxUnits) return refusal(null, 'trace-too-many-features', { max: maxUnits, features: net.features });
  for (const layer of net.layers) {
    if (layer.units > maxUnits) {
      const name = core.names.get(layer.nodeId) ?? layer.nodeId;
      return refusal(layer.nodeId, 'trace-too-many-units', { max: maxUnits, layer: name, units: layer.units });
    }
  }
  const rows = core.nextBatch().length;
  if (rows > maxRows) return refusal(null, 'trace-batch-too-large', { max: maxRows, rows });
  return null;
}

/**
 * Takes one training step of `target` and returns it written out. Given a project, starts
 * a new session of it first (so the trace is its step 1) and returns that session too.
 * Mutates the session exactly as `trainStep` does. Never throws for a user's project; a
 * network or batch larger than `options` allows is refused without stepping.
 */
export function traceStep(target: TrainingSession | Project, options: TraceOptions = {}): TraceResult {
  let session: TrainingSession;
  if ('graph' in target) {
    const created = createTrainingSession(target, { dataset: options.dataset });
    if (!created.ok) return created;
    session = created.session;
  } else {
    session = target;
  }
  const core = sessionCore(session);
  const problem = sizeProblem(core, options.maxUnits ?? TRACE_MAX_UNITS, options.maxRows ?? TRACE_MAX_ROWS);
  if (problem) return { ok: false, ...problem };

  const optimizer = { ...core.optimizer.options };
  const fused = lossTakesLogits(core.project.training.loss);
  const stages: TraceStage[] = [];
  let rows = 0;
  let sampleIndices: number[] = [];
  let before: BeforeUpdate | null = null;
  const result = core.trainStep({
    afterBackward(backward) {
      rows = backward.rows;
      sampleIndices = Array.from(backward.sampleIndices);
      stages.push(...forwardStages(core, backward.rows));
      stages.push(lossStage(core, backward.rows, backward.dataLoss, backward.penalty));
      stages.push(...backwardStages(core, backward.rows, fused));
      before = captureBeforeUpdate(core, backward.lr);
    },
    afterUpdate(applied) {
      if (before) stages.push(...updateStages(core, before, applied));
    },
  });
  const trace: StepTrace = {
    step: result.point.step,
    epoch: result.point.epoch,
    precision: core.network.precision,
    rows,
    sampleIndices,
    optimizer,
    clip: core.project.training.clip.type,
    stages,
    loss: result.point.loss,
    epochEnd: result.epochEnd,
    divergence: result.divergence,
  };
  return { ok: true, trace, session };
}
