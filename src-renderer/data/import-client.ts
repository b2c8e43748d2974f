/**
 * The UI thread's side of the import worker: one request at a time, with progress, as
 * promises. `dispose` terminates the worker, which also cancels whatever it was doing.
 */
import { parseFromImportWorker, type FromImportWorker, type ToImportWorker } from './import-worker-messages';

type Reply = Exclude<FromImportWorker, { type: 'progress' }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type ImportRequest = DistributiveOmit<ToImportWorker, 'id'>;

export interface ImportClient {
  /** Sends `request`; `onProgress` gets 0 … 1. Resolves to the worker's reply (`failed` included). */
  request(request: ImportRequest, onProgress: (fraction: number) => void, transfer?: Transferable[]): Promise<Reply>;
  dispose(): void;
}

/** Something that behaves as a Worker (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/** Starts the import worker (a module worker bundled by Vite, allowed by the page's CSP). */
export function startImportWorker(): WorkerLike {
  return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
}

/** An import client over `worker` (default: a new import worker). */
export function createImportClient(worker: WorkerLike = startImportWorker()): ImportClient {
  let nextId = 1;
  let pending: { id: number; resolve(reply: Reply): void; onProgress(fraction: number): void } | null = null;
  let disposed = false;

  worker.addEventListener('message', (event: MessageEvent) => {
    const parsed = parseFromImportWorker(event.data);
    if (!pending) return;
    if (!parsed.ok) {
      const p = pending;
      pending = null;
      p.resolve({ type: 'failed', id: p.id, error: parsed.error });
      return;
    }
    const msg = parsed.message;
    if (msg.id !== pending.id) return;
    if (msg.type === 'progress') {
      pending.onProgress(msg.fraction);
      return;
    }
    const p = pending;
    pending = null;
    p.resolve(msg);
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    const p = pending;
    pending = null;
    p?.resolve({ type: 'failed', id: p.id, error: `The import worker stopped: ${event.message || 'unknown error'}. Close the dialog and try again.` });
  });

  return {
    request(request, onProgress, transfer = []) {
      if (disposed) return Promise.resolve({ type: 'failed', id: 0, error: 'The import was cancelled.' });
      const id = nextId++;
      // A newer request replaces an older one (the dialog only waits for its latest).
      pending?.resolve({ type: 'failed', id: pending.id, error: 'Replaced by a newer request.' });
      return new Promise<Reply>((resolve) => {
        pending = { id, resolve, onProgress };
        worker.postMessage({ ...request, id }, transfer);
      });
    },
    dispose() {
      disposed = true;
      pending?.resolve({ type: 'failed', id: pending.id, error: 'The import was cancelled.' });
      pending = null;
      worker.terminate();
    },
  };
}
