/**
 * The host's full-speed loop, driven in this process with a clock that only moves when a
 * step is taken (every step "takes" STEP_MS), so slice lengths and clock reads are exact
 * counts, not timings.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { PROTOCOL_VERSION, type FromTrainer } from '../../src-engine/protocol/messages';
import { createTrainingSession } from '../../src-engine/training-session';
import { createTrainerHost } from '../../src-main/trainer-host';
import { CLOCK_READS_PER_SLICE, SLICE_MS } from '../../src-main/trainer-loop';

/** Fake time one training step takes: 2,400 steps fill a slice, as for a small network. */
const STEP_MS = 0.01;
/** Clock reads outside the step loop in one burst (slice start, flush, snapshot, checkpoint check). */
const OTHER_READS = 8;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the trainer host at full speed', () => {
  it('reads the clock a bounded number of times a slice, ends slices on time and loses no step', () => {
    const project = createSpiralExample();
    project.training.epochs = 600; // 20 steps an epoch (320 training samples, batches of 16): 12,000 steps, 5 slices
    const created = createTrainingSession(project);
    if (!created.ok) throw new Error(created.error);
    const total = 600 * created.session.stepsPerEpoch;
    const proto = Object.getPrototypeOf(created.session) as { trainStep: () => unknown };
    const trainStep = proto.trainStep;
    let clock = 0;
    let reads = 0;
    let steps = 0;
    vi.spyOn(proto, 'trainStep').mockImplementation(function (this: unknown) {
      clock += STEP_MS;
      steps++;
      return trainStep.call(this);
    });

    const queue: (() => void)[] = [];
    const host = createTrainerHost({
      hostName: 'test',
      now: () => {
        reads++;
        return clock;
      },
      defer: (fn) => queue.push(fn),
      setTimer: () => {
        throw new Error('a full-speed run sets no timer');
      },
    });
    const received: FromTrainer[] = [];
    let toHost: ((m: unknown) => void) | null = null;
    host.attach({ post: (m) => received.push(m as FromTrainer), onMessage: (h) => (toHost = h) });
    const send = (m: unknown) => (toHost as unknown as (m: unknown) => void)(m);
    send({ v: PROTOCOL_VERSION, type: 'set-views', views: { unitHealth: true, weightGradients: true } });
    send({ v: PROTOCOL_VERSION, type: 'start', runId: 'r', project, paused: false, stepsPerSecond: 0 });

    const bursts: { steps: number; ms: number; reads: number }[] = [];
    while (queue.length > 0) {
      const [s0, c0, r0] = [steps, clock, reads];
      (queue.shift() as () => void)();
      bursts.push({ steps: steps - s0, ms: clock - c0, reads: reads - r0 });
    }

    const done = received.find((m) => m.type === 'done');
    expect(done).toMatchObject({ reason: 'completed', step: total });
    // Every step's point arrived once, in order.
    const streamed = received.flatMap((m) => (m.type === 'metrics' ? Array.from(m.steps.step) : []));
    expect(streamed).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(steps).toBe(total);

    // The first slice reads the clock after every step; later ones about CLOCK_READS_PER_SLICE times.
    const full = bursts.slice(1, -1);
    expect(full.length).toBeGreaterThanOrEqual(3);
    expect(bursts[0].reads).toBeGreaterThanOrEqual(bursts[0].steps);
    for (const b of full) {
      expect(b.reads).toBeLessThanOrEqual(CLOCK_READS_PER_SLICE + OTHER_READS);
      // A slice still ends once SLICE_MS have passed, overrunning by at most a stride of steps.
      expect(b.ms).toBeGreaterThanOrEqual(SLICE_MS - 1e-9);
      expect(b.ms).toBeLessThanOrEqual(SLICE_MS * (1 + 2 / CLOCK_READS_PER_SLICE));
    }
  });
});
