/**
 * The trainer host's run loop: bursts of training steps that yield between slices so
 * messages are read, pacing for demonstrations (steps per second), Step while paused, and
 * the traced step of the classroom's Step mode.
 *
 * No Node or Electron imports here: the Web Worker bundle includes this file.
 */
import { traceStep } from '../src-engine/inspect/step-trace';
import { PROTOCOL_VERSION } from '../src-engine/protocol/messages';
import { finish, flush, send, sendCheckpoint, snapshotAllowed } from './trainer-reports';
import { cancelRunTimer, isActive, setRunState, startClock, stopClock, type Connection, type Run } from './trainer-run';

/** How long one burst of training runs before the host yields to read messages. */
export const SLICE_MS = 24;
/**
 * Scalar metrics are batched and flushed once at least this long has passed, checked at the end
 * of each slice: at full speed that is every third 24 ms slice (about 14 flushes a second;
 * `npm run bench` measured 15–17).
 */
export const METRICS_INTERVAL_MS = 50;
/**
 * Snapshots (weights, gradient statistics) go out with a flush, at most this often and one at a
 * time (the consumer acknowledges each): in practice with every flush, about 15 a second.
 */
export const SNAPSHOT_INTERVAL_MS = 33;
/**
 * Full-speed bursts read the clock about this many times a slice. A small network's step
 * takes ~15 µs and a clock read ~0.05 µs, so reading it after every step cost ~0.5% of the
 * throughput; reading it every `clockStride` steps (set from the last slice's step count)
 * lets a slice overrun by about 1/64 of its length while step times hold.
 */
export const CLOCK_READS_PER_SLICE = 64;

/** Takes one optimizer step; returns false when the run ended with it. */
function takeStep(c: Connection, r: Run): boolean {
  const result = r.session.trainStep();
  // A diverged step was not applied; its non-finite loss is reported in the error instead.
  if (!result.divergence) r.stepLog.push(result.point);
  r.samplesSinceFlush += r.session.batchSize;
  if (result.epochEnd) r.epochBuffer.push(result.epochEnd);
  if (result.divergence) {
    send(r.port, {
      v: PROTOCOL_VERSION,
      type: 'error',
      runId: r.id,
      code: 'diverged',
      message: result.divergence.message,
      nodeId: result.divergence.nodeId,
      key: result.divergence.key,
      params: result.divergence.params,
    });
    finish(c, r, 'diverged');
    return false;
  }
  if (r.session.epoch >= r.session.epochs) {
    finish(c, r, 'completed');
    return false;
  }
  return true;
}

/** Paced runs count owed steps from now on (after a pause, or at a new speed). */
export function restartPace(c: Connection, r: Run): void {
  r.paceOrigin = c.env.now();
  r.paceSteps = 0;
}

/** Pauses a running `r` where it is (its pacing timer cancelled); a paused run stays as it is. */
export function haltRun(c: Connection, r: Run): void {
  if (r.state !== 'running') return;
  setRunState(r, 'paused', c.env.now());
  cancelRunTimer(r);
}

