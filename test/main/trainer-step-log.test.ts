import { describe, expect, it } from 'vitest';
import { StepLog } from '../../src-main/trainer-step-log';
import { stepColumnBuffers, stepPointsFrom, type StepPoint } from '../../src-engine/protocol/messages';

/** Points written out independently of the log: step k of epoch ⌈k/7⌉, a loss and a rate that vary with k. */
function point(k: number): StepPoint {
  return { step: k, epoch: Math.ceil(k / 7), loss: 1 / k, lr: 0.01 * (1 + (k % 3)) };
}

describe('StepLog', () => {
  it('gives back every recorded point in order, then starts empty', () => {
    const log = new StepLog();
    // 2,500 points: more than the columns hold at first (1,024), so they grow twice.
    const expected = Array.from({ length: 2500 }, (_, i) => point(i + 1));
    for (const p of expected) log.push(p);
    expect(log.length).toBe(2500);
    expect(stepPointsFrom(log.take())).toEqual(expected);
    expect(log.length).toBe(0);
    expect(stepPointsFrom(log.take())).toEqual([]);
    log.push(point(2501));
    expect(stepPointsFrom(log.take())).toEqual([point(2501)]);
  });

  it('keeps the numbers, not the object: changing a point after recording it changes nothing', () => {
    const log = new StepLog();
    const p = point(3);
    log.push(p);
    p.loss = 99;
    p.step = 4;
    expect(stepPointsFrom(log.take())).toEqual([point(3)]);
  });

  it('keeps non-finite losses and step counts beyond 32 bits exactly', () => {
    const log = new StepLog();
    const big = 2 ** 33 + 5; // a very long run's step count: must not wrap around
    const points: StepPoint[] = [
      { step: big, epoch: 2 ** 31, loss: Number.NaN, lr: 0.5 },
      { step: big + 1, epoch: 2 ** 31, loss: Number.POSITIVE_INFINITY, lr: 1e-300 },
      { step: 0x3fffffff, epoch: 0x40000000, loss: -0.25, lr: 0 },
    ];
    for (const q of points) log.push(q);
    const out = stepPointsFrom(log.take());
    expect(out).toEqual(points);
    expect(out[0].step).toBe(8589934597);
    expect(Number.isNaN(out[0].loss)).toBe(true);
  });

  it('hands out each flush in a new buffer of its own, exactly as long as the points, so it can be transferred', () => {
    const log = new StepLog();
    for (let k = 1; k <= 3; k++) log.push(point(k));
    const first = log.take();
    const buffers = stepColumnBuffers(first);
    // One buffer under the four columns, 4 columns × 3 points × 8 bytes: nothing of the log's own columns.
    expect(buffers).toHaveLength(1);
    expect(buffers[0].byteLength).toBe(4 * 3 * 8);
    // Transferring it (detaching it here) leaves the log able to record and hand out the next flush.
    structuredClone(first, { transfer: buffers });
    expect(first.step.length).toBe(0);
    log.push(point(4));
    const second = log.take();
    expect(stepColumnBuffers(second)[0]).not.toBe(buffers[0]);
    expect(stepPointsFrom(second)).toEqual([point(4)]);
  });
});
