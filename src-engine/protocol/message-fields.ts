/**
 * The fields messages in both directions share: the protocol version every message carries,
 * run ids, and the key and params of a message template. Import messages through
 * `./messages`; this module exists so the two directions' schemas can share them.
 */
import { z } from 'zod';

/**
 * Raised whenever a message's shape changes, so a consumer tells a trainer of another build
 * by its version instead of by a list of schema errors. 2: 'metrics' carries its step points
 * as columns (`StepColumns`), not an array of objects. `as const` keeps the literal type
 * in object literals (`{ v: PROTOCOL_VERSION }` is a `v: 2`, not a `v: number`).
 */
export const PROTOCOL_VERSION = 2 as const;

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
