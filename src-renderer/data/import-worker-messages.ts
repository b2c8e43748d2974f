/**
 * Messages between the import dialog and its Web Worker (import-worker.ts), which reads,
 * inspects and imports CSV/TSV text off the UI thread. Every message carries the `id` of
 * the request it belongs to; both sides validate what they receive with these schemas.
 *
 * - `inspect`: first look (delimiter, header, preview, column types). `source` gives the file
 *   (its bytes, decoded and UTF-8 checked in the worker, or text main already decoded); without
 *   it the worker reads the text it kept from the last `inspect` again, in another format.
 * - `import`: import the kept text with the dialog's options (`datasetSpecFromCsv`).
 * - `check`: does this file (`source`) give this file-backed data set (hash and shape)?
 * Replies: `progress` (0 … 1) while working, then `inspected`, `imported`, `checked` or `failed`.
 */
import { z } from 'zod';
import { CSV_DELIMITERS } from '../../src-engine/csv';
import { datasetSpecSchema, importOptionsSchema, LIMITS } from '../../src-engine/project';
import { MAX_DATASET_TEXT_LENGTH, messageKeySchema, messageParamsSchema } from '../../src-engine/protocol/messages';
import type { CsvInspection } from '../../src-engine/data-import/inspect-csv';
import type { ImportReport } from '../../src-engine/data-import/import-table';

const id = z.number().int().min(0);
const text = z.string().max(MAX_DATASET_TEXT_LENGTH);
const fileSpecSchema = datasetSpecSchema.options[2];
/** A file's content: its bytes (decoded and UTF-8 checked in the worker) or text already decoded. */
const sourceSchema = z.union([z.object({ bytes: z.instanceof(ArrayBuffer) }), z.object({ text })]);

export const toImportWorkerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('inspect'),
    id,
    source: sourceSchema.optional(),
    format: z.object({ delimiter: z.enum(CSV_DELIMITERS).optional(), header: z.boolean().optional() }).default({}),
    previewRows: z.number().int().min(0).max(200).default(20),
  }),
  z.object({
    type: z.literal('import'),
    id,
    options: importOptionsSchema,
    name: z.string().min(1).max(LIMITS.maxNameLength),
    /** Where the file is: a real path on the desktop, the file's name in the browser. */
    path: z.string().min(1).max(4096),
  }),
  z.object({ type: z.literal('check'), id, spec: fileSpecSchema, source: sourceSchema }),
]);
export type ToImportWorker = z.input<typeof toImportWorkerSchema>;

/** The import report as the dialog shows it. */
const reportSchema = z.object({
  delimiter: z.string(),
  hasHeader: z.boolean(),
  columns: z.number().int(),
  rowsRead: z.number().int(),
  rowsDropped: z.number().int(),
  cellsFilled: z.number().int(),
  types: z.array(z.object({ name: z.string(), type: z.enum(['number', 'category']) })),
}) satisfies z.ZodType<ImportReport>;

export const fromImportWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), id, fraction: z.number().min(0).max(1) }),
  /** The inspection as `inspectCsv` returns it (checked for its kind only: the worker made it). */
  z.object({ type: z.literal('inspected'), id, inspection: z.custom<Extract<CsvInspection, { ok: true }>>((v) => typeof v === 'object' && v !== null && (v as { ok?: unknown }).ok === true) }),
  z.object({
    type: z.literal('imported'),
    id,
    spec: datasetSpecSchema,
    report: reportSchema,
    storage: z.enum(['inline', 'file']),
    /** The file's text, when the set is file-backed (the trainer needs it at every start). */
    text: text.optional(),
  }),
  z.object({ type: z.literal('checked'), id, text }),
  /** `key`/`params`: the engine's template for `error` (import-messages.ts), for the UI's language. */
  z.object({ type: z.literal('failed'), id, error: z.string(), key: messageKeySchema.optional(), params: messageParamsSchema.optional() }),
]);
export type FromImportWorker = z.infer<typeof fromImportWorkerSchema>;

export type ParsedMessage<T> = { ok: true; message: T } | { ok: false; error: string };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 4)
    .map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`)
    .join('; ');
}

/** Validates a request to the worker. Never throws. */
export function parseToImportWorker(raw: unknown): ParsedMessage<z.infer<typeof toImportWorkerSchema>> {
  const r = toImportWorkerSchema.safeParse(raw);
  return r.success ? { ok: true, message: r.data } : { ok: false, error: `Malformed import request: ${describeIssues(r.error)}` };
}

/** Validates a reply from the worker. Never throws. */
export function parseFromImportWorker(raw: unknown): ParsedMessage<FromImportWorker> {
  const r = fromImportWorkerSchema.safeParse(raw);
  return r.success ? { ok: true, message: r.data } : { ok: false, error: `Malformed reply from the import worker: ${describeIssues(r.error)}` };
}
