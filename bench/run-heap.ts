/**
 * Helper process: the heap over a long run (issue #8: no allocation per training step after
 * warm-up, the heap steady). For W1 (tiny steps, where per-step garbage would show most) and W3
 * it trains the app's float32 session for many steps after a warm-up, takes the heap in use
 * after a full garbage collection at eleven points of the run, and reports the first, the last,
 * the largest, and the growth per 1,000 steps (medians of the two halves, see `summarizeHeap` in report.ts).
 * A leak of one small object a step shows as tens of KB per 1,000 steps; a steady heap stays
 * within noise. Prints the result line (see runner-io.ts).
 */
import { createSession, workloadProject } from './engine-train';
import { summarizeHeap, type HeapRun } from './report';
import { exposedGc, runMain } from './runner-io';
import { workloadById } from './workloads';

/** Measurement points after the warm-up. */
const POINTS = 10;

/**
 * Steps of the warm-up and of the measured run per workload (and for --quick). The heap grows
 * by a few hundred KB while V8 compiles and gathers feedback during the first thousands of steps,
 * then stays flat; the warm-up covers that.
 */
const STEPS: Record<'W1' | 'W3', { warmup: number; full: number; quick: number }> = {
  W1: { warmup: 40_000, full: 200_000, quick: 20_000 },
  W3: { warmup: 3_000, full: 4_000, quick: 2_000 },
};

function measure(id: 'W1' | 'W3', quick: boolean, gc: () => void): HeapRun {
  const steps = quick ? STEPS[id].quick : STEPS[id].full;
  // Epochs enough that the run never ends (the warm-up and the measured steps fit).
  const session = createSession(workloadProject(workloadById(id), 100_000));
  // Warm-up: first-use caches, the float32 rows, compiled code and its feedback.
  for (let s = 0; s < STEPS[id].warmup; s++) session.trainStep();
  const samples: number[] = [];
  const sample = () => {
    gc();
    gc();
    samples.push(process.memoryUsage().heapUsed);
  };
  sample();
  for (let p = 0; p < POINTS; p++) {
    const until = Math.round(((p + 1) * steps) / POINTS) - Math.round((p * steps) / POINTS);
    for (let s = 0; s < until; s++) {
      const r = session.trainStep();
      if (r.divergence) throw new Error(`${id} diverged at step ${r.point.step}`);
    }
    sample();
  }
  return summarizeHeap(samples, steps);
}

runMain(() => {
  const quick = process.argv.includes('--quick');
  const gc = exposedGc();
  const info: Record<string, number> = {};
  for (const id of ['W1', 'W3'] as const) {
    const r = measure(id, quick, gc);
    info[`${id}.steps`] = r.steps;
    info[`${id}.firstBytes`] = r.firstBytes;
    info[`${id}.lastBytes`] = r.lastBytes;
    info[`${id}.maxBytes`] = r.maxBytes;
    info[`${id}.growthPer1000Steps`] = r.growthPer1000Steps;
  }
  return { times: [], finalLoss: NaN, steps: 0, info };
});
