/**
 * The trainer host: receives protocol messages on one or more ports, runs a training
 * session from the engine, and streams metrics and snapshots back to the port that started
 * the run. It is written only against `Port` and `HostEnvironment`, so the same code runs in
 * an Electron utility process, a Web Worker and a Node child process.
 *
 * No Node or Electron imports here: the Web Worker bundle includes this file.
 */
import { createTrainingSession, type SessionOptions, type TrainingSession } from '../src-engine/training-session';
import { parseCheckpoint } from '../src-engine/checkpoint';
import { checkGradient } from '../src-engine/inspect/gradient-check';
import { traceStep } from '../src-engine/inspect/step-trace';
import { exportModel } from '../src-engine/model-json';
import { loadFileDataset } from '../src-engine/data-import/file-dataset';
import type { Project } from '../src-engine/project';
import {
  PROTOCOL_VERSION,
  SNAPSHOT_ACK_TIMEOUT_MS,
  VIEWS_INTERVAL_MS,
  viewsSchema,
  type ResumeFrom,
  type Views,
  parseToTrainer,
  type EpochPoint,
  type FromTrainerInput,
  type RunState,
  type StepPoint,
  type ToTrainer,
} from '../src-engine/protocol/messages';
import type { Port } from './port';
import { anyViewOn, attachWeightGradients, computeViews } from './trainer-views';

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

/** How long one burst of training runs before the host yields to read messages. */
export const SLICE_MS = 24;
/** Scalar metrics are batched and flushed at this interval. */
export const METRICS_INTERVAL_MS = 50;
/** Snapshots (weights, gradient statistics) are sent at most this often (≈ 30 per second). */
export const SNAPSHOT_INTERVAL_MS = 33;

interface Run {
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
  stepBuffer: StepPoint[];
  epochBuffer: EpochPoint[];
  lastFlush: number;
  lastSnapshot: number;
  /** Sequence number of the last snapshot sent, and of the last one acknowledged. */
  snapshotSeq: number;
  snapshotAcked: number;
  samplesSinceFlush: number;
  samplesPerSecond: number;
  pumping: boolean;
  cancelTimer: (() => void) | null;
  lastViews: number;
  /** Milliseconds between automatic checkpoints while running; 0 for none. */
  checkpointEveryMs: number;
  lastCheckpoint: number;
}

export interface TrainerHost {
  /** Starts serving a port: replies go back to it, and runs it starts stream to it. */
  attach(port: Port): void;
}

/**
 * Creates a host. It announces itself with a `ready` message on every attached port. Each
 * port is its own connection with its own run and views, so several runs (an optimizer
 * race) share one process, taking turns a slice at a time.
 */
export function createTrainerHost(env: HostEnvironment): TrainerHost {
  return { attach: (port) => serveConnection(env, port) };
}

