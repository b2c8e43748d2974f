/**
 * Helper process: what live streaming costs the trainer (issue #8: at most 10% of its
 * throughput). For W1 and W3 it compares, pair by pair in this one process:
 *  - off: the bare session loop (`trainStep` until the epochs are done), and
 *  - on:  the real trainer host (src-main/trainer-host.ts) at full speed, posting on a real
 *         MessagePort (node:worker_threads) to a consumer on its own thread, as the app's
 *         trainer posts to the renderer: the training thread pays for serializing every
 *         message (postMessage does that on the sender's side) and the consumer's thread for
 *         reading it. The consumer acknowledges each snapshot one frame (16 ms) later, as the
 *         renderer does after drawing the network and gradient views, so snapshots flow at
 *         their normal rate (at most one in flight, at most one per SNAPSHOT_INTERVAL_MS),
 *         with the views those two panels ask for (unit health, per-weight gradients).
 * Each pair runs off and on back to back, in alternating order and each after a garbage
 * collection, so a neighbour's load hits both alike; off time ÷ on time of a pair is the share
 * of throughput kept with streaming on (1 = free, 0.9 = 10% cost). Reported per workload:
 * median, quartiles and range of the pairs' ratios in wall time and, on Linux, in the training
 * thread's CPU time (/proc/self/task/<tid>/schedstat), which leaves out the time the thread
 * waited for a core while other processes ran. "on" is timed from the host's first status
 * message (the session exists) to `done`, so, as in "off", building the session is excluded.
 * Then a few more "on" runs time every `trainStep` call: the rest of the run is the host's own
 * work (reports, snapshots, views, posting, yielding), a figure that other processes' load
 * hardly moves (both parts are timed in the same moments); it leaves out indirect costs
 * (caches, garbage collection inside steps), so it bounds the cost from below.
 * Prints the result line (see runner-io.ts); report.ts formats it.
 */
import { readFileSync } from 'node:fs';
import { MessageChannel, Worker } from 'node:worker_threads';
import { createTrainerHost } from '../src-main/trainer-host';
import type { Port } from '../src-main/port';
import { PROTOCOL_VERSION } from '../src-engine/protocol/messages';
import type { Project } from '../src-engine/project';
import { createSession, workloadProject } from './engine-train';
import { median, summarizeRatios, type RatioSummary } from './report';
import { exposedGc, runMain } from './runner-io';
import { stepsPerEpoch, workloadById } from './workloads';

/** One frame at 60 Hz: when the renderer acknowledges a snapshot after drawing it. */
const ACK_DELAY_MS = 16;
/** Interleaved off/on pairs per workload (after one warm-up pair). */
const PAIRS = 12;
const QUICK_PAIRS = 4;
/** Runs that time the steps inside the host (see the module comment). */
const SHARE_RUNS = 3;

/**
 * The renderer's part, on its own thread: for each run it gets a MessagePort, acknowledges
 * every snapshot ACK_DELAY_MS later, counts what arrived, and reports the counts at `done`.
 * Plain JavaScript (a worker evaluated from source needs no bundle of its own).
 */
