/**
 * Step points, one per optimizer step, and the columns a 'metrics' message carries them in.
 * Import them through `./messages`.
 *
 * Why columns (issue #8): a small network takes tens of thousands of steps a second, and
 * postMessage serializes one object per step at about 0.3 µs but a Float64Array at about
 * 0.03 µs a value; the four columns of a flush also share one buffer, so the host transfers
 * it (one buffer, no copy) instead of cloning thousands of objects.
 */
import { z } from 'zod';

/** One scalar record per optimizer step, as the engine reports it. */
export interface StepPoint {
  /** The step number, from 1. */
  step: number;
  /** The epoch the step belongs to, from 1. */
  epoch: number;
  /** The batch's training loss; any number (NaN and ±Infinity of a diverging run are data). */
  loss: number;
  /** The learning rate the step used. */
  lr: number;
}

/**
 * Step points as four columns of equal length, oldest first: point i is
 * `{ step: step[i], epoch: epoch[i], loss: loss[i], lr: lr[i] }`. `step` and `epoch` hold
 * whole numbers ≥ 0 (Float64Array: step counts can pass 2³²), `loss` any number, `lr` finite
 * numbers.
 */
export interface StepColumns {
  step: Float64Array;
  epoch: Float64Array;
  loss: Float64Array;
  lr: Float64Array;
}

const COLUMNS = ['step', 'epoch', 'loss', 'lr'] as const;

/**
 * Four empty columns of `n` points that share one new ArrayBuffer (`stepColumnBuffers`
 * lists it for a transfer list).
 */
export function allocateStepColumns(n: number): StepColumns {
  const buffer = new ArrayBuffer(n * 4 * Float64Array.BYTES_PER_ELEMENT);
  const column = (k: number) => new Float64Array(buffer, k * n * Float64Array.BYTES_PER_ELEMENT, n);
  return { step: column(0), epoch: column(1), loss: column(2), lr: column(3) };
}

/** `points` as new columns (one shared buffer). */
export function stepColumnsFrom(points: readonly StepPoint[]): StepColumns {
  const c = allocateStepColumns(points.length);
  points.forEach((p, i) => {
    c.step[i] = p.step;
    c.epoch[i] = p.epoch;
    c.loss[i] = p.loss;
    c.lr[i] = p.lr;
  });
  return c;
}

/** The points of `columns` as new objects, oldest first (for code off the hot path: tests, tools). */
export function stepPointsFrom(columns: StepColumns): StepPoint[] {
  const out: StepPoint[] = [];
  for (let i = 0; i < columns.step.length; i++) {
    out.push({ step: columns.step[i], epoch: columns.epoch[i], loss: columns.loss[i], lr: columns.lr[i] });
  }
  return out;
}

/** The distinct buffers under `columns`, for a transfer list (a buffer listed twice makes postMessage throw). */
export function stepColumnBuffers(columns: StepColumns): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const key of COLUMNS) buffers.add(columns[key].buffer as ArrayBuffer);
  return [...buffers];
}

const float64Column = z.custom<Float64Array>((x) => x instanceof Float64Array, 'expected a Float64Array');

/** What each column may hold, and how to say what it holds instead. */
const VALUE_RULES: Record<(typeof COLUMNS)[number], { ok: (x: number) => boolean; expected: string } | null> = {
  step: { ok: (x) => Number.isSafeInteger(x) && x >= 0, expected: 'a whole number ≥ 0 (a step count)' },
  epoch: { ok: (x) => Number.isSafeInteger(x) && x >= 0, expected: 'a whole number ≥ 0 (an epoch count)' },
  loss: null,
  lr: { ok: Number.isFinite, expected: 'a finite learning rate' },
};

/**
 * The `steps` of a 'metrics' message: four Float64Array columns of equal length whose values
 * follow `StepColumns`. An issue names the column and the first bad index.
 */
export const stepColumnsSchema = z
  .object(
    { step: float64Column, epoch: float64Column, loss: float64Column, lr: float64Column },
    {
      error: (issue) =>
        issue.code === 'invalid_type'
          ? `expected four Float64Array columns { step, epoch, loss, lr }, got ${Array.isArray(issue.input) ? 'an array' : typeof issue.input}`
          : undefined,
    },
  )
  .superRefine((c, ctx) => {
    // Only columns that passed their type check get here (zod skips refinements after an issue); kept safe anyway.
    if (!COLUMNS.every((key) => c[key] instanceof Float64Array)) return;
    const n = c.step.length;
    for (const key of COLUMNS) {
      if (c[key].length !== n) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `holds ${c[key].length} values but step holds ${n}: the four columns must have one value per step`,
        });
        return;
      }
    }
    for (const key of COLUMNS) {
      const rule = VALUE_RULES[key];
      if (!rule) continue;
      const column = c[key];
      for (let i = 0; i < n; i++) {
        if (!rule.ok(column[i])) {
          ctx.addIssue({ code: 'custom', path: [key, i], message: `expected ${rule.expected}, got ${column[i]}` });
          break;
        }
      }
    }
  });
