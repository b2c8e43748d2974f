/**
 * What the trainer host sends about a run: status, batched metrics, snapshots (with the live
 * views the connection shows), checkpoints, and the end of the run.
 *
 * No Node or Electron imports here: the Web Worker bundle includes this file.
 */
import {
  PROTOCOL_VERSION,
  SNAPSHOT_ACK_TIMEOUT_MS,
  VIEWS_INTERVAL_MS,
  stepColumnBuffers,
  type FromTrainerInput,
} from '../src-engine/protocol/messages';
import type { Port } from './port';
import { cancelRunTimer, runElapsedMs, setRunState, type Connection, type Run } from './trainer-run';
import { anyViewOn, attachWeightGradients, computeViews } from './trainer-views';

/** Posts `message` on `port` with the protocol version set; `transfer` moves its buffers. */
export function send(port: Port, message: FromTrainerInput, transfer?: ArrayBuffer[]): void {
  port.post({ ...message, v: PROTOCOL_VERSION } as FromTrainerInput, transfer);
}

/** Sends `r`'s status as of host time `now`. */
export function sendStatus(r: Run, now: number): void {
  send(r.port, {
    v: PROTOCOL_VERSION,
    type: 'status',
    runId: r.id,
    state: r.state,
    step: r.session.step,
    epoch: r.session.epoch,
    epochs: r.session.epochs,
    stepsPerEpoch: r.session.stepsPerEpoch,
    samplesPerSecond: r.samplesPerSecond,
    elapsedMs: runElapsedMs(r, now),
  });
}

/** Sends the buffered metrics (their step columns transferred), a snapshot when `withSnapshot`, then the status. */
export function flush(c: Connection, r: Run, withSnapshot: boolean): void {
  const now = c.env.now();
  const elapsed = now - r.lastFlush;
  if (elapsed > 0) r.samplesPerSecond = (r.samplesSinceFlush * 1000) / elapsed;
  r.samplesSinceFlush = 0;
  r.lastFlush = now;
  if (r.stepLog.length > 0 || r.epochBuffer.length > 0) {
    // The columns' buffer is new for this message: transferred, not copied.
    const steps = r.stepLog.take();
    send(r.port, { v: PROTOCOL_VERSION, type: 'metrics', runId: r.id, steps, epochs: r.epochBuffer }, stepColumnBuffers(steps));
    r.epochBuffer = [];
  }
  if (withSnapshot) sendSnapshot(c, r, r.state !== 'running');
  sendStatus(r, now);
}

/** Whether a snapshot may go now: none in flight, or the consumer has not answered for long. */
export function snapshotAllowed(r: Run, now: number): boolean {
  return r.snapshotAcked >= r.snapshotSeq || now - r.lastSnapshot >= SNAPSHOT_ACK_TIMEOUT_MS;
}

/**
 * Sends `r`'s weights and gradient statistics, with the connection's live views when they
 * are due (or `forceViews`). The snapshot's buffers are transferred, not copied.
 */
export function sendSnapshot(c: Connection, r: Run, forceViews = false): void {
  const now = c.env.now();
  r.lastSnapshot = now;
  r.snapshotSeq++;
  const layers = r.session.snapshot();
  if (c.views.weightGradients) attachWeightGradients(r.session, layers);
  let attached: ReturnType<typeof computeViews> | undefined;
  if (anyViewOn(c.views) && (forceViews || now - r.lastViews >= VIEWS_INTERVAL_MS)) {
    r.lastViews = now;
    attached = computeViews(r.session, c.views);
  }
  const transfer: ArrayBuffer[] = [];
  for (const layer of layers) {
    if (ArrayBuffer.isView(layer.weights)) transfer.push(layer.weights.buffer as ArrayBuffer);
    if (layer.bias && ArrayBuffer.isView(layer.bias)) transfer.push(layer.bias.buffer as ArrayBuffer);
    if (layer.dWeights && ArrayBuffer.isView(layer.dWeights)) transfer.push(layer.dWeights.buffer as ArrayBuffer);
    if (layer.dBias && ArrayBuffer.isView(layer.dBias)) transfer.push(layer.dBias.buffer as ArrayBuffer);
  }
  send(
    r.port,
    { v: PROTOCOL_VERSION, type: 'snapshot', runId: r.id, seq: r.snapshotSeq, step: r.session.step, layers, views: attached },
    transfer,
  );
}

/** Sends a checkpoint of `r` (an exact continuation point). */
export function sendCheckpoint(c: Connection, r: Run, reason: 'interval' | 'pause' | 'request'): void {
  r.lastCheckpoint = c.env.now();
  send(r.port, { v: PROTOCOL_VERSION, type: 'checkpoint', runId: r.id, reason, checkpoint: r.session.checkpoint() });
}

/** Ends `r`: final metrics, snapshot and status, the test split's result, then `done`. */
export function finish(c: Connection, r: Run, reason: 'completed' | 'stopped' | 'diverged'): void {
  setRunState(r, reason === 'completed' ? 'done' : reason === 'stopped' ? 'stopped' : 'failed', c.env.now());
  cancelRunTimer(r);
  flush(c, r, true);
  // The test split is measured once, at the end, so nothing during training looked at it.
  const measured = reason === 'diverged' ? null : r.session.evaluateTest();
  send(r.port, {
    v: PROTOCOL_VERSION,
    type: 'done',
    runId: r.id,
    reason,
    step: r.session.step,
    epoch: r.session.epoch,
    elapsedMs: r.activeMs,
    test: measured && Number.isFinite(measured.loss) ? { samples: r.session.testSize, ...measured } : null,
  });
}
