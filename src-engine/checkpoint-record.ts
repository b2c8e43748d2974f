/**
 * The saved run: the latest checkpoint of a training run together with the project it was
 * trained on, kept beside the autosave (desktop: a file in the app's data folder written by
 * main; browser: IndexedDB) so a run survives a restart, a crash or a pulled power cord.
 * At the next start the app offers to continue it exactly (see checkpoint.ts).
 *
 * `parseCheckpointRecord` validates everything (main uses it for every write and read);
 * `readCheckpointRecordHead` checks only the small parts the UI shows, for the renderer,
 * which leaves the full check of the weights to the trainer (off the UI thread).
 */
import { z } from 'zod';
import { checkpointSchema, CHECKPOINT_FORMAT, CHECKPOINT_VERSION, type Checkpoint } from './checkpoint';
import { formatIssues, parseProject, projectSchema, type Project } from './project';

export const CHECKPOINT_RECORD_FORMAT = 'layerlab-saved-run';
export const CHECKPOINT_RECORD_VERSION = 1;
/**
 * The largest saved run written or read, as JSON text. The project limits (200 nodes of at
 * most 4096 units) allow bigger networks in principle; a run past this is not saved (the
 * user is told) rather than stalling every save.
 */
export const MAX_CHECKPOINT_BYTES = 256 * 1024 * 1024;

export const checkpointRecordSchema = z.object({
  format: z.literal(CHECKPOINT_RECORD_FORMAT),
  version: z.literal(CHECKPOINT_RECORD_VERSION),
  /** When the checkpoint was received (epoch ms). */
  savedAt: z.number().finite().min(0),
  /** The project the run was started with; the checkpoint fits its graph. */
  project: projectSchema,
  checkpoint: checkpointSchema,
});

/** A saved run: the project and the checkpoint to continue it from. */
export interface CheckpointRecord {
  format: typeof CHECKPOINT_RECORD_FORMAT;
  version: typeof CHECKPOINT_RECORD_VERSION;
  savedAt: number;
  project: Project;
  checkpoint: Checkpoint;
}

/** Builds a record (plain data: survives JSON, structured clone and IPC). */
export function createCheckpointRecord(project: Project, checkpoint: Checkpoint, savedAt: number): CheckpointRecord {
  return { format: CHECKPOINT_RECORD_FORMAT, version: CHECKPOINT_RECORD_VERSION, savedAt, project, checkpoint };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function checkHead(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'The saved run is not a JSON object.';
  const head = raw as { format?: unknown; version?: unknown };
  if (head.format !== CHECKPOINT_RECORD_FORMAT) return `The saved run is not a LayerLab saved run: "format" must be "${CHECKPOINT_RECORD_FORMAT}".`;
  if (typeof head.version === 'number' && head.version > CHECKPOINT_RECORD_VERSION) {
    return `The saved run was written by a newer LayerLab (version ${head.version}; this one reads ${CHECKPOINT_RECORD_VERSION}). Update LayerLab to continue it.`;
  }
  return null;
}

/** Validates a whole record (parsed JSON, or data from IPC). Never throws. */
export function parseCheckpointRecord(raw: unknown): Parsed<CheckpointRecord> {
  const headError = checkHead(raw);
  if (headError) return { ok: false, error: headError };
  const parsed = checkpointRecordSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `The saved run is damaged: ${formatIssues(parsed.error)}` };
  return { ok: true, value: parsed.data as CheckpointRecord };
}

/** What the UI shows of a saved run before continuing it. */
export interface CheckpointRecordHead {
  savedAt: number;
  project: Project;
  step: number;
  epoch: number;
  /** The checkpoint as stored; the trainer validates it in full when the run starts. */
  checkpoint: unknown;
}

/**
 * Checks the record's format, its project (small) and the checkpoint's header (format,
 * version, step, epoch), without walking the weights. Never throws.
 */
export function readCheckpointRecordHead(raw: unknown): Parsed<CheckpointRecordHead> {
  const headError = checkHead(raw);
  if (headError) return { ok: false, error: headError };
  const r = raw as { savedAt?: unknown; project?: unknown; checkpoint?: unknown };
  const project = parseProject(r.project);
  if (!project.ok) return { ok: false, error: `The saved run's project is damaged: ${project.error}` };
  const c = (typeof r.checkpoint === 'object' && r.checkpoint !== null ? r.checkpoint : {}) as Record<string, unknown>;
  const count = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  if (c.format !== CHECKPOINT_FORMAT || c.version !== CHECKPOINT_VERSION || !count(c.step) || !count(c.epoch)) {
    return { ok: false, error: 'The saved run has no usable checkpoint (format, version, step or epoch is wrong).' };
  }
  const savedAt = typeof r.savedAt === 'number' && Number.isFinite(r.savedAt) ? r.savedAt : 0;
  return { ok: true, value: { savedAt, project: project.value, step: c.step, epoch: c.epoch, checkpoint: r.checkpoint } };
}
