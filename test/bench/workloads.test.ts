/**
 * The benchmark checks results, never times: the engine runner trains shrunk workloads to the
 * same final loss as an independent reference written here, the orchestrator's loss check
 * flags a disagreement as a failure, and the workloads are deterministic.
 */
import { describe, expect, it } from 'vitest';
import { buildProject, trainEngine } from '../../bench/engine-train';
import { checkAgreement, failures, LOSS_TOLERANCE, median, summarizeWorkload } from '../../bench/report';
import type { SharedWorkload } from '../../bench/shared-files';
import {
  flopsPerSample,
  generateData,
  initialParams,
  workloadById,
  type LayerParams,
  type Workload,
  type WorkloadData,
} from '../../bench/workloads';

/** float64 engine vs. float64 reference: only summation order differs. */
const REL_TOL = 1e-9;

/** A shrunk workload: fewer samples (leaving a smaller last batch) and epochs. */
function shrunk(id: string, samples: number, epochs: number): { w: Workload; shared: SharedWorkload } {
  const w = { ...workloadById(id), samples, epochs };
  const data = generateData(w, samples);
  const params = initialParams(w);
  const meta = { workload: w, n: data.n, features: data.features, outputs: data.outputs, layers: params.map((p) => ({ inputs: p.inputs, units: p.units })) };
  return { w, shared: { meta, data, params } };
}

/**
 * Straightforward reference trainer on plain arrays, written from the definitions: z = x·W + b,
 * hidden f, output sigmoid/softmax; BCE and CE from the logits, MSE on the output (mean over
 * rows·outputs); torch.optim.SGD (heavy-ball momentum, buffer seeded with g) and torch.optim.Adam.
 * Returns the mean training loss of one full pass after training.
 */
function referenceTrain(w: Workload, data: WorkloadData, init: LayerParams[]): number {
  const L = init.length;
  const W = init.map((p) => Array.from(p.weights));
  const B = init.map((p) => Array.from(p.bias));
  const f = (z: number): number => (w.hidden === 'tanh' ? Math.tanh(z) : w.hidden === 'relu' ? Math.max(0, z) : 1 / (1 + Math.exp(-z)));
  const df = (z: number, a: number): number => (w.hidden === 'tanh' ? 1 - a * a : w.hidden === 'relu' ? (z > 0 ? 1 : 0) : a * (1 - a));
  const sig = (z: number): number => 1 / (1 + Math.exp(-z));

  /** Forward of one sample: pre-activations and activations per layer (a[0] = x). */
  const forward = (x: number[]): { zs: number[][]; as: number[][] } => {
    const as = [x];
    const zs: number[][] = [];
    for (let l = 0; l < L; l++) {
      const { inputs, units } = init[l];
      const z = B[l].slice();
      for (let i = 0; i < inputs; i++) for (let j = 0; j < units; j++) z[j] += as[l][i] * W[l][i * units + j];
      zs.push(z);
      as.push(l < L - 1 ? z.map(f) : z.map((v) => v)); // output: logits kept, mapped in lossOf
    }
    return { zs, as };
  };
  /** Loss of one sample and dLoss/dz of the output (per sample, before averaging). */
  const lossOf = (z: number[], y: number[]): { loss: number; dz: number[] } => {
    if (w.loss === 'binary_crossentropy') {
      const t = z[0];
      return { loss: Math.max(t, 0) - t * y[0] + Math.log1p(Math.exp(-Math.abs(t))), dz: [sig(t) - y[0]] };
    }
    if (w.loss === 'categorical_crossentropy') {
      const m = Math.max(...z);
      const lse = m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
      return { loss: z.reduce((s, v, j) => s + y[j] * (lse - v), 0), dz: z.map((v, j) => Math.exp(v - lse) - y[j]) };
    }
    const a = z.map(sig);
    const k = z.length;
    return { loss: a.reduce((s, v, j) => s + (v - y[j]) ** 2, 0) / k, dz: a.map((v, j) => ((2 * (v - y[j])) / k) * v * (1 - v)) };
  };
  const row = (m: Float64Array, r: number, width: number): number[] => Array.from(m.subarray(r * width, (r + 1) * width));

  const state = [...W, ...B].map((p) => ({ m: p.map(() => 0), v: p.map(() => 0), buf: p.map(() => 0) }));
  let t = 0;
  for (let e = 0; e < w.epochs; e++) {
    for (let start = 0; start < data.n; start += w.batchSize) {
      const rows = Math.min(w.batchSize, data.n - start);
      const gW = W.map((p) => p.map(() => 0));
      const gB = B.map((p) => p.map(() => 0));
      for (let r = start; r < start + rows; r++) {
        const { zs, as } = forward(row(data.x, r, data.features));
        let delta = lossOf(zs[L - 1], row(data.y, r, data.outputs)).dz.map((d) => d / rows);
        for (let l = L - 1; l >= 0; l--) {
          const { inputs, units } = init[l];
          for (let i = 0; i < inputs; i++) for (let j = 0; j < units; j++) gW[l][i * units + j] += as[l][i] * delta[j];
          for (let j = 0; j < units; j++) gB[l][j] += delta[j];
          if (l > 0) {
            const prev = delta;
            delta = Array.from({ length: inputs }, (_, i) => {
              let s = 0;
              for (let j = 0; j < units; j++) s += prev[j] * W[l][i * units + j];
              return s * df(zs[l - 1][i], as[l][i]);
            });
          }
        }
      }
      t++;
      [...W, ...B].forEach((p, k) => {
        const g = [...gW, ...gB][k];
        const s = state[k];
        const o = w.optimizer;
        for (let q = 0; q < p.length; q++) {
          if (o.type === 'sgd') {
            let step = g[q];
            if (o.momentum !== 0) {
              s.buf[q] = t === 1 ? g[q] : o.momentum * s.buf[q] + g[q];
              step = s.buf[q];
            }
            p[q] -= o.lr * step;
          } else {
            s.m[q] = o.beta1 * s.m[q] + (1 - o.beta1) * g[q];
            s.v[q] = o.beta2 * s.v[q] + (1 - o.beta2) * g[q] * g[q];
            const mHat = s.m[q] / (1 - o.beta1 ** t);
            const vHat = s.v[q] / (1 - o.beta2 ** t);
            p[q] -= (o.lr * mHat) / (Math.sqrt(vHat) + o.eps);
          }
        }
      });
    }
  }
  let total = 0;
  for (let r = 0; r < data.n; r++) total += lossOf(forward(row(data.x, r, data.features)).zs[L - 1], row(data.y, r, data.outputs)).loss;
  return total / data.n;
}

