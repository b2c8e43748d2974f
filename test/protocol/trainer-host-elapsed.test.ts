/**
 * The trainer's own count of a run's training time (`elapsedMs` of 'status' and 'done'),
 * in-process on a fake clock that advances 1 ms per reading and that the test can move on
 * by itself (time spent paused, while the host does nothing). The bounds are the fake
 * clock's readings around the run, taken by the test, not by the host.
 */
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { PROTOCOL_VERSION, parseFromTrainer, type FromTrainer, type ToTrainerInput } from '../../src-engine/protocol/messages';
import { createTrainerHost } from '../../src-main/trainer-host';

/** A long pause in fake ms: far more than the whole run's training takes on this clock. */
const PAUSE_MS = 60_000;
/**
 * Fake ms the host reads outside the running stretches (the pause and resume handling, the
 * final reports): the count may fall short of wall time minus pauses by at most this.
 */
const HANDLING_MS = 20;

function harness() {
  let clock = 0;
  const tasks: (() => void)[] = [];
  const received: FromTrainer[] = [];
  let handler: (m: unknown) => void = () => undefined;
  createTrainerHost({
    hostName: 'test',
    now: () => clock++,
    defer: (fn) => tasks.push(fn),
    setTimer: (fn) => (tasks.push(fn), () => undefined),
  }).attach({
    post: (m) => {
      const parsed = parseFromTrainer(m);
      if (!parsed.ok) throw new Error(parsed.error);
      received.push(parsed.message);
    },
    onMessage: (h) => (handler = h),
  });
  return {
    received,
    time: () => clock,
    /** Time passes with nothing to do (the user looks at a paused run). */
    wait: (ms: number) => (clock += ms),
    send: (m: ToTrainerInput) => handler(m),
    run: (limit = 100_000) => {
      for (let i = 0; i < limit && tasks.length > 0; i++) tasks.shift()!();
    },
    statuses: () => received.filter((m): m is Extract<FromTrainer, { type: 'status' }> => m.type === 'status'),
    done: () => received.find((m): m is Extract<FromTrainer, { type: 'done' }> => m.type === 'done'),
  };
}

function spiral(epochs: number) {
  const project = createSpiralExample();
  project.training.epochs = epochs;
  return project;
}

describe("the trainer's training time", () => {
  it('does not count the time a run spends paused', () => {
    const h = harness();
    const startedAt = h.time();
    h.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'r', project: spiral(20), checkpointEverySeconds: 0 });
    h.run(3);
    h.send({ v: PROTOCOL_VERSION, type: 'pause', runId: 'r' });
    h.run();
    const pausedAt = h.time();
    const atPause = h.statuses().at(-1)!;
    expect(atPause.state).toBe('paused');
    expect(atPause.elapsedMs).toBeGreaterThan(0);
    expect(atPause.elapsedMs).toBeLessThanOrEqual(pausedAt - startedAt);

    h.wait(PAUSE_MS);
    h.send({ v: PROTOCOL_VERSION, type: 'resume', runId: 'r' });
    h.run();
    const done = h.done()!;
    expect(done.reason).toBe('completed');
    const activeWall = h.time() - startedAt - PAUSE_MS;
    expect(done.elapsedMs).toBeGreaterThan(atPause.elapsedMs!);
    expect(done.elapsedMs).toBeLessThanOrEqual(activeWall);
    expect(done.elapsedMs).toBeGreaterThanOrEqual(activeWall - HANDLING_MS);
    // The status that ends the run says the same, and the count never went backwards.
    const times = h.statuses().map((s) => s.elapsedMs!);
    expect(times.at(-1)).toBe(done.elapsedMs);
    expect(times).toEqual(times.slice().sort((a, b) => a - b));
  });

  it('counts the steps taken with Step while paused, not the wait before them', () => {
    const h = harness();
    h.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'r', project: spiral(20), paused: true, checkpointEverySeconds: 0 });
    h.run();
    expect(h.statuses().at(-1)).toMatchObject({ state: 'paused', step: 0, elapsedMs: 0 });
    h.wait(PAUSE_MS);
    const stepAt = h.time();
    h.send({ v: PROTOCOL_VERSION, type: 'step', runId: 'r', count: 5 });
    h.run();
    const after = h.statuses().at(-1)!;
    expect(after).toMatchObject({ state: 'paused', step: 5 });
    expect(after.elapsedMs).toBeGreaterThan(0);
    expect(after.elapsedMs).toBeLessThanOrEqual(h.time() - stepAt);
  });

  it('reports the time of a run that finishes within its first slice', () => {
    const h = harness();
    const startedAt = h.time();
    h.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'r', project: spiral(1), checkpointEverySeconds: 0 });
    h.run();
    const done = h.done()!;
    expect(done.reason).toBe('completed');
    // Only the opening status saw the run running, before its first step.
    expect(h.statuses().filter((s) => s.state === 'running')).toHaveLength(1);
    expect(done.elapsedMs).toBeGreaterThan(0);
    expect(done.elapsedMs).toBeLessThanOrEqual(h.time() - startedAt);
  });
});