/** One burst of work; reschedules itself while there is work to do. */
function pump(c: Connection, r: Run): void {
  const { env } = c;
  r.pumping = false;
  if (!isActive(c, r)) return;
  try {
    const sliceEnd = env.now() + SLICE_MS;
    if (r.state === 'running' && r.stepsPerSecond === 0) {
      let steps = 0;
      do {
        for (let i = r.clockStride; i > 0; i--) {
          if (!takeStep(c, r)) return;
        }
        steps += r.clockStride;
      } while (env.now() < sliceEnd);
      r.clockStride = Math.max(1, Math.floor(steps / CLOCK_READS_PER_SLICE));
    } else if (r.state === 'running') {
      // Take the steps owed since the pace started (timers fire late), at most a slice's worth.
      const owed = Math.floor(((env.now() - r.paceOrigin) * r.stepsPerSecond) / 1000) - r.paceSteps;
      for (let i = 0; i < Math.max(1, owed); i++) {
        r.paceSteps++;
        if (!takeStep(c, r)) return;
        if (env.now() >= sliceEnd) break;
      }
    } else if (r.pendingSteps > 0 || r.stopAtEpoch >= 0) {
      // Step while paused: the burst counts as training time (from the slice's start).
      startClock(r, sliceEnd - SLICE_MS);
      while (r.pendingSteps > 0 || r.stopAtEpoch >= 0) {
        if (r.stopAtEpoch >= 0 && r.session.epoch >= r.stopAtEpoch) {
          r.stopAtEpoch = -1;
          break;
        }
        if (r.pendingSteps > 0) r.pendingSteps--;
        if (!takeStep(c, r)) return;
        if (env.now() >= sliceEnd) break;
      }
    }
    const now = env.now();
    if (r.state === 'paused') stopClock(r, now);
    const idle = r.state === 'paused' && r.pendingSteps === 0 && r.stopAtEpoch < 0;
    if (idle || now - r.lastFlush >= METRICS_INTERVAL_MS) {
      // A pause always ends with the current weights on screen; while running, snapshots
      // follow the interval and the consumer's acknowledgements.
      flush(c, r, idle || (now - r.lastSnapshot >= SNAPSHOT_INTERVAL_MS && snapshotAllowed(r, now)));
    }
    if (r.state === 'running' && r.checkpointEveryMs > 0 && now - r.lastCheckpoint >= r.checkpointEveryMs) {
      sendCheckpoint(c, r, 'interval');
    }
    if (idle) return;
    if (r.state === 'running' && r.stepsPerSecond > 0) {
      const nextAt = r.paceOrigin + ((r.paceSteps + 1) * 1000) / r.stepsPerSecond;
      r.cancelTimer = env.setTimer(() => {
        r.cancelTimer = null;
        schedule(c, r);
      }, Math.max(0, nextAt - env.now()));
    } else {
      schedule(c, r);
    }
  } catch (e) {
    setRunState(r, 'failed', env.now());
    send(r.port, {
      v: PROTOCOL_VERSION,
      type: 'error',
      runId: r.id,
      code: 'internal',
      message: `Training stopped by an internal error: ${(e as Error).message}`,
    });
    finish(c, r, 'stopped');
  }
}

/** Queues a burst of work for `r` unless one is queued or a pacing timer is waiting. */
export function schedule(c: Connection, r: Run): void {
  if (r.pumping || r.cancelTimer) return;
  r.pumping = true;
  c.env.defer(() => pump(c, r));
}

/** Pauses `r`, takes one step with its written-out trace, and reports both. */
export function traceOneStep(c: Connection, r: Run): void {
  if (!isActive(c, r)) return;
  haltRun(c, r);
  r.pendingSteps = 0;
  r.stopAtEpoch = -1;
  const traced = traceStep(r.session);
  if (!traced.ok) {
    send(r.port, { v: PROTOCOL_VERSION, type: 'error', runId: r.id, code: 'refused', message: traced.error, nodeId: traced.nodeId, key: traced.key, params: traced.params });
    flush(c, r, true);
    return;
  }
  const { trace } = traced;
  const lr = trace.stages.find((stage) => stage.kind === 'update')?.lr ?? 0;
  if (!trace.divergence) r.stepLog.push({ step: trace.step, epoch: trace.epoch, loss: trace.loss, lr });
  if (trace.epochEnd) r.epochBuffer.push(trace.epochEnd);
  send(r.port, { v: PROTOCOL_VERSION, type: 'trace', runId: r.id, trace });
  if (trace.divergence) {
    send(r.port, { v: PROTOCOL_VERSION, type: 'error', runId: r.id, code: 'diverged', message: trace.divergence.message, nodeId: trace.divergence.nodeId, key: trace.divergence.key, params: trace.divergence.params });
    finish(c, r, 'diverged');
  } else if (r.session.epoch >= r.session.epochs) finish(c, r, 'completed');
  else flush(c, r, true);
}