describe('engine runner', () => {
  it.each([
    ['W1', 65, 3], // SGD, tanh, BCE from logits; last batch 5 of 10
    ['W2', 40, 4], // Adam, ReLU, softmax CE; last batch 8 of 16
    ['W4', 45, 3], // SGD momentum, sigmoid, MSE; last batch 13 of 32
  ])('trains shrunk %s to the final loss of an independent reference', (id, samples, epochs) => {
    const { w, shared } = shrunk(id, samples, epochs);
    const engine = trainEngine(buildProject(shared, 'float64'));
    const reference = referenceTrain(w, shared.data, shared.params);
    expect(engine.steps).toBe(epochs * Math.ceil(samples / w.batchSize));
    expect(Math.abs(engine.finalLoss - reference) / reference).toBeLessThan(REL_TOL);
  });
});

describe('loss check', () => {
  it('flags a final loss farther than the tolerance from the engine as a failure', () => {
    expect(checkAgreement(0.5, 0.5 + 2 * LOSS_TOLERANCE).kind).toBe('disagree');
    expect(checkAgreement(0.5, 0.5 + 0.5 * LOSS_TOLERANCE).kind).toBe('agree');
    expect(checkAgreement(0.5, Number.NaN).kind).toBe('disagree');
  });

  it('reports a contender that cannot reproduce the training as not comparable, not as a failure', () => {
    const a = checkAgreement(0.5, 0.7, false, 'linear output');
    expect(a).toEqual({ kind: 'not-comparable', delta: expect.closeTo(0.2, 12), reason: 'linear output' });
  });

  it('compares each contender with the engine run in its precision and computes the ratios', () => {
    const run = (seconds: number, finalLoss: number) => ({ status: 'ok' as const, times: [seconds, seconds * 2, seconds / 2], finalLoss, steps: 10, info: {}, comparable: true });
    const rows = summarizeWorkload('W1', 1000, 600, {
      'engine-float32': run(1, 0.3),
      'engine-float64': run(2, 0.4),
      'torch-float32': run(4, 0.3 + 1e-7),
      'torch-float64': run(1, 0.4 + 1e-3),
      sklearn: { status: 'skipped', reason: 'not installed' },
    });
    const by = Object.fromEntries(rows.map((r) => [r.contender, r]));
    expect(by['engine-float32'].samplesPerSecond).toBe(1000);
    expect(by['engine-float32'].gflops).toBeCloseTo(0.0006, 12);
    expect(by['torch-float32'].engineRatio).toBe(4);
    expect(by['torch-float32'].agreement?.kind).toBe('agree');
    expect(by['torch-float64'].agreement?.kind).toBe('disagree');
    expect(by.sklearn.status).toBe('skipped');
    expect(failures(rows).map((r) => r.contender)).toEqual(['torch-float64']);
  });

  it('takes the median of the timed runs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('workloads', () => {
  it('generates the same data and weights from the same seed', () => {
    const w = workloadById('W2');
    expect(generateData(w).x).toEqual(generateData(w).x);
    expect(initialParams(w)[1].weights).toEqual(initialParams(w)[1].weights);
  });

  it('draws Glorot uniform kernels within ±√(6/(in+out)) and zero biases', () => {
    for (const p of initialParams(workloadById('W4'))) {
      const limit = Math.sqrt(6 / (p.inputs + p.units));
      expect(Math.max(...p.weights.map(Math.abs))).toBeLessThanOrEqual(limit);
      expect(Math.max(...p.weights.map(Math.abs))).toBeGreaterThan(0.5 * limit);
      expect([...p.bias].every((b) => b === 0)).toBe(true);
    }
  });

  it('counts 6·Σ in·out FLOPs per sample', () => {
    // W3: 6·(784·128 + 128·64 + 64·10) = 6·109,184
    expect(flopsPerSample(workloadById('W3'))).toBe(655_104);
  });

  it('encodes classes one-hot for a softmax output and as 0/1 for one sigmoid unit', () => {
    const w2 = generateData(workloadById('W2'), 30);
    for (let r = 0; r < w2.n; r++) expect(w2.y[r * 3 + (w2.labels as Int32Array)[r]]).toBe(1);
    const w1 = generateData(workloadById('W1'), 30);
    expect([...w1.y].every((v, r) => v === (w1.labels as Int32Array)[r])).toBe(true);
  });
});
