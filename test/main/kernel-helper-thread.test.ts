import { afterEach, describe, expect, it } from 'vitest';
import { installKernelHelper, type KernelHelper } from '../../src-engine/kernel-helper';
import { MIN_SPLIT_MACS } from '../../src-engine/layers/wasm-dense';
import { ADAM_SPLIT_MIN_LENGTH } from '../../src-engine/optimizers/wasm-adam';
import { createTrainingSession } from '../../src-engine/training-session';
import { DEFAULT_THREADS_MIN_CORES, kernelThreadCount, spinMs, startKernelHelperThread, type KernelHelperThread } from '../../src-main/kernel-helper-thread';
import { BATCH, FEATURES, H1, H2, sparseProject } from '../integration/sparse-project';

const STEPS = 300;

interface Trace {
  /** Every step's loss, every epoch's train and validation loss, and the final weights, as float bits. */
  bits: number[];
  steps: number;
}

/** Trains `STEPS` steps; `pause.run()` is awaited before step `pause.at`. */
async function train(pause?: { at: number; run: () => Promise<void> }): Promise<Trace> {
  const created = createTrainingSession(sparseProject());
  if (!created.ok) throw new Error(created.error);
  const { session } = created;
  const values: number[] = [];
  for (let s = 0; s < STEPS; s++) {
    if (pause && s === pause.at) await pause.run();
    const r = session.trainStep();
    values.push(r.point.loss);
    if (r.epochEnd) values.push(r.epochEnd.trainLoss, r.epochEnd.valLoss ?? NaN);
  }
  const bits: number[] = [];
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  for (const v of values) {
    f64[0] = v;
    bits.push(u32[0], u32[1]);
  }
  for (const layer of session.snapshot()) {
    for (const t of [layer.weights, layer.bias]) {
      if (t instanceof Float32Array) bits.push(...new Uint32Array(Float32Array.from(t).buffer));
      else if (t) throw new Error('expected float32 weights');
    }
  }
  return { bits, steps: values.length };
}

/** Wraps `helper`, counting the calls the helper thread ran and those handed back. */
function counting(helper: KernelHelper) {
  const counts = { ran: 0, handedBack: 0, attached: 0, adam: 0 };
  const wrapped: KernelHelper = {
    attach: (module, memory) => {
      const handle = helper.attach(module, memory);
      if (handle >= 0) counts.attached++;
      return handle;
    },
    start: (handle, kernel, args) => {
      if (kernel === 'adamPacked') counts.adam++;
      helper.start(handle, kernel, args);
    },
    finish: () => {
      const ran = helper.finish();
      if (ran) counts.ran++;
      else counts.handedBack++;
      return ran;
    },
  };
  return { wrapped, counts };
}

let thread: KernelHelperThread | null = null;
afterEach(async () => {
  installKernelHelper(null);
  await thread?.close();
  thread = null;
});

describe('the kernel helper thread', () => {
  it('trains bit for bit as one thread over 300 steps, the helper running half of each big call', async () => {
    // Both hidden layers are above the threshold (so the split forward, dW and dX all run), the output layer is not.
    expect(BATCH * FEATURES * H1).toBeGreaterThanOrEqual(MIN_SPLIT_MACS);
    expect(BATCH * H1 * H2).toBeGreaterThanOrEqual(MIN_SPLIT_MACS);
    const single = await train();
    thread = startKernelHelperThread();
    const { wrapped, counts } = counting(thread.helper);
    installKernelHelper(wrapped);
    const split = await train();
    // One memory holds the whole network (dense-arena.ts), one Adam's moments: attached twice.
    expect(counts.attached).toBe(2);
    // h1's 300×96 weights (≥ ADAM_SPLIT_MIN_LENGTH) share every update; h2's 96×64 do not.
    expect(FEATURES * H1).toBeGreaterThanOrEqual(ADAM_SPLIT_MIN_LENGTH);
    expect(H1 * H2).toBeLessThan(ADAM_SPLIT_MIN_LENGTH);
    expect(counts.adam).toBe(STEPS);
    // 3 split calls per step for h1's forward and dW, 3 for h2's forward, dW and dX, plus evaluation.
    expect(counts.ran + counts.handedBack).toBeGreaterThanOrEqual(5 * STEPS);
    expect(counts.ran).toBeGreaterThan(0);
    expect(split.steps).toBe(single.steps);
    const firstDiff = split.bits.findIndex((b, k) => b !== single.bits[k]);
    expect(firstDiff).toBe(-1);
  });

  it('keeps training, still bit for bit, when the helper thread dies between steps', async () => {
    const single = await train();
    const started = startKernelHelperThread();
    thread = started;
    const { wrapped, counts } = counting(started.helper);
    installKernelHelper(wrapped);
    let ranBefore = -1;
    const split = await train({
      at: STEPS / 2,
      // Killed from outside, not through close(): the engine still holds the helper.
      run: async () => {
        ranBefore = counts.ran;
        await started.worker.terminate();
        expect(started.dead()).toBe(true);
      },
    });
    expect(ranBefore).toBeGreaterThan(0);
    // After the death every call was handed back and run by the trainer.
    expect(counts.ran).toBe(ranBefore);
    expect(split.bits).toEqual(single.bits);
  });
});

describe('how many kernel threads a process uses', () => {
  it('follows LAYERLAB_KERNEL_THREADS, else turns the helper on from 4 logical cores', () => {
    expect(kernelThreadCount({}, 2)).toBe(1);
    expect(kernelThreadCount({}, 3)).toBe(1);
    expect(kernelThreadCount({}, DEFAULT_THREADS_MIN_CORES)).toBe(2);
    expect(kernelThreadCount({}, 16)).toBe(2);
    expect(kernelThreadCount({ LAYERLAB_KERNEL_THREADS: '1' }, 16)).toBe(1);
    expect(kernelThreadCount({ LAYERLAB_KERNEL_THREADS: '2' }, 2)).toBe(2);
    // Two threads need two cores, whatever is asked.
    expect(kernelThreadCount({ LAYERLAB_KERNEL_THREADS: '2' }, 1)).toBe(1);
    // Anything else is the default.
    expect(kernelThreadCount({ LAYERLAB_KERNEL_THREADS: 'lots' }, 8)).toBe(2);
  });

  it('spins 0.3 ms before sleeping unless LAYERLAB_KERNEL_SPIN_MS gives 0–10 ms', () => {
    expect(spinMs(undefined)).toBe(0.3);
    expect(spinMs('0')).toBe(0);
    expect(spinMs('2.5')).toBe(2.5);
    for (const bad of ['', ' ', '-1', '11', 'NaN', 'fast']) expect(spinMs(bad)).toBe(0.3);
  });
});
