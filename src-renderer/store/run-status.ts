/**
 * The state of the training run the UI shows, and the pure rules by which trainer messages
 * change it. Messages about any other run than the current one are dropped: after Reset or
 * a new Train, late metrics of the old run must not reach the chart.
 */
import type { FromTrainer, RunState } from '../../src-engine/protocol/messages';
import type { MessageParams } from '../../src-engine/run-messages';
import { appendMetrics, createLossHistory, type LossHistory } from './loss-history';

/** 'starting': Train was pressed and the trainer has not answered yet. */
export type RunPhase = 'idle' | 'starting' | RunState;

export interface RunStatus {
  runId: string | null;
  state: RunPhase;
  step: number;
  epoch: number;
  epochs: number;
  stepsPerEpoch: number;
  samplesPerSecond: number;
  /**
   * Milliseconds spent running before `runningSince`: the trainer's own count (`elapsedMs`
   * of its last 'status' or 'done'), or measured here from state changes for a trainer that
   * does not send it.
   */
  activeMs: number;
  /** Since when (store clock) the run has been running beyond `activeMs`, or null when not running. */
  runningSince: number | null;
  doneReason: 'completed' | 'stopped' | 'diverged' | null;
  /** The held-out test split's result, sent with 'done' (null without a test split). */
  test: { samples: number; loss: number; accuracy: number | null } | null;
}

export const IDLE_RUN: RunStatus = {
  runId: null,
  state: 'idle',
  step: 0,
  epoch: 0,
  epochs: 0,
  stepsPerEpoch: 0,
  samplesPerSecond: 0,
  activeMs: 0,
  runningSince: null,
  doneReason: null,
  test: null,
};

/** A message for the user: from the trainer, the bridge or a file operation. */
export interface Notice {
  id: number;
  level: 'error' | 'info';
  code: string;
  message: string;
  /** The graph node the notice is about, if any. */
  nodeId: string | null;
  /** The trainer's message template and its params, to show it in the UI's language (see i18n/run-message-text.ts). */
  key?: string;
  params?: MessageParams;
  /** A UI string (i18n key and values) the message was made from, so it follows a language switch. */
  ui?: { key: string; params?: Record<string, string | number> };
}

/** The part of the store trainer messages change. */
export interface TrainerView {
  run: RunStatus;
  history: LossHistory;
  trainerHost: string | null;
}

/** Whether a message belongs to the current run (or to no run at all). */
export function isForCurrentRun(currentRunId: string | null, msg: FromTrainer): boolean {
  switch (msg.type) {
    case 'ready':
    case 'pong':
      return true;
    case 'error':
      return msg.runId === null || msg.runId === currentRunId;
    default:
      return currentRunId !== null && msg.runId === currentRunId;
  }
}

/** Elapsed running time in milliseconds at `now`. */
export function elapsedMs(run: RunStatus, now: number): number {
  return run.activeMs + (run.runningSince === null ? 0 : Math.max(0, now - run.runningSince));
}

/** Moves `run` to `state`, keeping the running-time accounting right. */
export function withState(run: RunStatus, state: RunPhase, now: number): RunStatus {
  if (run.state === state) return run;
  const wasRunning = run.runningSince !== null;
  const isRunning = state === 'running';
  let { activeMs, runningSince } = run;
  if (wasRunning && !isRunning) {
    activeMs += Math.max(0, now - (runningSince as number));
    runningSince = null;
  } else if (!wasRunning && isRunning) {
    runningSince = now;
  }
  return { ...run, state, activeMs, runningSince };
}

/**
 * Takes the trainer's training time `trainerMs` (undefined: the trainer did not send one, keep
 * the time measured here) as of `now`. While running the clock goes on from there, so the
 * shown time ticks between messages.
 */
export function withTrainerElapsed(run: RunStatus, trainerMs: number | undefined, now: number): RunStatus {
  if (trainerMs === undefined) return run;
  return { ...run, activeMs: trainerMs, runningSince: run.state === 'running' ? now : null };
}

/** A fresh run in the 'starting' phase. */
export function startingRun(runId: string): RunStatus {
  return { ...IDLE_RUN, runId, state: 'starting' };
}

/**
 * Applies a trainer message to the view. Returns null when the message is dropped (stale
 * run), so callers can skip the store update. Notices to show are returned separately.
 */
export function applyTrainerMessage(
  view: TrainerView,
  msg: FromTrainer,
  now: number,
): { view: TrainerView; notice: Omit<Notice, 'id'> | null } | null {
  if (!isForCurrentRun(view.run.runId, msg)) return null;
  switch (msg.type) {
    case 'ready':
      return { view: { ...view, trainerHost: msg.host }, notice: null };
    // Snapshots are kept by the run slice; checkpoints, traces and gradient checks by their
    // own consumers. None changes the run's status.
    case 'pong':
    case 'snapshot':
    case 'checkpoint':
    case 'trace':
    case 'gradient-check':
    case 'model':
      return { view, notice: null };
    case 'status': {
      // A 'status' may arrive after 'done' was handled (the host flushes before it sends
      // 'done'); a finished run stays finished.
      if (isFinished(view.run.state)) return { view, notice: null };
      const moved = withState(
        {
          ...view.run,
          step: msg.step,
          epoch: msg.epoch,
          epochs: msg.epochs,
          stepsPerEpoch: msg.stepsPerEpoch,
          samplesPerSecond: msg.samplesPerSecond,
        },
        msg.state,
        now,
      );
      const run = withTrainerElapsed(moved, msg.elapsedMs, now);
      return { view: { ...view, run }, notice: null };
    }
    case 'metrics':
      return { view: { ...view, history: appendMetrics(view.history, msg.steps, msg.epochs) }, notice: null };
    case 'done': {
      const state: RunPhase = msg.reason === 'completed' ? 'done' : msg.reason === 'stopped' ? 'stopped' : 'failed';
      const moved = withState({ ...view.run, step: msg.step, epoch: msg.epoch, doneReason: msg.reason, test: msg.test }, state, now);
      const run = withTrainerElapsed(moved, msg.elapsedMs, now);
      return { view: { ...view, run }, notice: null };
    }
    case 'error': {
      let run = view.run;
      // A refused start ends the run before it began.
      if (msg.runId !== null && (msg.code === 'invalid-project' || run.state === 'starting')) {
        run = withState(run, 'failed', now);
      }
      return {
        view: { ...view, run },
        notice: { level: 'error', code: msg.code, message: msg.message, nodeId: msg.nodeId, ...(msg.key !== undefined && { key: msg.key, params: msg.params ?? {} }) },
      };
    }
    default:
      return assertNeverMessage(msg);
  }
}

function isFinished(state: RunPhase): boolean {
  return state === 'done' || state === 'stopped' || state === 'failed';
}

function assertNeverMessage(x: never): never {
  throw new Error(`Unhandled trainer message: ${JSON.stringify(x)}`);
}

/** A view with no run and an empty history (keeps the trainer host name). */
export function resetView(view: TrainerView): TrainerView {
  return { ...view, run: IDLE_RUN, history: createLossHistory() };
}
