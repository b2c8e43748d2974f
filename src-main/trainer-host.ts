/**
 * The trainer host: receives protocol messages on one or more ports, runs a training
 * session from the engine, and streams metrics and snapshots back to the port that started
 * the run. It is written only against `Port` and `HostEnvironment`, so the same code runs in
 * an Electron utility process, a Web Worker and a Node child process.
 *
 * This file holds the connections and the dispatch of messages; the run loop and pacing are
 * in trainer-loop.ts, what is sent about a run in trainer-reports.ts, a run's state in
 * trainer-run.ts.
 *
 * No Node or Electron imports here: the Web Worker bundle includes this file.
 */
import { createTrainingSession, type SessionOptions } from '../src-engine/training-session';
import { parseCheckpoint } from '../src-engine/checkpoint';
import { checkGradient } from '../src-engine/inspect/gradient-check';
import { exportModel } from '../src-engine/model-json';
import { loadFileDataset } from '../src-engine/data-import/file-dataset';
import type { Project } from '../src-engine/project';
import {
  PROTOCOL_VERSION,
  viewsSchema,
  type ResumeFrom,
  parseToTrainer,
  type ToTrainer,
} from '../src-engine/protocol/messages';
import type { Port } from './port';
import { haltRun, restartPace, schedule, traceOneStep } from './trainer-loop';
import { finish, flush, send, sendCheckpoint, sendSnapshot, sendStatus } from './trainer-reports';
import { createRun, isActive, setRunState, type Connection, type HostEnvironment } from './trainer-run';

export type { HostEnvironment } from './trainer-run';
export { METRICS_INTERVAL_MS, SLICE_MS, SNAPSHOT_INTERVAL_MS } from './trainer-loop';

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
  const c: Connection = { env, port, views: viewsSchema.parse({}), run: null };
  port.onMessage((raw) => {
    const parsed = parseToTrainer(raw);
    if (!parsed.ok) {
      send(port, { v: PROTOCOL_VERSION, type: 'error', runId: null, code: 'bad-message', message: parsed.error });
      return;
    }
    try {
      handle(c, parsed.message);
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

/** Starts the run a `start` message asks for, ending the connection's current one first. */
function startRun(c: Connection, msg: Extract<ToTrainer, { type: 'start' }>): void {
  if (c.run && isActive(c, c.run)) finish(c, c.run, 'stopped');
  const options = withFileDataset(sessionOptions(msg.resumeFrom), msg.project, msg.datasetText);
  const created = 'error' in options ? { ok: false as const, error: options.error, nodeId: null } : createTrainingSession(msg.project, options);
  if (!created.ok) {
    send(c.port, {
      v: PROTOCOL_VERSION,
      type: 'error',
      runId: msg.runId,
      code: 'invalid-project',
      message: created.error,
      nodeId: created.nodeId,
    });
    return;
  }
  const run = createRun(
    {
      id: msg.runId,
      port: c.port,
      session: created.session,
      project: msg.project,
      paused: msg.paused,
      stepsPerSecond: msg.stepsPerSecond,
      checkpointEverySeconds: msg.checkpointEverySeconds,
    },
    c.env.now(),
  );
  c.run = run;
  flush(c, run, true);
  schedule(c, run);
}

function handle(c: Connection, msg: ToTrainer): void {
  if (msg.type === 'ping') {
    send(c.port, { v: PROTOCOL_VERSION, type: 'pong', nonce: msg.nonce });
    return;
  }
  if (msg.type === 'set-views') {
    c.views = msg.views;
    if (c.run && isActive(c, c.run)) sendSnapshot(c, c.run, true);
    return;
  }
  if (msg.type === 'start') {
    startRun(c, msg);
    return;
  }
  const r = c.run;
  // An acknowledgement may arrive after its run ended: nothing to do, nothing to report.
  if (msg.type === 'snapshot-ack' && (!r || r.id !== msg.runId)) return;
  if (!r || r.id !== msg.runId) {
    send(c.port, {
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
        haltRun(c, r);
        flush(c, r, true);
        if (r.checkpointEveryMs > 0) sendCheckpoint(c, r, 'pause');
      }
      return;
    case 'resume':
      if (r.state === 'paused') {
        const now = c.env.now();
        setRunState(r, 'running', now);
        r.pendingSteps = 0;
        r.stopAtEpoch = -1;
        restartPace(c, r);
        sendStatus(r, now);
        schedule(c, r);
      }
      return;
    case 'step':
      if (!isActive(c, r)) return;
      haltRun(c, r);
      if (msg.unit === 'batch') r.pendingSteps += msg.count;
      else r.stopAtEpoch = Math.max(r.stopAtEpoch, r.session.epoch) + msg.count;
      schedule(c, r);
      return;
    case 'stop':
      if (isActive(c, r)) finish(c, r, 'stopped');
      return;
    case 'set-hyperparameters':
      r.session.setHyperparameters(msg.values);
      return;
    case 'set-speed':
      r.stepsPerSecond = msg.stepsPerSecond;
      restartPace(c, r);
      return;
    case 'export-model':
      send(r.port, { v: PROTOCOL_VERSION, type: 'model', runId: r.id, step: r.session.step, model: exportModel(r.session, r.project) });
      return;
    case 'request-checkpoint':
      sendCheckpoint(c, r, 'request');
      return;
    case 'trace-step':
      traceOneStep(c, r);
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
