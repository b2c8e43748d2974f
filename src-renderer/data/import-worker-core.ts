/**
 * The import worker's logic, apart from the worker's global scope so tests call it directly:
 * a handler for requests that posts progress and one reply per request. Keeps the text of
 * the file last given with `inspect`, so the dialog sends a large file once.
 */
import { datasetSpecFromCsv, decodeUtf8, inspectCsv, loadFileDataset, type ImportFailure } from '../../src-engine/data-import';
import { parseToImportWorker, type FromImportWorker } from './import-worker-messages';

/** The reply for failure `f` of request `id`, with its template key and params when it has them. */
function failed(id: number, f: ImportFailure): FromImportWorker {
  return { type: 'failed', id, error: f.error, ...(f.key !== undefined && { key: f.key, params: f.params ?? {} }) };
}

/** A request handler that answers through `post`. Never throws on bad input. */
export function createImportHandler(post: (message: FromImportWorker) => void): (raw: unknown) => void {
  /** The text of the file last given with `inspect`. */
  let kept: string | null = null;

  /** Progress of request `id` (the engine reports about a hundred times per pass). */
  function progress(id: number): (fraction: number) => void {
    return (fraction) => post({ type: 'progress', id, fraction: Math.min(1, Math.max(0, fraction)) });
  }

  function handle(raw: unknown): void {
    const parsed = parseToImportWorker(raw);
    if (!parsed.ok) {
      const id = typeof (raw as { id?: unknown } | null)?.id === 'number' ? (raw as { id: number }).id : 0;
      post({ type: 'failed', id: Math.max(0, Math.floor(id)), error: parsed.error });
      return;
    }
    const msg = parsed.message;
    if (msg.type === 'check') {
      const text = decode(msg.source);
      if (!text.ok) return post(failed(msg.id, text));
      const checked = loadFileDataset(msg.spec, text.text, progress(msg.id));
      if (!checked.ok) return post({ type: 'failed', id: msg.id, error: checked.error });
      return post({ type: 'checked', id: msg.id, text: text.text });
    }
    if (msg.type === 'inspect') {
      if (msg.source) {
        const text = decode(msg.source);
        kept = text.ok ? text.text : null;
        if (!text.ok) return post(failed(msg.id, text));
      }
      if (kept === null) return post({ type: 'failed', id: msg.id, error: 'No file has been read yet. Choose a file first.' });
      const inspection = inspectCsv(kept, { ...msg.format, previewRows: msg.previewRows, onProgress: progress(msg.id) });
      if (!inspection.ok) return post(failed(msg.id, inspection));
      return post({ type: 'inspected', id: msg.id, inspection });
    }
    if (kept === null) return post({ type: 'failed', id: msg.id, error: 'No file has been read yet. Choose a file first.' });
    const r = datasetSpecFromCsv(kept, msg.path, msg.options, { name: msg.name, onProgress: progress(msg.id) });
    if (!r.ok) return post(failed(msg.id, r));
    return post({ type: 'imported', id: msg.id, spec: r.spec, report: r.report, storage: r.storage, ...(r.storage === 'file' && { text: kept }) });
  }

  /** The text of a source: bytes are decoded as UTF-8 (refused otherwise, BOM dropped). */
  function decode(source: { bytes: ArrayBuffer } | { text: string }): { ok: true; text: string } | ImportFailure {
    return 'bytes' in source ? decodeUtf8(new Uint8Array(source.bytes)) : { ok: true, text: source.text };
  }

  return (raw: unknown) => {
    try {
      handle(raw);
    } catch (e) {
      // The engine never throws on bad input; this is a bug, reported instead of a silent worker.
      const id = (raw as { id?: unknown } | null)?.id;
      post({ type: 'failed', id: typeof id === 'number' && id >= 0 ? Math.floor(id) : 0, error: `The import failed unexpectedly: ${(e as Error).message}` });
    }
  };
}
