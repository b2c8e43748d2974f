/**
 * The step points of 'metrics' travel as Float64Array columns (protocol version 2): they
 * survive every way a message crosses to the consumer (structured clone with the buffer
 * transferred, a MessagePort, a Node child's advanced serialization), malformed columns are
 * refused naming the column and the index, and the host transfers each flush's buffer.
 */
import { deserialize, serialize } from 'node:v8';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import {
  PROTOCOL_VERSION,
  parseFromTrainer,
  stepColumnBuffers,
  stepColumnsFrom,
  stepPointsFrom,
  type StepColumns,
  type StepPoint,
} from '../../src-engine/protocol/messages';
import { inProcessHost } from './in-process-host';

/** Points a diverging long run can report: NaN and infinite losses, step counts past 2³². */
const POINTS: StepPoint[] = [
  { step: 1, epoch: 1, loss: 0.6931, lr: 0.05 },
  { step: 2, epoch: 1, loss: Number.NaN, lr: 0.05 },
  { step: 3, epoch: 2, loss: Number.POSITIVE_INFINITY, lr: 0.025 },
  { step: 2 ** 33 + 5, epoch: 2 ** 31, loss: Number.NEGATIVE_INFINITY, lr: 1e-300 },
  { step: 2 ** 53 - 1, epoch: 0, loss: -0.25, lr: 0 },
];

const metricsWith = <T>(steps: T) => ({ v: PROTOCOL_VERSION, type: 'metrics', runId: 'r', steps, epochs: [] });

/** The error `parseFromTrainer` gives for a 'metrics' message with these steps (fails the test if it accepts them). */
function refusal(steps: unknown): string {
  const r = parseFromTrainer(metricsWith(steps));
  if (r.ok) throw new Error('expected the message to be refused');
  return r.error;
}

/** The columns of POINTS with `key` replaced. */
const withColumn = (key: keyof StepColumns, column: unknown) => ({ ...stepColumnsFrom(POINTS), [key]: column });

describe('step columns', () => {
  it('holds the points it was made from, in four columns over one buffer', () => {
    const columns = stepColumnsFrom(POINTS);
    expect(Array.from(columns.step)).toEqual(POINTS.map((p) => p.step));
    expect(Array.from(columns.loss)).toEqual(POINTS.map((p) => p.loss));
    expect(stepColumnBuffers(columns)).toHaveLength(1);
    expect(stepPointsFrom(columns)).toEqual(POINTS);
  });

  it('survive a structured clone that transfers their buffer, NaN and 2³³ included', () => {
    const message = metricsWith(stepColumnsFrom(POINTS));
    const buffers = stepColumnBuffers(message.steps);
    const clone = structuredClone(message, { transfer: buffers });
    // Moved, not copied: the sender's buffer is detached.
    expect(buffers[0].byteLength).toBe(0);
    const parsed = parseFromTrainer(clone);
    expect(parsed.ok).toBe(true);
    if (parsed.ok && parsed.message.type === 'metrics') {
      const points = stepPointsFrom(parsed.message.steps);
      expect(points).toEqual(POINTS);
      expect(points[3].step).toBe(8589934597);
      expect(Number.isNaN(points[1].loss)).toBe(true);
    }
  });

  it('survive a real MessagePort with the buffer transferred', async () => {
    const { port1, port2 } = new MessageChannel();
    const arrived = new Promise<unknown>((resolve) => port2.once('message', resolve));
    const steps = stepColumnsFrom(POINTS);
    port1.postMessage(metricsWith(steps), stepColumnBuffers(steps));
    const parsed = parseFromTrainer(await arrived);
    port1.close();
    expect(parsed.ok && parsed.message.type === 'metrics' && stepPointsFrom(parsed.message.steps)).toEqual(POINTS);
  });

  it("survive a Node child's advanced serialization (each column copied on its own)", () => {
    const parsed = parseFromTrainer(deserialize(serialize(metricsWith(stepColumnsFrom(POINTS)))));
    expect(parsed.ok && parsed.message.type === 'metrics' && stepPointsFrom(parsed.message.steps)).toEqual(POINTS);
  });

  it('accept empty columns (a flush with epoch points only)', () => {
    expect(parseFromTrainer(metricsWith(stepColumnsFrom([]))).ok).toBe(true);
  });

  it('refuse columns of different lengths, naming the column', () => {
    const error = refusal(withColumn('loss', new Float64Array(2)));
    expect(error).toContain('Malformed message "metrics"');
    expect(error).toContain('steps.loss: holds 2 values but step holds 5');
  });

  it('refuse columns that are not Float64Arrays: plain arrays, Float32Array, a missing column', () => {
    expect(refusal(withColumn('step', POINTS.map((p) => p.step)))).toContain('steps.step: expected a Float64Array');
    expect(refusal(withColumn('lr', new Float32Array(POINTS.length)))).toContain('steps.lr: expected a Float64Array');
    const { epoch: _dropped, ...threeColumns } = stepColumnsFrom(POINTS);
    expect(refusal(threeColumns)).toContain('steps.epoch');
  });

  it('refuse the step objects of protocol version 1', () => {
    expect(refusal(POINTS)).toContain('steps: expected four Float64Array columns { step, epoch, loss, lr }, got an array');
    const old = parseFromTrainer({ ...metricsWith(POINTS), v: 1 });
    expect(!old.ok && old.error).toContain('protocol version 1');
  });

  it('refuse step numbers that are not whole numbers ≥ 0, naming the first bad index', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 2.5, -1, 2 ** 53]) {
      const step = Float64Array.from(POINTS, (p) => p.step);
      step[2] = bad;
      expect(refusal(withColumn('step', step))).toContain(`steps.step[2]: expected a whole number ≥ 0 (a step count), got ${bad}`);
    }
    const epoch = Float64Array.from(POINTS, (p) => p.epoch);
    epoch[4] = 0.5;
    expect(refusal(withColumn('epoch', epoch))).toContain('steps.epoch[4]: expected a whole number ≥ 0 (an epoch count), got 0.5');
  });

  it('refuse a learning rate that is not finite, and accept any loss', () => {
    const lr = Float64Array.from(POINTS, (p) => p.lr);
    lr[0] = Number.NaN;
    expect(refusal(withColumn('lr', lr))).toContain('steps.lr[0]: expected a finite learning rate, got NaN');
    const loss = Float64Array.from([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1e308, 0]);
    expect(parseFromTrainer(metricsWith(withColumn('loss', loss))).ok).toBe(true);
  });
});

describe('the trainer host sends step columns', () => {
  it("transfers each 'metrics' message's one buffer, and the columns hold every step once, in order", () => {
    const h = inProcessHost();
    h.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'r', project: createSpiralExample(), paused: true });
    h.run();
    h.send({ v: PROTOCOL_VERSION, type: 'step', runId: 'r', count: 40 });
    h.run();
    const indices = h.received.flatMap((m, i) => (m.type === 'metrics' ? [i] : []));
    expect(indices.length).toBeGreaterThan(0);
    for (const i of indices) {
      const m = h.received[i];
      if (m.type !== 'metrics') continue;
      // One buffer, moved (detached on the host's side), exactly the columns' size: 4 × 8 bytes a step.
      expect(h.transferred[i]).toHaveLength(1);
      expect(h.transferred[i][0].byteLength).toBe(0);
      expect(m.steps.step.buffer.byteLength).toBe(4 * 8 * m.steps.step.length);
    }
    expect(h.metricSteps('r').map((p) => p.step)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(h.metricSteps('r').every((p) => Number.isFinite(p.loss) && p.lr > 0 && p.epoch >= 1)).toBe(true);
  });
});
