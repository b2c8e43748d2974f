/**
 * The trainer host's bookkeeping: what a connection holds (its port, views and current run)
 * and the state of one run, with its training clock. Plain data and small functions; the
 * run loop (trainer-loop.ts) and the reports (trainer-reports.ts) work on these.
 *
 * No Node or Electron imports here: the Web Worker bundle includes this file.
 */
import type { TrainingSession } from '../src-engine/training-session';
import type { Project } from '../src-engine/project';
import type { EpochPoint, RunState, Views } from '../src-engine/protocol/messages';
import type { Port } from './port';
import { StepLog } from './trainer-step-log';

/** What the host needs from its environment; each entry point supplies its own. */
export interface HostEnvironment {
  /** Shown in the `ready` message: 'utility-process', 'web-worker', 'node-child'. */
  hostName: string;
  /** Milliseconds from any fixed origin. */
  now(): number;
  /** Runs `fn` after pending messages have been delivered (setImmediate, MessageChannel). */
  defer(fn: () => void): void;
  /** Runs `fn` after `ms` milliseconds; returns a cancel function. */
  setTimer(fn: () => void, ms: number): () => void;
}

/** One attached port: where replies go, which live views it shows, and its current run. */
export interface Connection {
  env: HostEnvironment;
  port: Port;
  views: Views;
  /** The run this port started last (kept after it ends, until the next `start`). */
  run: Run | null;
}

export interface Run {
  id: string;
  port: Port;
  session: TrainingSession;
  project: Project;
  state: RunState;
  /** Steps still to take while paused (from `step` messages). */
  pendingSteps: number;
  /** Epoch at which a pending 'epoch' step stops; -1 when none. */
  stopAtEpoch: number;
  stepsPerSecond: number;
  /** Paced runs: when the current pace started, and the steps taken since. */
  paceOrigin: number;
  paceSteps: number;
  /** Step points not yet sent in a 'metrics' message. */
  stepLog: StepLog;
  epochBuffer: EpochPoint[];
  lastFlush: number;
  lastSnapshot: number;
  /** Sequence number of the last snapshot sent, and of the last one acknowledged. */
  snapshotSeq: number;
  snapshotAcked: number;
  samplesSinceFlush: number;
  samplesPerSecond: number;
  pumping: boolean;
  /** Full-speed bursts read the clock once every this many steps (see `pump` in trainer-loop.ts). */
  clockStride: number;
  cancelTimer: (() => void) | null;
  lastViews: number;
  /** Milliseconds between automatic checkpoints while running; 0 for none. */
  checkpointEveryMs: number;
  lastCheckpoint: number;
  /** Training time (ms, host clock) up to `clockSince`: see `elapsedMs` of the 'status' message. */
  activeMs: number;
  /** When the training clock last started, or null while it is stopped (paused, finished). */
  clockSince: number | null;
}

/** Run options a `start` message gives. */
export interface RunStart {
  id: string;
  port: Port;
  session: TrainingSession;
  project: Project;
  paused: boolean;
  stepsPerSecond: number;
  checkpointEverySeconds: number;
}

/** A new run at host time `now`, running or paused, with nothing sent yet. */
export function createRun(start: RunStart, now: number): Run {
  const state: RunState = start.paused ? 'paused' : 'running';
  return {
    id: start.id,
    port: start.port,
    session: start.session,
    project: start.project,
    state,
    pendingSteps: 0,
    stopAtEpoch: -1,
    stepsPerSecond: start.stepsPerSecond,
    paceOrigin: now,
    paceSteps: 0,
    stepLog: new StepLog(),
    epochBuffer: [],
    lastFlush: now,
    lastSnapshot: -Infinity,
    snapshotSeq: 0,
    snapshotAcked: 0,
    samplesSinceFlush: 0,
    samplesPerSecond: 0,
    pumping: false,
    clockStride: 1,
    cancelTimer: null,
    lastViews: -Infinity,
    checkpointEveryMs: start.checkpointEverySeconds * 1000,
    lastCheckpoint: now,
    activeMs: 0,
    clockSince: state === 'running' ? now : null,
  };
}

/** Starts `r`'s training clock at `now` (no-op when it runs). */
export function startClock(r: Run, now: number): void {
  if (r.clockSince === null) r.clockSince = now;
}

/** Stops `r`'s training clock at `now`, adding the time since it started (no-op when stopped). */
export function stopClock(r: Run, now: number): void {
  if (r.clockSince === null) return;
  r.activeMs += Math.max(0, now - r.clockSince);
  r.clockSince = null;
}

/** Moves `r` to `state` at `now`; the training clock runs exactly while the state is 'running'. */
export function setRunState(r: Run, state: RunState, now: number): void {
  if (state === 'running') startClock(r, now);
  else stopClock(r, now);
  r.state = state;
}

/** `r`'s training time in ms at `now`, pauses excluded. */
export function runElapsedMs(r: Run, now: number): number {
  return r.activeMs + (r.clockSince === null ? 0 : Math.max(0, now - r.clockSince));
}

/** Cancels `r`'s pacing timer, if one is set. */
export function cancelRunTimer(r: Run): void {
  r.cancelTimer?.();
  r.cancelTimer = null;
}

/** Whether `r` is `c`'s current run and still running or paused. */
export function isActive(c: Connection, r: Run): boolean {
  return c.run === r && (r.state === 'running' || r.state === 'paused');
}
