/**
 * Rapid-fire control against the real trainer process: hundreds of Train / Pause / Resume /
 * Step / Stop / Reset / speed changes and graph edits, as fast as they can be sent, never
 * deadlock the trainer, never mix two runs' data (each run has an id; stale messages are
 * dropped) and leave no process behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { parseFromTrainer, PROTOCOL_VERSION, type FromTrainer } from '../../src-engine/protocol/messages';
import type { TrainerConnection } from '../../src-renderer/bridge/trainer-connection';
import { createAppStore } from '../../src-renderer/store/app-store';
import { SPEEDS } from '../../src-renderer/store/run-slice';
import { startTrainerChild, type TrainerChild } from './trainer-child';

let child: TrainerChild | null = null;
afterEach(() => {
  child?.kill();
  child = null;
});

/** A small seeded generator (mulberry32), so a failure replays the same sequence. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The store's connection over the child's IPC channel, validated as the real bridge does. */
function connectionTo(c: TrainerChild): TrainerConnection {
  return {
    send: (msg) => c.send(msg),
    subscribe(fn) {
      const handler = (raw: unknown) => {
        const parsed = parseFromTrainer(raw);
        if (parsed.ok) fn(parsed.message);
      };
      c.process.on('message', handler);
      return () => c.process.off('message', handler);
    },
  };
}

