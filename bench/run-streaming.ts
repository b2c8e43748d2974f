/**
 * Helper process: what live streaming costs the trainer. For W1 and W3 it times
 *  - off: the bare session loop (`trainStep` until the epochs are done), and
 *  - on:  the real trainer host (src-main/trainer-host.ts) at full speed, attached to a port
 *         that structured-clones every message as postMessage does, with a consumer that
 *         acknowledges each snapshot one frame (16 ms) later, as the renderer does after
 *         drawing the network and gradient views; so snapshots flow at their normal rate
 *         (at most one in flight, one per SNAPSHOT_INTERVAL_MS), with the views those two
 *         panels ask for (unit health, per-weight gradients).
 * "on" is timed from the host's first status message (the session exists) to `done`, so
 * parsing the project is excluded from both. Prints the result line (see runner-io.ts).
 */
import { createTrainerHost } from '../src-main/trainer-host';
import type { Port } from '../src-main/port';
import { PROTOCOL_VERSION } from '../src-engine/protocol/messages';
import type { Project } from '../src-engine/project';
import { buildProject, trainEngine } from './engine-train';
import { median } from './report';
import { runMain } from './runner-io';
import { generateData, initialParams, workloadById, type Workload } from './workloads';

/** One frame at 60 Hz: when the renderer acknowledges a snapshot after drawing it. */
const ACK_DELAY_MS = 16;

function projectFor(w: Workload, epochs: number): Project {
  const data = generateData(w);
  const params = initialParams(w);
  const meta = { workload: w, n: data.n, features: data.features, outputs: data.outputs, layers: params.map((p) => ({ inputs: p.inputs, units: p.units })) };
  return buildProject({ meta, data, params }, 'float32', epochs);
}

interface StreamedRun {
  seconds: number;
  snapshots: number;
  metrics: number;
  /** Bytes of snapshot payload (weights, biases and their gradients) cloned in the run. */
  snapshotBytes: number;
}

/** One full run through the trainer host with streaming on. */
function trainThroughHost(project: Project): Promise<StreamedRun> {
  return new Promise((resolve, reject) => {
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
    let t0 = -1;
    let snapshots = 0;
    let metrics = 0;
    let snapshotBytes = 0;
    const consume = (raw: unknown): void => {
      type Bytes = { byteLength: number };
      const m = raw as { type: string; seq?: number; layers?: { weights: Bytes; bias: Bytes | null; dWeights?: Bytes; dBias?: Bytes | null }[]; message?: string; reason?: string };
      if (m.type === 'status' && t0 < 0) t0 = performance.now();
      if (m.type === 'metrics') metrics++;
      if (m.type === 'snapshot') {
        snapshots++;
        for (const l of m.layers ?? []) snapshotBytes += l.weights.byteLength + (l.bias?.byteLength ?? 0) + (l.dWeights?.byteLength ?? 0) + (l.dBias?.byteLength ?? 0);
        const seq = m.seq ?? 0;
        setTimeout(() => inbox.toHost?.({ v: PROTOCOL_VERSION, type: 'snapshot-ack', runId: 'bench', seq }), ACK_DELAY_MS);
      }
      if (m.type === 'error') reject(new Error(`trainer error: ${m.message}`));
      if (m.type === 'done') {
        const seconds = (performance.now() - t0) / 1000;
        if (m.reason !== 'completed') reject(new Error(`the run ended ${m.reason}`));
        else resolve({ seconds, snapshots, metrics, snapshotBytes });
      }
    };
    const port: Port = {
      // postMessage copies by structured clone on the sender's side; do the same work here.
      post: (message) => consume(structuredClone(message)),
      onMessage: (handler) => {
        inbox.toHost = handler;
      },
    };
    host.attach(port);
    // What the renderer asks for with the network and gradient views open (viewsRequest in
    // store/views-slice.ts): unit health, and per-weight gradients of the layers up to 64 units.
    inbox.toHost?.({ v: PROTOCOL_VERSION, type: 'set-views', views: { unitHealth: true, weightGradients: true } });
    inbox.toHost?.({ v: PROTOCOL_VERSION, type: 'start', runId: 'bench', project, paused: false, stepsPerSecond: 0 });
  });
}

runMain(async () => {
  const quick = process.argv.includes('--quick');
  const info: Record<string, number | string> = {};
  for (const id of ['W1', 'W3']) {
    const w = workloadById(id);
    // Throughput is a steady-state figure: W1's 200 epochs take about 0.15 s, in which the run's
    // fixed costs (first and last snapshot, the last flush, \`done\`) would weigh as much as
    // many seconds of streaming, so W1 trains 5 × longer here. W3 runs its own epochs.
    const epochs = id === 'W1' ? w.epochs * 5 : w.epochs;
    const project = projectFor(w, quick ? Math.max(1, Math.round(epochs / 10)) : epochs);
    trainEngine(project);
    await trainThroughHost(project);
    const off: number[] = [];
    const on: StreamedRun[] = [];
    // Alternating, so a neighbour's load hits both sides alike.
    for (let i = 0; i < 5; i++) {
      off.push(trainEngine(project).seconds);
      on.push(await trainThroughHost(project));
    }
    const offSeconds = median(off);
    const onSeconds = median(on.map((r) => r.seconds));
    const mid = on.find((r) => r.seconds === onSeconds) ?? on[0];
    info[`${id}.offSeconds`] = offSeconds;
    info[`${id}.onSeconds`] = onSeconds;
    // Throughput with streaming ÷ without: 1 = free, 0.9 = costs 10%.
    info[`${id}.throughputRatio`] = offSeconds / onSeconds;
    info[`${id}.snapshotsPerSecond`] = mid.snapshots / mid.seconds;
    info[`${id}.snapshotMBPerSecond`] = mid.snapshotBytes / mid.seconds / 1e6;
    info[`${id}.metricsPerSecond`] = mid.metrics / mid.seconds;
    console.error(`${id}: off ${offSeconds.toFixed(3)} s, on ${onSeconds.toFixed(3)} s (${(100 * (1 - offSeconds / onSeconds)).toFixed(1)}% cost), ${(mid.snapshots / mid.seconds).toFixed(1)} snapshots/s`);
  }
  return { times: [], finalLoss: NaN, steps: 0, info };
});
