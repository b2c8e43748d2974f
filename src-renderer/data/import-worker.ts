/**
 * Web Worker of the import dialog: decodes, inspects and imports CSV/TSV text off the UI
 * thread and posts its progress (see import-worker-messages.ts and import-worker-core.ts).
 */
import '../zod-config';
import { createImportHandler } from './import-worker-core';
import type { FromImportWorker } from './import-worker-messages';

interface WorkerScope {
  postMessage(message: FromImportWorker): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const scope = self as unknown as WorkerScope;
const handle = createImportHandler((message) => scope.postMessage(message));
scope.addEventListener('message', (event) => handle(event.data));
