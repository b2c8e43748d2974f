/**
 * The trainer host in-process, with a fake environment (a manual clock and a task queue),
 * so step counts and message order are exact.
 */
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { notesLinearProject } from '../engine/helpers/projects';
import { PROTOCOL_VERSION, type FromTrainer, type ToTrainerInput } from '../../src-engine/protocol/messages';
import { createTrainerHost } from '../../src-main/trainer-host';
import { inProcessHost } from './in-process-host';

/** The shared in-process host, with the step numbers of one run's metrics. */
function harness() {
  const h = inProcessHost();
  return { ...h, steps: (runId: string) => h.metricSteps(runId).map((s) => s.step) };
}

const start = (runId: string, extra: Partial<Extract<ToTrainerInput, { type: 'start' }>> = {}): ToTrainerInput => ({
  v: PROTOCOL_VERSION,
  type: 'start',
  runId,
  project: createSpiralExample(),
  ...extra,
});

describe('trainer host', () => {
  it('sends ready on attach', () => {
    const h = harness();
    expect(h.received[0]).toEqual({ v: PROTOCOL_VERSION, type: 'ready', host: 'test' });
  });

  it('steps exactly the requested batches while paused, and reports each step once', () => {
    const h = harness();
    h.send(start('r', { paused: true }));
    h.run();
    expect(h.last('status')).toMatchObject({ state: 'paused', step: 0 });
    h.send({ v: PROTOCOL_VERSION, type: 'step', runId: 'r', count: 5 });
    h.run();
    h.send({ v: PROTOCOL_VERSION, type: 'step', runId: 'r' });
    h.run();
    expect(h.last('status')).toMatchObject({ state: 'paused', step: 6 });
    expect(h.steps('r')).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('steps one epoch to the epoch boundary and stops there', () => {
    const h = harness();
    h.send(start('r', { paused: true }));
    h.send({ v: PROTOCOL_VERSION, type: 'step', runId: 'r', count: 2 });
    h.send({ v: PROTOCOL_VERSION, type: 'step', runId: 'r', unit: 'epoch' });
    h.run();
    const status = h.last('status')!;
    expect(status.epoch).toBe(1);
    expect(status.step).toBe(status.stepsPerEpoch);
    expect(status.state).toBe('paused');
  });

  it('pauses and resumes without losing or repeating a step', () => {
    const h = harness();
    h.send(start('r'));
    h.run(3);
    h.send({ v: PROTOCOL_VERSION, type: 'pause', runId: 'r' });
    h.run();
    const paused = h.last('status')!;
    expect(paused.state).toBe('paused');
    expect(paused.step).toBeGreaterThan(0);
    h.send({ v: PROTOCOL_VERSION, type: 'resume', runId: 'r' });
    h.run(3);
    h.send({ v: PROTOCOL_VERSION, type: 'stop', runId: 'r' });
    h.run();
    const steps = h.steps('r');
    expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => i + 1));
    expect(h.last('done')).toMatchObject({ runId: 'r', reason: 'stopped', step: steps.length });
  });

  it('runs to completion and reports done with the last epoch', () => {
    const h = harness();
    const project = createSpiralExample();
    project.training.epochs = 3;
    h.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'r', project });
    h.run();
    const done = h.last('done')!;
    expect(done).toMatchObject({ reason: 'completed', epoch: 3 });
    const epochs = h.received.flatMap((m) => (m.type === 'metrics' ? m.epochs.map((e) => e.epoch) : []));
    expect(epochs).toEqual([1, 2, 3]);
  });

  it('stops the old run when a new one starts, so two runs never mix', () => {
    const h = harness();
    h.send(start('a'));
    h.run(2);
    h.send(start('b'));
    h.run(4);
    const doneA = h.received.findIndex((m) => m.type === 'done' && m.runId === 'a');
    expect(doneA).toBeGreaterThan(-1);
    const afterDone = h.received.slice(doneA + 1).filter((m) => 'runId' in m && m.runId === 'a');
    expect(afterDone).toEqual([]);
    expect(h.steps('b')[0]).toBe(1);
  });

  it('slows to the requested steps per second', () => {
    const h = harness();
    h.send(start('r', { stepsPerSecond: 10 }));
    h.run(10);
    // Each step waits for a 100 ms timer, so ten queue turns cover at most five steps,
    // where full speed would take hundreds.
    h.send({ v: PROTOCOL_VERSION, type: 'stop', runId: 'r' });
    h.run();
    const done = h.last('done')!;
    expect(done.step).toBeGreaterThan(0);
    expect(done.step).toBeLessThanOrEqual(5);
  });

  it('answers bad messages and unknown runs with errors', () => {
    const h = harness();
    h.send({ type: 'start' });
    h.send({ v: PROTOCOL_VERSION, type: 'resume', runId: 'ghost' });
    const errors = h.received.filter((m) => m.type === 'error');
    expect(errors.map((e) => e.type === 'error' && e.code)).toEqual(['bad-message', 'unknown-run']);
  });

  it('keeps at most one snapshot in flight for a consumer that does not acknowledge, and ends with the latest', () => {
    const h = harness();
    h.send(start('r'));
    // Roughly 30 s of fake time at full speed: an acknowledging consumer would get ~900 snapshots.
    for (let i = 0; i < 40 && (h.last('status')?.step ?? 0) < 5000; i++) h.run(50);
    h.send({ v: PROTOCOL_VERSION, type: 'pause', runId: 'r' });
    h.run();
    const snapshots = h.received.filter((m) => m.type === 'snapshot');
    const status = h.last('status')!;
    const fakeSeconds = h.time() / 1000;
    expect(fakeSeconds).toBeGreaterThan(3);
    // One per SNAPSHOT_ACK_TIMEOUT_MS, plus the first and the one that ends the pause.
    expect(snapshots.length).toBeLessThanOrEqual(Math.ceil(fakeSeconds) + 2);
    const lastSnapshot = snapshots.at(-1)!;
    expect(lastSnapshot.type === 'snapshot' && lastSnapshot.step).toBe(status.step);
  });

  it('sends snapshots at the interval to a consumer that acknowledges each one', () => {
    const h = harness();
    h.send(start('r'));
    let acked = 0;
    for (let i = 0; i < 200; i++) {
      h.run(1);
      for (const m of h.received) {
        if (m.type === 'snapshot' && m.seq > acked) {
          acked = m.seq;
          h.send({ v: PROTOCOL_VERSION, type: 'snapshot-ack', runId: 'r', seq: m.seq });
        }
      }
    }
    h.send({ v: PROTOCOL_VERSION, type: 'stop', runId: 'r' });
    h.run();
    const seqs = h.received.flatMap((m) => (m.type === 'snapshot' ? [m.seq] : []));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs.length).toBeGreaterThan(20);
  });

  it('ignores an acknowledgement that arrives after its run ended', () => {
    const h = harness();
    h.send({ v: PROTOCOL_VERSION, type: 'snapshot-ack', runId: 'old', seq: 3 });
    expect(h.received.filter((m) => m.type === 'error')).toEqual([]);
  });

  it('stops a diverging run with a message naming the step and layer, keeping finite weights', () => {
    const h = harness();
    const project = notesLinearProject({ optimizer: { type: 'sgd', lr: 1000 }, epochs: 100_000 });
    h.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'd', project });
    h.run();
    const error = h.received.find((m) => m.type === 'error');
    expect(error).toMatchObject({ runId: 'd', code: 'diverged', nodeId: 'b1' });
    expect(error?.type === 'error' && error.message).toMatch(/step \d+/i);
    expect(h.last('done')).toMatchObject({ runId: 'd', reason: 'diverged' });
    const snapshot = h.last('snapshot')!;
    expect(Array.from(snapshot.layers[0].weights).every(Number.isFinite)).toBe(true);
    const losses = h.received.flatMap((m) => (m.type === 'metrics' ? Array.from(m.steps.loss) : []));
    expect(losses.every(Number.isFinite)).toBe(true);
  });

  it('serves several ports at once, each with its own run (an optimizer race)', () => {
    const tasks: (() => void)[] = [];
    let clock = 0;
    const host = createTrainerHost({ hostName: 't', now: () => clock++, defer: (fn) => tasks.push(fn), setTimer: () => () => undefined });
    const lanes = ['sgd', 'adam', 'rmsprop'].map((type) => {
      const received: FromTrainer[] = [];
      let handler: (m: unknown) => void = () => undefined;
      host.attach({ post: (m) => received.push(m as FromTrainer), onMessage: (h) => (handler = h) });
      const project = createSpiralExample();
      project.training.optimizer = { type } as never;
      project.training.epochs = 2;
      handler({ v: PROTOCOL_VERSION, type: 'start', runId: type, project });
      return { type, received };
    });
    for (let i = 0; i < 100_000 && tasks.length > 0; i++) tasks.shift()!();
    for (const lane of lanes) {
      const runIds = new Set(lane.received.flatMap((m) => ('runId' in m && m.runId ? [m.runId] : [])));
      expect([...runIds]).toEqual([lane.type]);
      expect(lane.received.find((m) => m.type === 'done')).toMatchObject({ reason: 'completed', epoch: 2 });
    }
    const finalLoss = (lane: (typeof lanes)[number]) =>
      lane.received.flatMap((m) => (m.type === 'metrics' ? m.epochs : [])).at(-1)!.trainLoss;
    // Different optimizers, different results: the runs did not share state.
    expect(new Set(lanes.map(finalLoss)).size).toBe(3);
  });

  it('keeps a paced run at the requested rate even when each step takes time', () => {
    const h = harness();
    h.send(start('p', { stepsPerSecond: 100 }));
    while (h.time() < 2000) h.run(1);
    h.send({ v: PROTOCOL_VERSION, type: 'pause', runId: 'p' });
    h.run();
    // 2 s at 100 steps/s: about 200 steps, although every step here costs several fake ms.
    const steps = h.last('status')!.step;
    expect(steps).toBeGreaterThanOrEqual(190);
    expect(steps).toBeLessThanOrEqual(205);
  });
});