/** Serves one port: its run, its views, its replies. */
function serveConnection(env: HostEnvironment, port: Port): void {
  let run: Run | null = null;
  let views: Views = viewsSchema.parse({});

  const send = (port: Port, message: FromTrainerInput, transfer?: ArrayBuffer[]): void => {
    port.post({ ...message, v: PROTOCOL_VERSION } as FromTrainerInput, transfer);
  };

  const sendStatus = (r: Run): void => {
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
    });
  };

  const flush = (r: Run, withSnapshot: boolean): void => {
    const now = env.now();
    const elapsed = now - r.lastFlush;
    if (elapsed > 0) r.samplesPerSecond = (r.samplesSinceFlush * 1000) / elapsed;
    r.samplesSinceFlush = 0;
    r.lastFlush = now;
    if (r.stepBuffer.length > 0 || r.epochBuffer.length > 0) {
      send(r.port, { v: PROTOCOL_VERSION, type: 'metrics', runId: r.id, steps: r.stepBuffer, epochs: r.epochBuffer });
      r.stepBuffer = [];
      r.epochBuffer = [];
    }
    if (withSnapshot) sendSnapshot(r, r.state !== 'running');
    sendStatus(r);
  };

  /** Whether a snapshot may go now: none in flight, or the consumer has not answered for long. */
  const snapshotAllowed = (r: Run, now: number): boolean =>
    r.snapshotAcked >= r.snapshotSeq || now - r.lastSnapshot >= SNAPSHOT_ACK_TIMEOUT_MS;

  const sendSnapshot = (r: Run, forceViews = false): void => {
    const now = env.now();
    r.lastSnapshot = now;
    r.snapshotSeq++;
    const layers = r.session.snapshot();
    if (views.weightGradients) attachWeightGradients(r.session, layers);
    let attached: ReturnType<typeof computeViews> | undefined;
    if (anyViewOn(views) && (forceViews || now - r.lastViews >= VIEWS_INTERVAL_MS)) {
      r.lastViews = now;
      attached = computeViews(r.session, views);
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
  };

  const sendCheckpoint = (r: Run, reason: 'interval' | 'pause' | 'request'): void => {
    r.lastCheckpoint = env.now();
    send(r.port, { v: PROTOCOL_VERSION, type: 'checkpoint', runId: r.id, reason, checkpoint: r.session.checkpoint() });
  };

  const finish = (r: Run, reason: 'completed' | 'stopped' | 'diverged'): void => {
    r.state = reason === 'completed' ? 'done' : reason === 'stopped' ? 'stopped' : 'failed';
    r.cancelTimer?.();
    r.cancelTimer = null;
    flush(r, true);
    // The test split is measured once, at the end, so nothing during training looked at it.
    const measured = reason === 'diverged' ? null : r.session.evaluateTest();
    send(r.port, {
      v: PROTOCOL_VERSION,
      type: 'done',
      runId: r.id,
      reason,
      step: r.session.step,
      epoch: r.session.epoch,
      test: measured && Number.isFinite(measured.loss) ? { samples: r.session.testSize, ...measured } : null,
    });
  };

  /** Takes one optimizer step; returns false when the run ended with it. */
  const takeStep = (r: Run): boolean => {
    const result = r.session.trainStep();
    // A diverged step was not applied; its non-finite loss is reported in the error instead.
    if (!result.divergence) r.stepBuffer.push(result.point);
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
      finish(r, 'diverged');
      return false;
    }
    if (r.session.epoch >= r.session.epochs) {
      finish(r, 'completed');
      return false;
    }
    return true;
  };

  const isActive = (r: Run): boolean => run === r && (r.state === 'running' || r.state === 'paused');

  /** Paced runs count owed steps from now on (after a pause, or at a new speed). */
  const restartPace = (r: Run): void => {
    r.paceOrigin = env.now();
    r.paceSteps = 0;
  };

  /** One burst of work; reschedules itself while there is work to do. */
  const pump = (r: Run): void => {
    r.pumping = false;
    if (!isActive(r)) return;
    try {
      const sliceEnd = env.now() + SLICE_MS;
      if (r.state === 'running' && r.stepsPerSecond === 0) {
        do {
          if (!takeStep(r)) return;
        } while (env.now() < sliceEnd);
      } else if (r.state === 'running') {
        // Take the steps owed since the pace started (timers fire late), at most a slice's worth.
        const owed = Math.floor(((env.now() - r.paceOrigin) * r.stepsPerSecond) / 1000) - r.paceSteps;
        for (let i = 0; i < Math.max(1, owed); i++) {
          r.paceSteps++;
          if (!takeStep(r)) return;
          if (env.now() >= sliceEnd) break;
        }
      } else {
        while (r.pendingSteps > 0 || r.stopAtEpoch >= 0) {
          if (r.stopAtEpoch >= 0 && r.session.epoch >= r.stopAtEpoch) {
            r.stopAtEpoch = -1;
            break;
          }
          if (r.pendingSteps > 0) r.pendingSteps--;
          if (!takeStep(r)) return;
          if (env.now() >= sliceEnd) break;
        }
      }
      const now = env.now();
      const idle = r.state === 'paused' && r.pendingSteps === 0 && r.stopAtEpoch < 0;
      if (idle || now - r.lastFlush >= METRICS_INTERVAL_MS) {
        // A pause always ends with the current weights on screen; while running, snapshots
        // follow the interval and the consumer's acknowledgements.
        flush(r, idle || (now - r.lastSnapshot >= SNAPSHOT_INTERVAL_MS && snapshotAllowed(r, now)));
      }
      if (r.state === 'running' && r.checkpointEveryMs > 0 && now - r.lastCheckpoint >= r.checkpointEveryMs) {
        sendCheckpoint(r, 'interval');
      }
      if (idle) return;
      if (r.state === 'running' && r.stepsPerSecond > 0) {
        const nextAt = r.paceOrigin + ((r.paceSteps + 1) * 1000) / r.stepsPerSecond;
        r.cancelTimer = env.setTimer(() => {
          r.cancelTimer = null;
          schedule(r);
        }, Math.max(0, nextAt - env.now()));
      } else {
        schedule(r);
      }
    } catch (e) {
      r.state = 'failed';
      send(r.port, {
        v: PROTOCOL_VERSION,
        type: 'error',
        runId: r.id,
        code: 'internal',
        message: `Training stopped by an internal error: ${(e as Error).message}`,
      });
      finish(r, 'stopped');
    }
  };

  const schedule = (r: Run): void => {
    if (r.pumping || r.cancelTimer) return;
    r.pumping = true;
    env.defer(() => pump(r));
  };

  /** Pauses `r`, takes one step with its written-out trace, and reports both. */
  const traceOneStep = (r: Run): void => {
    if (!isActive(r)) return;
    if (r.state === 'running') {
      r.state = 'paused';
      r.cancelTimer?.();
      r.cancelTimer = null;
    }
    r.pendingSteps = 0;
    r.stopAtEpoch = -1;
    const traced = traceStep(r.session);
    if (!traced.ok) {
      send(r.port, { v: PROTOCOL_VERSION, type: 'error', runId: r.id, code: 'refused', message: traced.error, nodeId: traced.nodeId, key: traced.key, params: traced.params });
      flush(r, true);
      return;
    }
    const { trace } = traced;
    const lr = trace.stages.find((stage) => stage.kind === 'update')?.lr ?? 0;
    if (!trace.divergence) r.stepBuffer.push({ step: trace.step, epoch: trace.epoch, loss: trace.loss, lr });
    if (trace.epochEnd) r.epochBuffer.push(trace.epochEnd);
    send(r.port, { v: PROTOCOL_VERSION, type: 'trace', runId: r.id, trace });
    if (trace.divergence) {
      send(r.port, { v: PROTOCOL_VERSION, type: 'error', runId: r.id, code: 'diverged', message: trace.divergence.message, nodeId: trace.divergence.nodeId, key: trace.divergence.key, params: trace.divergence.params });
      finish(r, 'diverged');
    } else if (r.session.epoch >= r.session.epochs) finish(r, 'completed');
    else flush(r, true);
  };

  const handle = (port: Port, msg: ToTrainer): void => {
    if (msg.type === 'ping') {
      send(port, { v: PROTOCOL_VERSION, type: 'pong', nonce: msg.nonce });
      return;
    }
    if (msg.type === 'set-views') {
      views = msg.views;
      if (run && isActive(run)) sendSnapshot(run, true);
      return;
    }
    if (msg.type === 'start') {
      if (run && isActive(run)) finish(run, 'stopped');
      const options = withFileDataset(sessionOptions(msg.resumeFrom), msg.project, msg.datasetText);
      const created = 'error' in options ? { ok: false as const, error: options.error, nodeId: null } : createTrainingSession(msg.project, options);
      if (!created.ok) {
        send(port, {
          v: PROTOCOL_VERSION,
          type: 'error',
          runId: msg.runId,
          code: 'invalid-project',
          message: created.error,
          nodeId: created.nodeId,
        });
        return;
      }
      const now = env.now();
      run = {
        id: msg.runId,
        port,
        session: created.session,
        project: msg.project,
        state: msg.paused ? 'paused' : 'running',
        pendingSteps: 0,
        stopAtEpoch: -1,
        stepsPerSecond: msg.stepsPerSecond,
        paceOrigin: now,
        paceSteps: 0,
        stepBuffer: [],
        epochBuffer: [],
        lastFlush: now,
        lastSnapshot: -Infinity,
        snapshotSeq: 0,
        snapshotAcked: 0,
        samplesSinceFlush: 0,
        samplesPerSecond: 0,
        pumping: false,
        cancelTimer: null,
        lastViews: -Infinity,
        checkpointEveryMs: msg.checkpointEverySeconds * 1000,
        lastCheckpoint: now,
      };
      flush(run, true);
      schedule(run);
      return;
    }
    const r = run;
    // An acknowledgement may arrive after its run ended: nothing to do, nothing to report.
    if (msg.type === 'snapshot-ack' && (!r || r.id !== msg.runId)) return;
    if (!r || r.id !== msg.runId) {
      send(port, {
        v: PROTOCOL_VERSION,
        type: 'error',
        runId: msg.runId,
        code: 'unknown-run',
        message: `No run with id "${msg.runId}" is active; start a run first.`,
      });
      return;
    }
    switch (msg.type) {
      case 'pause':
        if (r.state === 'running') {
          r.state = 'paused';
          r.cancelTimer?.();
          r.cancelTimer = null;
          flush(r, true);
          if (r.checkpointEveryMs > 0) sendCheckpoint(r, 'pause');
        }
        return;
      case 'resume':
        if (r.state === 'paused') {
          r.state = 'running';
          r.pendingSteps = 0;
          r.stopAtEpoch = -1;
          restartPace(r);
          sendStatus(r);
          schedule(r);
        }
        return;
      case 'step':
        if (!isActive(r)) return;
        if (r.state === 'running') {
          r.state = 'paused';
          r.cancelTimer?.();
          r.cancelTimer = null;
        }
        if (msg.unit === 'batch') r.pendingSteps += msg.count;
        else r.stopAtEpoch = Math.max(r.stopAtEpoch, r.session.epoch) + msg.count;
        schedule(r);
        return;
      case 'stop':
        if (isActive(r)) finish(r, 'stopped');
        return;
      case 'set-hyperparameters':
        r.session.setHyperparameters(msg.values);
        return;
      case 'set-speed':
        r.stepsPerSecond = msg.stepsPerSecond;
        restartPace(r);
        return;
      case 'export-model':
        send(r.port, { v: PROTOCOL_VERSION, type: 'model', runId: r.id, step: r.session.step, model: exportModel(r.session, r.project) });
        return;
      case 'request-checkpoint':
        sendCheckpoint(r, 'request');
        return;
      case 'trace-step':
        traceOneStep(r);
        return;
      case 'check-gradient': {
        const result = checkGradient(r.session, msg.target, msg.epsilon);
        send(r.port, { v: PROTOCOL_VERSION, type: 'gradient-check', runId: r.id, result });
        return;
      }
      case 'snapshot-ack':
        r.snapshotAcked = Math.max(r.snapshotAcked, Math.min(msg.seq, r.snapshotSeq));
        return;
      default:
        assertNever(msg);
    }
  };

  port.onMessage((raw) => {
    const parsed = parseToTrainer(raw);
    if (!parsed.ok) {
      send(port, { v: PROTOCOL_VERSION, type: 'error', runId: null, code: 'bad-message', message: parsed.error });
      return;
    }
    try {
      handle(port, parsed.message);
    } catch (e) {
      send(port, {
        v: PROTOCOL_VERSION,
        type: 'error',
        runId: null,
        code: 'internal',
        message: `The trainer could not handle "${parsed.message.type}": ${(e as Error).message}`,
      });
    }
  });
  send(port, { v: PROTOCOL_VERSION, type: 'ready', host: env.hostName });
}

/** Session options for a run's starting point; `error` when a checkpoint does not parse. */
function sessionOptions(resumeFrom: ResumeFrom | null): SessionOptions | { error: string } {
  if (!resumeFrom) return {};
  if (resumeFrom.type === 'weights') return { initialWeights: resumeFrom.layers };
  const parsed = parseCheckpoint(resumeFrom.checkpoint);
  return parsed.ok ? { checkpoint: parsed.checkpoint } : { error: `The checkpoint cannot be used: ${parsed.error}` };
}

/**
 * Adds the loaded data set of a file-backed project whose file text came with `start`
 * (hash checked by `loadFileDataset`; a changed file gives its error). Without the text the
 * session reports that the file has not been read.
 */
function withFileDataset(options: SessionOptions | { error: string }, project: Project, text: string | undefined): SessionOptions | { error: string } {
  if ('error' in options || project.dataset.type !== 'file' || text === undefined) return options;
  const loaded = loadFileDataset(project.dataset, text);
  return loaded.ok ? { ...options, dataset: loaded.dataset } : { error: loaded.error };
}

function assertNever(x: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(x)}`);
}