const CONSUMER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ port, runId, version, ackDelayMs }) => {
  const counts = { snapshots: 0, metrics: 0, steps: 0, snapshotBytes: 0 };
  port.on('message', (m) => {
    if (m.type === 'metrics') { counts.metrics++; counts.steps += m.steps.step.length; }
    if (m.type === 'snapshot') {
      counts.snapshots++;
      for (const l of m.layers) {
        counts.snapshotBytes += l.weights.byteLength + (l.bias ? l.bias.byteLength : 0) + (l.dWeights ? l.dWeights.byteLength : 0) + (l.dBias ? l.dBias.byteLength : 0);
      }
      setTimeout(() => port.postMessage({ v: version, type: 'snapshot-ack', runId, seq: m.seq }), ackDelayMs);
    }
    if (m.type === 'done') {
      parentPort.postMessage(counts);
      port.close();
    }
  });
});
`;

/** What the consumer counted in one run. */
interface Counts {
  snapshots: number;
  metrics: number;
  /** Step points received in metrics messages. */
  steps: number;
  /** Bytes of snapshot payload (weights, biases and their gradients) received. */
  snapshotBytes: number;
}

interface Timed {
  seconds: number;
  /** CPU seconds of this (the training) thread; NaN where /proc is not available. */
  cpuSeconds: number;
}

/** CPU time this thread has run, in seconds (Linux: its schedstat), or NaN. Node's main thread id is the process id. */
function threadCpuSeconds(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e9;
  } catch {
    return NaN;
  }
}


/** The bare loop (engine-train.ts's `trainEngine`, with the thread's CPU time as well). */
function trainBare(project: Project): Timed {
  const session = createSession(project);
  const total = session.epochs * session.stepsPerEpoch;
  const cpu0 = threadCpuSeconds();
  const t0 = performance.now();
  for (let s = 0; s < total; s++) {
    const result = session.trainStep();
    if (result.divergence) throw new Error(`The engine diverged at step ${s + 1}: ${result.divergence.message}`);
  }
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: threadCpuSeconds() - cpu0 };
}

/** One full run through the trainer host with streaming on, the consumer on `consumer`'s thread. */
function trainThroughHost(project: Project, consumer: Worker): Promise<Timed & Counts> {
  return new Promise((resolve, reject) => {
    const { port1, port2 } = new MessageChannel();
    let t0 = -1;
    let cpu0 = NaN;
    let timed: Timed | null = null;
    let counts: Counts | null = null;
    const settle = (): void => {
      if (!timed || !counts) return;
      consumer.off('message', onCounts);
      port1.close();
      resolve({ ...timed, ...counts });
    };
    const onCounts = (c: Counts): void => {
      counts = c;
      settle();
    };
    consumer.on('message', onCounts);
    consumer.postMessage({ port: port2, runId: 'bench', version: PROTOCOL_VERSION, ackDelayMs: ACK_DELAY_MS }, [port2]);
    const host = createTrainerHost({
      hostName: 'bench',
      now: () => performance.now(),
      defer: (fn) => setImmediate(fn),
      setTimer: (fn, ms) => {
        const t = setTimeout(fn, ms);
        return () => clearTimeout(t);
      },
    });
    // The host's message handler, set by `attach` (an object, so TypeScript does not narrow it to null).
    const inbox: { toHost: ((m: unknown) => void) | null } = { toHost: null };
    const port: Port = {
      post: (message, transfer) => {
        port1.postMessage(message, transfer);
        const m = message as { type: string; message?: string; reason?: string };
        if (m.type === 'status' && t0 < 0) {
          t0 = performance.now();
          cpu0 = threadCpuSeconds();
        }
        if (m.type === 'error') reject(new Error(`trainer error: ${m.message}`));
        if (m.type === 'done') {
          if (m.reason !== 'completed') reject(new Error(`the run ended ${m.reason}`));
          timed = { seconds: (performance.now() - t0) / 1000, cpuSeconds: threadCpuSeconds() - cpu0 };
          settle();
        }
      },
      onMessage: (handler) => {
        inbox.toHost = handler;
        port1.on('message', handler);
      },
    };
    host.attach(port);
    // What the renderer asks for with the network and gradient views open (viewsRequest in
    // store/views-slice.ts): unit health, and per-weight gradients of the layers up to 64 units.
    inbox.toHost?.({ v: PROTOCOL_VERSION, type: 'set-views', views: { unitHealth: true, weightGradients: true } });
    inbox.toHost?.({ v: PROTOCOL_VERSION, type: 'start', runId: 'bench', project, paused: false, stepsPerSecond: 0 });
  });
}

/**
 * One "on" run with every `trainStep` timed: the share of the run spent outside the steps.
 * Wraps the session class's method for the run (the bench's own process only) and restores it.
 */
async function hostShare(project: Project, consumer: Worker): Promise<number> {
  const proto = Object.getPrototypeOf(createSession(project)) as { trainStep: (this: unknown) => unknown };
  const trainStep = proto.trainStep;
  let inside = 0;
  proto.trainStep = function (this: unknown) {
    const t0 = performance.now();
    const result = trainStep.call(this);
    inside += performance.now() - t0;
    return result;
  };
  try {
    const run = await trainThroughHost(project, consumer);
    return 1 - inside / 1000 / run.seconds;
  } finally {
    proto.trainStep = trainStep;
  }
}

/** Writes `s` as `<prefix>Pairs`, `<prefix>Median`, … (the fields report.ts's `streamingSummary` reads). */
function putSummary(info: Record<string, number | string>, prefix: string, s: RatioSummary): void {
  info[`${prefix}Pairs`] = s.count;
  info[`${prefix}Median`] = s.median;
  info[`${prefix}Q1`] = s.q1;
  info[`${prefix}Q3`] = s.q3;
  info[`${prefix}Min`] = s.min;
  info[`${prefix}Max`] = s.max;
}

runMain(async () => {
  const quick = process.argv.includes('--quick');
  const gc = exposedGc();
  const consumer = new Worker(CONSUMER_SOURCE, { eval: true });
  const info: Record<string, number | string> = {};
  try {
    for (const id of ['W1', 'W3']) {
      const w = workloadById(id);
      // Throughput is a steady-state figure: W1's 200 epochs take about 0.15 s, in which the
      // run's fixed costs (the last flush and snapshot, `done`) would weigh in, so W1 trains
      // 5 × longer here. W3 runs its own epochs.
      const full = id === 'W1' ? w.epochs * 5 : w.epochs;
      const epochs = quick ? Math.max(1, Math.round(full / 10)) : full;
      const project = workloadProject(w, epochs);
      trainBare(project);
      await trainThroughHost(project, consumer);
      const off: Timed[] = [];
      const on: (Timed & Counts)[] = [];
      for (let i = 0; i < (quick ? QUICK_PAIRS : PAIRS); i++) {
        // Alternating order, so neither side always runs right after the other's garbage.
        for (const side of i % 2 === 0 ? ['off', 'on'] : ['on', 'off']) {
          gc();
          if (side === 'off') off.push(trainBare(project));
          else on.push(await trainThroughHost(project, consumer));
        }
      }
      const wall = summarizeRatios(off.map((o, i) => o.seconds / on[i].seconds));
      putSummary(info, `${id}.wall`, wall);
      info[`${id}.wallRatios`] = off.map((o, i) => (o.seconds / on[i].seconds).toFixed(3)).join(' ');
      if (off.every((o) => Number.isFinite(o.cpuSeconds)) && on.every((o) => Number.isFinite(o.cpuSeconds))) {
        putSummary(info, `${id}.cpu`, summarizeRatios(off.map((o, i) => o.cpuSeconds / on[i].cpuSeconds)));
        info[`${id}.cpuRatios`] = off.map((o, i) => (o.cpuSeconds / on[i].cpuSeconds).toFixed(3)).join(' ');
      }
      const shares: number[] = [];
      for (let i = 0; i < SHARE_RUNS; i++) {
        gc();
        shares.push(await hostShare(project, consumer));
      }
      info[`${id}.hostShare`] = median(shares);
      // Every step's point reached the consumer: the views lost nothing.
      const lost = on.find((r) => r.steps !== epochs * stepsPerEpoch(w));
      if (lost) throw new Error(`${id}: the consumer received ${lost.steps} step points of ${epochs * stepsPerEpoch(w)}.`);
      info[`${id}.offSamplesPerSecond`] = (epochs * w.samples) / median(off.map((r) => r.seconds));
      info[`${id}.onSamplesPerSecond`] = (epochs * w.samples) / median(on.map((r) => r.seconds));
      const totalSeconds = on.reduce((t, r) => t + r.seconds, 0);
      info[`${id}.snapshotsPerSecond`] = on.reduce((t, r) => t + r.snapshots, 0) / totalSeconds;
      info[`${id}.snapshotMBPerSecond`] = on.reduce((t, r) => t + r.snapshotBytes, 0) / totalSeconds / 1e6;
      info[`${id}.metricsPerSecond`] = on.reduce((t, r) => t + r.metrics, 0) / totalSeconds;
      console.error(`${id}: on ÷ off ${wall.median.toFixed(3)} (quartiles ${wall.q1.toFixed(3)}–${wall.q3.toFixed(3)}, range ${wall.min.toFixed(3)}–${wall.max.toFixed(3)}), ${(info[`${id}.snapshotsPerSecond`] as number).toFixed(1)} snapshots/s`);
    }
  } finally {
    await consumer.terminate();
  }
  return { times: [], finalLoss: NaN, steps: 0, info };
});
