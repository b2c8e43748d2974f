/**
 * Browser build: the trainer runs in a Web Worker (src-main/trainer-worker.ts), the same
 * trainer host the desktop app runs in a utility process.
 */
import { createMessageConnection, Listeners, type TrainerConnection } from './trainer-connection';

/** Starts the trainer worker and connects to it. */
export function createWorkerConnection(): { connection: TrainerConnection; close(): void } {
  const worker = new Worker(new URL('../../src-main/trainer-worker.ts', import.meta.url), { type: 'module' });
  const { connection, close } = createMessageConnection(worker);
  const lost = new Listeners<string>();
  const onError = (event: ErrorEvent) => {
    // Keep the page alive; the store marks the run failed and shows the reason.
    event.preventDefault();
    lost.emit(`The trainer (Web Worker) failed: ${event.message || 'unknown error'}. Reload the page to restart it.`);
  };
  worker.addEventListener('error', onError);
  return {
    connection: { ...connection, onLost: (fn) => lost.add(fn) },
    close: () => {
      close();
      worker.removeEventListener('error', onError);
      worker.terminate();
    },
  };
}
