/**
 * Test helper: starts the BUILT trainer bundle (out/main/trainer.js) as a real Node child
 * process with IPC, and collects what it sends.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseFromTrainer, type FromTrainer, type ToTrainerInput } from '../../src-engine/protocol/messages';

export const TRAINER_BUNDLE = join(import.meta.dirname, '../../out/main/trainer.js');

export interface TrainerChild {
  process: ChildProcess;
  messages: FromTrainer[];
  /** Raw messages that did not validate against the protocol. */
  invalid: unknown[];
  send(message: ToTrainerInput | unknown): void;
  /** Resolves with the first message (from now or already received after `from`) matching `pred`. */
  waitFor<T extends FromTrainer>(pred: (m: FromTrainer) => m is T, timeoutMs?: number, from?: number): Promise<T>;
  waitFor(pred: (m: FromTrainer) => boolean, timeoutMs?: number, from?: number): Promise<FromTrainer>;
  exited: Promise<number | null>;
  kill(): void;
}

export function startTrainerChild(): TrainerChild {
  if (!existsSync(TRAINER_BUNDLE)) {
    throw new Error(`${TRAINER_BUNDLE} does not exist: run \`npm run build\` before the integration tests.`);
  }
  const child = fork(TRAINER_BUNDLE, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const messages: FromTrainer[] = [];
  const invalid: unknown[] = [];
  const waiters = new Set<() => void>();
  child.on('message', (raw) => {
    const parsed = parseFromTrainer(raw);
    if (parsed.ok) messages.push(parsed.message);
    else invalid.push(raw);
    for (const w of [...waiters]) w();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    process: child,
    messages,
    invalid,
    send: (message) => child.send(message as object),
    waitFor(pred: (m: FromTrainer) => boolean, timeoutMs = 15_000, from = 0) {
      return new Promise<FromTrainer>((resolve, reject) => {
        const check = () => {
          const found = messages.slice(from).find(pred);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for a trainer message; got: ${messages.map((m) => m.type).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    exited,
    kill: () => {
      if (child.exitCode === null) child.kill();
    },
  } as TrainerChild;
}