const tick = () => new Promise((r) => setImmediate(r));

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting until ${what}.`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Per run: its step records arrive in order without gaps, and after its `done` it sends
 * nothing of its own accord (answers to explicit requests, a checkpoint or the model of the
 * finished run, are still allowed: exporting after training is a feature).
 */
function checkRunsDoNotMix(messages: FromTrainer[]): void {
  const lastStep = new Map<string, number>();
  const finished = new Set<string>();
  const order: string[] = [];
  for (const m of messages) {
    if (!('runId' in m) || m.runId === null) continue;
    if (m.type === 'error' && (m.code === 'unknown-run' || m.code === 'invalid-project')) continue;
    const answer = (m.type === 'checkpoint' && m.reason === 'request') || m.type === 'model';
    if (!answer) expect(finished.has(m.runId), `a "${m.type}" of run ${m.runId} after its done`).toBe(false);
    if (order.at(-1) !== m.runId) {
      // Runs follow each other: once a newer run speaks, an older one never does again.
      expect(order.includes(m.runId), `run ${m.runId} speaks again after a newer run started`).toBe(false);
      order.push(m.runId);
    }
    if (m.type === 'metrics') {
      for (const step of m.steps.step) {
        const previous = lastStep.get(m.runId);
        if (previous !== undefined) expect(step, `steps of run ${m.runId}`).toBe(previous + 1);
        lastStep.set(m.runId, step);
      }
    }
    if (m.type === 'done') finished.add(m.runId);
  }
}

describe('rapid-fire control of the real trainer process', () => {
  it('survives 600 random UI actions and graph edits, then trains the last run cleanly', async () => {
    child = startTrainerChild();
    await child.waitFor((m) => m.type === 'ready');
    const store = createAppStore(createSpiralExample(), { afterFrame: (fn) => setImmediate(fn) });
    const detach = store.getState().attachTrainer(connectionTo(child));
    const random = seeded(20240611);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const actions: (() => void)[] = [
      () => store.getState().train(),
      () => store.getState().pause(),
      () => store.getState().resume(),
      () => store.getState().step(),
      () => store.getState().step('epoch'),
      () => store.getState().stop(),
      () => store.getState().reset(),
      () => store.getState().setSpeed(pick(SPEEDS)),
      () => store.getState().setLiveHyperparameters({ lr: 0.001 + random() * 0.05 }),
      // Changing the graph during training: the next run trains the new graph.
      () => store.getState().updateNodeData('hidden1', { units: pick([4, 6, 8, 12]) }),
    ];
    for (let i = 0; i < 600; i++) {
      pick(actions)();
      if (random() < 0.3) await tick();
    }

    // The last run: 3 epochs at full speed, from a reset.
    store.getState().reset();
    store.getState().setSpeed(0);
    store.getState().updateTraining({ epochs: 3 });
    store.getState().train();
    const finalRun = store.getState().run.runId;
    await until('the last run completes', () => store.getState().run.state === 'done');
    const { run, history } = store.getState();
    expect(run.runId).toBe(finalRun);
    const stepsPerEpoch = run.stepsPerEpoch;
    expect(stepsPerEpoch).toBeGreaterThan(0);
    expect(run.step).toBe(3 * stepsPerEpoch);
    // Only the last run's steps are in the chart: 1 … N, each once.
    expect(history.stepX).toEqual(Array.from({ length: 3 * stepsPerEpoch }, (_, i) => i + 1));
    expect(history.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);

    // Not deadlocked: the trainer still answers at once.
    const from = child.messages.length;
    child.send({ v: PROTOCOL_VERSION, type: 'ping', nonce: 77 });
    await child.waitFor((m) => m.type === 'pong' && m.nonce === 77, 5_000, from);
    checkRunsDoNotMix(child.messages);
    expect(child.invalid).toEqual([]);
    detach();

    // No process left behind: the trainer exits cleanly when its parent lets go.
    child.process.disconnect();
    expect(await child.exited).toBe(0);
  }, 120_000);

  it('answers a burst of 1,000 protocol messages with stale and current run ids in order', async () => {
    child = startTrainerChild();
    await child.waitFor((m) => m.type === 'ready');
    const project = createSpiralExample();
    const random = seeded(7);
    let current = 0;
    for (let i = 0; i < 1000; i++) {
      const r = random();
      const runId = `r${random() < 0.8 ? current : Math.floor(random() * (current + 1))}`;
      if (r < 0.1) child.send({ v: PROTOCOL_VERSION, type: 'start', runId: `r${++current}`, project, paused: random() < 0.5, stepsPerSecond: 0 });
      else if (r < 0.4) child.send({ v: PROTOCOL_VERSION, type: 'step', runId, count: 1 + Math.floor(random() * 5) });
      else if (r < 0.55) child.send({ v: PROTOCOL_VERSION, type: 'pause', runId });
      else if (r < 0.7) child.send({ v: PROTOCOL_VERSION, type: 'resume', runId });
      else if (r < 0.8) child.send({ v: PROTOCOL_VERSION, type: 'stop', runId });
      else if (r < 0.9) child.send({ v: PROTOCOL_VERSION, type: 'request-checkpoint', runId });
      else child.send({ v: PROTOCOL_VERSION, type: 'snapshot-ack', runId, seq: Math.floor(random() * 10) });
    }
    const last = `r${current + 1}`;
    child.send({ v: PROTOCOL_VERSION, type: 'start', runId: last, project, paused: true });
    child.send({ v: PROTOCOL_VERSION, type: 'step', runId: last, count: 25 });
    const snap = await child.waitFor((m) => m.type === 'snapshot' && m.runId === last && m.step === 25, 30_000);
    expect(snap.type).toBe('snapshot');
    // Every checkpoint holds its own run's state: at or after the step that run reported
    // before it, and at or before the last step the run ever reported (never another run's).
    const final = new Map<string, number>();
    for (const m of child.messages) if (m.type === 'status' || m.type === 'done') final.set(m.runId, Math.max(final.get(m.runId) ?? 0, m.step));
    const reported = new Map<string, number>();
    let checkpoints = 0;
    for (const m of child.messages) {
      if (m.type === 'status' || m.type === 'done') reported.set(m.runId, Math.max(reported.get(m.runId) ?? 0, m.step));
      if (m.type === 'checkpoint') {
        checkpoints++;
        expect(m.checkpoint.step).toBeGreaterThanOrEqual(reported.get(m.runId) ?? 0);
        expect(m.checkpoint.step).toBeLessThanOrEqual(final.get(m.runId) ?? 0);
      }
    }
    expect(checkpoints).toBeGreaterThan(0);
    checkRunsDoNotMix(child.messages);
    expect(child.invalid).toEqual([]);
    child.process.disconnect();
    expect(await child.exited).toBe(0);
  }, 120_000);
});
