/**
 * The status line's elapsed time: the trainer's own count (`elapsedMs` of 'status' and
 * 'done') is the truth, the store's clock only fills the gaps between messages while
 * running; and formatDuration writes short times in ms.
 */
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type FromTrainerInput } from '../../src-engine/protocol/messages';
import { formatDuration } from '../../src-renderer/nodes/format';
import { createAppStore } from '../../src-renderer/store/app-store';
import { elapsedMs } from '../../src-renderer/store/run-status';
import { createFakeConnection } from './fixtures';

function setup() {
  let clock = 0;
  const store = createAppStore(undefined, { now: () => clock, newRunId: () => 'run-1' });
  const connection = createFakeConnection();
  store.getState().attachTrainer(connection);
  store.getState().train();
  return {
    store,
    connection,
    tick: (ms: number) => (clock += ms),
    /** The elapsed time the status line shows now. */
    shown: () => elapsedMs(store.getState().run, clock),
  };
}

const status = (state: 'running' | 'paused', elapsed: number, step = 10): FromTrainerInput => ({
  v: PROTOCOL_VERSION,
  type: 'status',
  runId: 'run-1',
  state,
  step,
  epoch: 0,
  epochs: 10,
  stepsPerEpoch: 20,
  samplesPerSecond: 100,
  elapsedMs: elapsed,
});

describe('elapsed time of a run', () => {
  it("shows the trainer's time for a run that finished before the store saw it running", () => {
    const { connection, tick, shown } = setup();
    tick(30);
    // The run's whole life reaches the store at once: it never saw 'running' take time.
    connection.deliver(status('running', 0, 0));
    connection.deliver({ v: PROTOCOL_VERSION, type: 'status', runId: 'run-1', state: 'done', step: 1200, epoch: 200, epochs: 200, stepsPerEpoch: 6, samplesPerSecond: 0, elapsedMs: 48 });
    connection.deliver({ v: PROTOCOL_VERSION, type: 'done', runId: 'run-1', reason: 'completed', step: 1200, epoch: 200, elapsedMs: 48 });
    expect(shown()).toBe(48);
    tick(10_000);
    expect(shown()).toBe(48);
  });

  it('ticks on from the last status while running, and takes each new status as the truth', () => {
    const { connection, tick, shown } = setup();
    connection.deliver(status('running', 1000));
    tick(250);
    expect(shown()).toBe(1000 + 250);
    // The trainer's count wins over the store's clock (here the message came late).
    connection.deliver(status('running', 1200));
    expect(shown()).toBe(1200);
    tick(100);
    expect(shown()).toBe(1200 + 100);
  });

  it('stands still while paused, whatever time passes', () => {
    const { connection, tick, shown } = setup();
    connection.deliver(status('running', 500));
    tick(40);
    connection.deliver(status('paused', 540));
    tick(60_000);
    expect(shown()).toBe(540);
    connection.deliver(status('running', 540));
    tick(10);
    expect(shown()).toBe(550);
  });

  it('measures state changes itself when the trainer sends no time', () => {
    const { connection, tick, shown } = setup();
    const { elapsedMs: _, ...legacy } = status('running', 0) as Extract<FromTrainerInput, { type: 'status' }>;
    connection.deliver(legacy);
    tick(700);
    connection.deliver({ ...legacy, state: 'paused' });
    tick(5000);
    expect(shown()).toBe(700);
  });
});

describe('formatDuration', () => {
  it('writes times under a second in ms, then seconds with one decimal, then m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0.0 s');
    expect(formatDuration(0.4)).toBe('< 1 ms');
    expect(formatDuration(48)).toBe('48 ms');
    expect(formatDuration(48.6)).toBe('49 ms');
    expect(formatDuration(999.4)).toBe('999 ms');
    // 999.6 ms would round to "1000 ms": shown as a second instead.
    expect(formatDuration(999.6)).toBe('1.0 s');
    expect(formatDuration(4_200)).toBe('4.2 s');
    expect(formatDuration(59_940)).toBe('59.9 s');
    // 61 s = 1 min 1 s; 3,723 s = 1 h 2 min 3 s.
    expect(formatDuration(61_000)).toBe('1:01');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });
});
