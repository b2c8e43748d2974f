/**
 * The fields messages in both directions share: the protocol version every message carries,
 * run ids, and the key and params of a message template. Import messages through
 * `./messages`; this module exists so the two directions' schemas can share them.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;

/** The `v` field of every message. */
export const versionField = z.literal(PROTOCOL_VERSION);
/** The `runId` a `start` names and every message about that run carries. */
export const runIdField = z.string().min(1).max(64);

/** A message template's key: kebab-case, as the keys of run-messages.ts. */
export const messageKeySchema = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/);
/** What filled a message template: at most 16 names and numbers. */
export const messageParamsSchema = z
  .record(z.string().max(32), z.union([z.string().max(1000), z.number()]))
  .refine((p) => Object.keys(p).length <= 16, 'at most 16 params');
