/**
 * The trainer protocol: every message between the renderer (or CLI/test) and the trainer
 * host. One discriminated union per direction, each message carries `v` (the protocol
 * version). Main, the trainer and the renderer import this module; no channel string or
 * message shape is written anywhere else.
 *
 * Runs: every `start` names a `runId`; everything the trainer sends about a run carries it,
 * so a consumer drops messages of a run it no longer shows.
 *
 * The schemas live in `message-fields.ts` (shared fields), `to-trainer.ts` and
 * `from-trainer.ts` (with `step-columns.ts`, the step points of 'metrics'); everything is
 * imported from here.
 */
import type { z } from 'zod';
import { formatIssues } from '../project';
import { PROTOCOL_VERSION } from './message-fields';
import { fromTrainerSchema, type FromTrainer } from './from-trainer';
import { toTrainerSchema, type ToTrainer } from './to-trainer';

export { PROTOCOL_VERSION, messageKeySchema, messageParamsSchema } from './message-fields';
export * from './to-trainer';
export * from './from-trainer';
export * from './step-columns';

export type ProtocolResult<T> = { ok: true; message: T } | { ok: false; error: string };

/** Validates a message sent to the trainer. Never throws. */
export function parseToTrainer(raw: unknown): ProtocolResult<ToTrainer> {
  const r = toTrainerSchema.safeParse(raw);
  return r.success ? { ok: true, message: r.data } : { ok: false, error: describe(raw, r.error) };
}

/** Validates a message from the trainer. Never throws. */
export function parseFromTrainer(raw: unknown): ProtocolResult<FromTrainer> {
  const r = fromTrainerSchema.safeParse(raw);
  return r.success ? { ok: true, message: r.data } : { ok: false, error: describe(raw, r.error) };
}

function describe(raw: unknown, error: z.ZodError): string {
  const type =
    typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type) : '?';
  const version = typeof raw === 'object' && raw !== null && 'v' in raw ? (raw as { v: unknown }).v : undefined;
  if (version !== undefined && version !== PROTOCOL_VERSION) {
    return `Message "${type}" has protocol version ${String(version)}; this trainer speaks version ${PROTOCOL_VERSION}.`;
  }
  return `Malformed message "${type.slice(0, 40)}": ${formatIssues(error)}`;
}
