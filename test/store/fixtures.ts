/** Small fixtures for store tests: a fake trainer connection that records what was sent. */
import type { FromTrainer, FromTrainerInput, ToTrainerInput } from '../../src-engine/protocol/messages';
import { PROTOCOL_VERSION, parseFromTrainer, stepColumnsFrom } from '../../src-engine/protocol/messages';
import type { TrainerConnection } from '../../src-renderer/bridge/trainer-connection';
import { createAppStore } from '../../src-renderer/store/app-store';

export interface FakeConnection extends TrainerConnection {
  sent: ToTrainerInput[];
  /** Delivers a message as the trainer would (validated, as the real bridge does). */
  deliver(msg: FromTrainerInput): void;
  lose(reason: string): void;
}

export function createFakeConnection(): FakeConnection {
  const listeners = new Set<(msg: FromTrainer) => void>();
  const lostListeners = new Set<(reason: string) => void>();
  return {
    sent: [],
    send(msg) {
      this.sent.push(msg);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    onLost(fn) {
      lostListeners.add(fn);
      return () => lostListeners.delete(fn);
    },
    deliver(msg) {
      const parsed = parseFromTrainer(msg);
      if (!parsed.ok) throw new Error(`Test sent an invalid trainer message: ${parsed.error}`);
      for (const fn of listeners) fn(parsed.message);
    },
    lose(reason) {
      for (const fn of lostListeners) fn(reason);
    },
  };
}

/** A metrics message with one step point per loss, starting at `firstStep`. */
export function metrics(runId: string, losses: number[], firstStep = 1): FromTrainerInput {
  return {
    v: PROTOCOL_VERSION,
    type: 'metrics',
    runId,
    steps: stepColumnsFrom(losses.map((loss, i) => ({ step: firstStep + i, epoch: 0, loss, lr: 0.01 }))),
    epochs: [],
  };
}

/** A status message for `runId`. */
export function status(runId: string, state: 'running' | 'paused' | 'done', step = 0): FromTrainerInput {
  return { v: PROTOCOL_VERSION, type: 'status', runId, state, step, epoch: 0, epochs: 10, stepsPerEpoch: 20, samplesPerSecond: 100 };
}

/**
 * A store attached to a fake trainer, with run ids run-1, run-2 … and animation frames held
 * until `drawFrame()` runs them (as the renderer acknowledges snapshots after drawing).
 */
export function setupStoreWithFrames() {
  let n = 0;
  const frames: (() => void)[] = [];
  const store = createAppStore(undefined, { now: () => 0, newRunId: () => `run-${++n}`, afterFrame: (fn) => frames.push(fn) });
  const connection = createFakeConnection();
  store.getState().attachTrainer(connection);
  return { store, connection, drawFrame: () => frames.splice(0).forEach((fn) => fn()) };
}
