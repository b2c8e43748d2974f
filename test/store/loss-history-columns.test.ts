/**
 * The loss curve the store builds from 'metrics' step columns is the curve of the step
 * points themselves: compared with a reference computed here from the point objects in
 * closed form (which kept points a stride of 2^k makes, and their means), over enough steps
 * that the history halves twice, with non-finite losses mixed in and the columns arriving in
 * flushes of uneven sizes, each cloned with its buffer transferred as through a port.
 */
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, stepColumnBuffers, stepColumnsFrom, type StepPoint } from '../../src-engine/protocol/messages';
import { createAppStore } from '../../src-renderer/store/app-store';
import { MAX_STEP_POINTS } from '../../src-renderer/store/loss-history';
import { createFakeConnection, status } from './fixtures';

/** Means of up to 8 averaging levels, each rounding once: a few ulps of a loss near 1. */
const REL_TOL = 1e-12;
const TOTAL_STEPS = 50_000;
/** Flush sizes, used in turn (0: a flush with epoch points only). */
const FLUSH_SIZES = [1, 0, 1234, 3, 4096, 777];

/** Step k's point: a loss that wanders in (0.5, 1.5), not finite at every 97th and 1001st step. */
function point(k: number): StepPoint {
  const loss = k % 1001 === 0 ? Number.POSITIVE_INFINITY : k % 97 === 0 ? Number.NaN : 1 + 0.5 * Math.sin(k * 0.37) * Math.cos(k * 0.0011);
  return { step: k, epoch: Math.ceil(k / 320), loss, lr: 0.01 };
}

/**
 * The curve the history should show for `points` (its contract, in loss-history.ts): the
 * finite losses in groups of `stride`, the smallest power of two that leaves fewer than
 * MAX_STEP_POINTS full groups; each group drawn at its last step with its mean loss.
 */
function expectedCurve(points: readonly StepPoint[]): { x: number[]; y: number[]; stride: number } {
  const finite = points.filter((p) => Number.isFinite(p.loss));
  let stride = 1;
  while (Math.floor(finite.length / stride) >= MAX_STEP_POINTS) stride *= 2;
  const x: number[] = [];
  const y: number[] = [];
  for (let g = 0; (g + 1) * stride <= finite.length; g++) {
    const group = finite.slice(g * stride, (g + 1) * stride);
    x.push(group[group.length - 1].step);
    y.push(group.reduce((s, p) => s + p.loss, 0) / stride);
  }
  return { x, y, stride };
}

describe('the loss curve from step columns', () => {
  it('is the curve of the step points, through halvings, non-finite losses and uneven flushes', () => {
    const points = Array.from({ length: TOTAL_STEPS }, (_, i) => point(i + 1));
    const store = createAppStore(undefined, { now: () => 0, newRunId: () => 'run-1' });
    const connection = createFakeConnection();
    store.getState().attachTrainer(connection);
    store.getState().train();
    connection.deliver(status('run-1', 'running'));
    let sent = 0;
    for (let f = 0; sent < points.length; f++) {
      const chunk = points.slice(sent, sent + FLUSH_SIZES[f % FLUSH_SIZES.length]);
      sent += chunk.length;
      const steps = stepColumnsFrom(chunk);
      const message = { v: PROTOCOL_VERSION, type: 'metrics' as const, runId: 'run-1', steps, epochs: [] };
      connection.deliver(structuredClone(message, { transfer: stepColumnBuffers(steps) }));
    }

    const h = store.getState().history;
    const expected = expectedCurve(points);
    // 50,000 steps less the non-finite ones need two halvings: stride 4.
    expect(expected.stride).toBe(4);
    expect(h.stride).toBe(expected.stride);
    expect(h.stepX).toEqual(expected.x);
    expect(h.stepY).toHaveLength(expected.y.length);
    for (let i = 0; i < expected.y.length; i++) {
      expect(Math.abs(h.stepY[i] - expected.y[i]) / Math.abs(expected.y[i])).toBeLessThan(REL_TOL);
    }
    expect(h.received).toBe(TOTAL_STEPS);
    // The last step (50,000) is a multiple of neither 97 nor 1001: its loss is the latest.
    expect(h.lastLoss).toBe(points[TOTAL_STEPS - 1].loss);
  });

  it('keeps a non-finite last loss as the latest loss without plotting it', () => {
    const store = createAppStore(undefined, { now: () => 0, newRunId: () => 'run-1' });
    const connection = createFakeConnection();
    store.getState().attachTrainer(connection);
    store.getState().train();
    const steps = stepColumnsFrom([point(1), point(2), point(97)]);
    connection.deliver({ v: PROTOCOL_VERSION, type: 'metrics', runId: 'run-1', steps, epochs: [] });
    const h = store.getState().history;
    expect(h.stepX).toEqual([1, 2]);
    expect(h.stepY).toEqual([point(1).loss, point(2).loss]);
    expect(h.lastLoss).toBeNaN();
    expect(h.received).toBe(3);
  });
});
