/**
 * The step points of a run between two metrics flushes, kept in columns.
 *
 * A small network takes tens of thousands of steps a second, so what the host does per step
 * counts (issue #8). Recording a step copies its four numbers into preallocated columns: no
 * allocation once the columns have grown to a flush's worth, and the engine's StepPoint dies
 * young instead of living until the flush. `take` copies them into the protocol's
 * `StepColumns` (one new buffer per flush, which the host transfers with the message).
 *
 * No Node or Electron imports here: the Web Worker bundle includes this file.
 */
import { allocateStepColumns, type StepColumns, type StepPoint } from '../src-engine/protocol/messages';

/** Points the columns hold before they first grow (they double when full). */
const INITIAL_CAPACITY = 1024;

/** Step points in arrival order; see the module comment. */
export class StepLog {
  private steps = new Float64Array(INITIAL_CAPACITY);
  private epochs = new Float64Array(INITIAL_CAPACITY);
  private losses = new Float64Array(INITIAL_CAPACITY);
  private lrs = new Float64Array(INITIAL_CAPACITY);
  private count = 0;

  /** Points recorded since the last `take`. */
  get length(): number {
    return this.count;
  }

  /** Records `point`'s numbers (not the object). Allocates only when the columns are full. */
  push(point: StepPoint): void {
    const n = this.count;
    if (n === this.steps.length) this.grow();
    this.steps[n] = point.step;
    this.epochs[n] = point.epoch;
    this.losses[n] = point.loss;
    this.lrs[n] = point.lr;
    this.count = n + 1;
  }

  /** The recorded points as new columns (sharing one new buffer), oldest first; the log is empty afterwards. */
  take(): StepColumns {
    const n = this.count;
    const out = allocateStepColumns(n);
    out.step.set(this.steps.subarray(0, n));
    out.epoch.set(this.epochs.subarray(0, n));
    out.loss.set(this.losses.subarray(0, n));
    out.lr.set(this.lrs.subarray(0, n));
    this.count = 0;
    return out;
  }

  /** Doubles every column, keeping what they hold. */
  private grow(): void {
    const bigger = (a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.steps = bigger(this.steps);
    this.epochs = bigger(this.epochs);
    this.losses = bigger(this.losses);
    this.lrs = bigger(this.lrs);
  }
}
