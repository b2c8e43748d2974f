/**
 * The trainer host in-process on a fake environment, for the protocol tests: a manual clock
 * that every reading advances 1 ms (so a slice covers a bounded number of steps), a task
 * queue, and timers that fire in order of their due time once the queue is empty. Every
 * message the host posts is checked with `parseFromTrainer` and received as a structured
 * clone with its transfer list applied, as through a real port.
 */
import { parseFromTrainer, stepPointsFrom, type FromTrainer, type StepPoint, type ToTrainerInput } from '../../src-engine/protocol/messages';
import type { Port } from '../../src-main/port';
import { createTrainerHost, type HostEnvironment } from '../../src-main/trainer-host';

type Message<T extends FromTrainer['type']> = Extract<FromTrainer, { type: T }>;

export interface InProcessHost {
  /** Every message posted, in order (the first is 'ready'). */
  received: FromTrainer[];
  /** The buffers each post in `received` transferred, at the same index. */
  transferred: ArrayBuffer[][];
  /** The fake clock, in ms. */
  time(): number;
  /** Delivers a message to the host as its port would (unchecked: the host parses it). */
  send(message: ToTrainerInput | unknown): void;
  /** Runs queued tasks (and due timers, advancing the clock) up to `limit` times. */
  run(limit?: number): void;
  /** Every received message of one type. */
  all<T extends FromTrainer['type']>(type: T): Message<T>[];
  /** The last received message of one type. */
  last<T extends FromTrainer['type']>(type: T): Message<T> | undefined;
  /** The step points of one run, from all its 'metrics' messages' columns, in order. */
  metricSteps(runId: string): StepPoint[];
}

/** Attaches a new host to a fake port; 'ready' is already in `received`. */
export function inProcessHost(): InProcessHost {
  let clock = 0;
  const tasks: (() => void)[] = [];
  const timers: { at: number; fn: () => void }[] = [];
  const env: HostEnvironment = {
    hostName: 'test',
    now: () => clock++,
    defer: (fn) => tasks.push(fn),
    setTimer: (fn, ms) => {
      const timer = { at: clock + ms, fn };
      timers.push(timer);
      return () => {
        const i = timers.indexOf(timer);
        if (i >= 0) timers.splice(i, 1);
      };
    },
  };
  const received: FromTrainer[] = [];
  const transferred: ArrayBuffer[][] = [];
  let handler: (m: unknown) => void = () => undefined;
  const port: Port = {
    post: (m, transfer = []) => {
      const parsed = parseFromTrainer(m);
      if (!parsed.ok) throw new Error(parsed.error);
      received.push(structuredClone(parsed.message, { transfer }));
      transferred.push(transfer);
    },
    onMessage: (h) => {
      handler = h;
    },
  };
  createTrainerHost(env).attach(port);
  const all = <T extends FromTrainer['type']>(type: T) => received.filter((m): m is Message<T> => m.type === type);
  return {
    received,
    transferred,
    time: () => clock,
    send: (m) => handler(m),
    run(limit = 10_000) {
      for (let i = 0; i < limit; i++) {
        const task = tasks.shift();
        if (task) task();
        else if (timers.length > 0) {
          timers.sort((a, b) => a.at - b.at);
          const timer = timers.shift()!;
          clock = Math.max(clock, timer.at);
          timer.fn();
        } else return;
      }
    },
    all,
    last: (type) => all(type).at(-1),
    metricSteps: (runId) => received.flatMap((m) => (m.type === 'metrics' && m.runId === runId ? stepPointsFrom(m.steps) : [])),
  };
}
