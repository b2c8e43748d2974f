/**
 * The four fixed benchmark workloads (W1–W4 of the performance issue), their data and their
 * initial weights. Written once and used by the orchestrator only: it generates the data and
 * the weights here and writes them to files (`shared-files.ts`) that every contender loads,
 * so all contenders start from bit-identical float64 values and see the same batches.
 *
 * Data come from the engine's seeded generator (sfc32, `src-engine/rng.ts`); initial
 * weights are Glorot uniform U(−√(6/(in+out)), √(6/(in+out))) drawn from the seed, kernel by
 * kernel in chain order, and biases are zero.
 */
import { createRng, deriveSeed, type Rng } from '../src-engine/rng';

/** Activations every contender implements for the benchmark. */
export type BenchActivation = 'tanh' | 'relu' | 'sigmoid' | 'softmax';
/** Losses as LayerLab defines them (src-engine/losses.ts). */
export type BenchLoss = 'binary_crossentropy' | 'categorical_crossentropy' | 'mse';

/** torch.optim's update rules: SGD with optional heavy-ball momentum, and Adam. */
export type BenchOptimizer =
  | { type: 'sgd'; lr: number; momentum: number }
  | { type: 'adam'; lr: number; beta1: number; beta2: number; eps: number };

/** One workload: the network, the training settings and how its data are made. */
export interface Workload {
  id: 'W1' | 'W2' | 'W3' | 'W4';
  title: string;
  /** Layer widths from the input to the output, e.g. [2, 8, 8, 1]. */
  sizes: number[];
  hidden: BenchActivation;
  output: BenchActivation;
  loss: BenchLoss;
  optimizer: BenchOptimizer;
  batchSize: number;
  epochs: number;
  samples: number;
  /** Number of classes (classification), 0 for regression. */
  classes: number;
  task: 'classification' | 'regression';
  /** Seed of the data and of the initial weights. */
  seed: number;
}

/** The workloads exactly as the issue fixes them. */
export const WORKLOADS: readonly Workload[] = [
  {
    id: 'W1', title: 'classroom: spiral 2-8-8-1', sizes: [2, 8, 8, 1], hidden: 'tanh', output: 'sigmoid',
    loss: 'binary_crossentropy', optimizer: { type: 'sgd', lr: 0.03, momentum: 0 }, batchSize: 10, epochs: 200,
    samples: 500, classes: 2, task: 'classification', seed: 11,
  },
  {
    id: 'W2', title: 'iris-like 4-16-16-3', sizes: [4, 16, 16, 3], hidden: 'relu', output: 'softmax',
    loss: 'categorical_crossentropy', optimizer: { type: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
    batchSize: 16, epochs: 200, samples: 150, classes: 3, task: 'classification', seed: 12,
  },
  {
    id: 'W3', title: 'MNIST-sized 784-128-64-10', sizes: [784, 128, 64, 10], hidden: 'relu', output: 'softmax',
    loss: 'categorical_crossentropy', optimizer: { type: 'adam', lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
    batchSize: 64, epochs: 3, samples: 6000, classes: 10, task: 'classification', seed: 13,
  },
  {
    id: 'W4', title: 'deep sigmoid 2-16×6-1', sizes: [2, 16, 16, 16, 16, 16, 16, 1], hidden: 'sigmoid', output: 'sigmoid',
    loss: 'mse', optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 }, batchSize: 32, epochs: 50,
    samples: 500, classes: 0, task: 'regression', seed: 14,
  },
];

/** Finds a workload by id; throws naming the valid ids. */
export function workloadById(id: string): Workload {
  const w = WORKLOADS.find((x) => x.id === id);
  if (!w) throw new Error(`Unknown workload '${id}'. Use one of ${WORKLOADS.map((x) => x.id).join(', ')}.`);
  return w;
}

/** FLOPs per training sample, the convention: 6·Σ in·out (forward 2, backward 4). */
export function flopsPerSample(w: Pick<Workload, 'sizes'>): number {
  let s = 0;
  for (let l = 0; l + 1 < w.sizes.length; l++) s += w.sizes[l] * w.sizes[l + 1];
  return 6 * s;
}

/** Optimizer steps per epoch: ⌈n / batch⌉, the last batch possibly smaller. */
export function stepsPerEpoch(w: Pick<Workload, 'samples' | 'batchSize'>): number {
  return Math.ceil(w.samples / w.batchSize);
}

/** The data of a workload: x `[n][features]`, targets y `[n][outputs]` (0/1, one-hot or values). */
export interface WorkloadData {
  n: number;
  features: number;
  outputs: number;
  x: Float64Array;
  y: Float64Array;
  /** Class per sample (classification), else null. */
  labels: Int32Array | null;
}

/** Sub-streams of a workload's seed. */
const STREAM = { data: 1, weights: 2, order: 3 } as const;

/** Randomly reorders the samples once (the data order then stays fixed: no shuffling). */
function permute(rng: Rng, n: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  rng.shuffle(order);
  return order;
}

/** W1: two interleaved spirals, 250 points each, radius 0.05 … 1, 1.75 turns, noise σ 0.02. */
function spiral(n: number, rng: Rng): { x: number[][]; c: number[] } {
  const x: number[][] = [];
  const c: number[] = [];
  const half = Math.floor(n / 2);
  for (let i = 0; i < n; i++) {
    const cls = i < half ? 0 : 1;
    const k = cls === 0 ? i : i - half;
    const t = k / Math.max(1, (cls === 0 ? half : n - half) - 1);
    const r = 0.05 + 0.95 * t;
    const angle = 1.75 * 2 * Math.PI * t + cls * Math.PI;
    x.push([r * Math.cos(angle) + 0.02 * rng.normal(), r * Math.sin(angle) + 0.02 * rng.normal()]);
    c.push(cls);
  }
  return { x, c };
}

/** W2: three Gaussian classes in 4-D (means drawn in [−2, 2], σ 0.6), 50 each, like iris. */
function irisLike(n: number, rng: Rng): { x: number[][]; c: number[] } {
  const means = [0, 1, 2].map(() => [0, 1, 2, 3].map(() => -2 + 4 * rng.next()));
  const x: number[][] = [];
  const c: number[] = [];
  for (let i = 0; i < n; i++) {
    const cls = i % 3;
    x.push(means[cls].map((m) => m + 0.6 * rng.normal()));
    c.push(cls);
  }
  return { x, c };
}

/**
 * W3: 28×28 "digits": each class is 4–5 random pen strokes; a sample jitters every stroke end
 * by up to ±1.5 px, shifts the whole by up to ±2 px and scales the ink by 0.7–1. A pixel is
 * min(1, 2.5 − its distance to the nearest stroke), 0 when negative, so about 82% of the
 * inputs are exactly 0, as in MNIST (81%); engines that skip zero inputs gain here as they
 * would on MNIST, and no more.
 */
function digitLike(n: number, rng: Rng, classes: number): { x: number[][]; c: number[] } {
  const side = 28;
  const strokes: number[][][] = [];
  for (let k = 0; k < classes; k++) {
    const count = 4 + rng.int(2);
    const list: number[][] = [];
    let px = 6 + 16 * rng.next();
    let py = 6 + 16 * rng.next();
    for (let s = 0; s < count; s++) {
      const qx = 6 + 16 * rng.next();
      const qy = 6 + 16 * rng.next();
      list.push([px, py, qx, qy]);
      px = qx;
      py = qy;
    }
    strokes.push(list);
  }
  const x: number[][] = [];
  const c: number[] = [];
  for (let i = 0; i < n; i++) {
    const cls = i % classes;
    const dx = -2 + 4 * rng.next();
    const dy = -2 + 4 * rng.next();
    const ink = 0.7 + 0.3 * rng.next();
    const segs = strokes[cls].map(([ax, ay, bx, by]) => [
      ax + dx + 3 * (rng.next() - 0.5), ay + dy + 3 * (rng.next() - 0.5),
      bx + dx + 3 * (rng.next() - 0.5), by + dy + 3 * (rng.next() - 0.5),
    ]);
    const img = new Array<number>(side * side).fill(0);
    for (let py = 0; py < side; py++) {
      for (let px = 0; px < side; px++) {
        let best = Infinity;
        for (const [ax, ay, bx, by] of segs) {
          const vx = bx - ax;
          const vy = by - ay;
          const len2 = vx * vx + vy * vy || 1;
          const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / len2));
          const ex = ax + t * vx - px;
          const ey = ay + t * vy - py;
          best = Math.min(best, ex * ex + ey * ey);
        }
        const v = Math.min(1, 2.5 - Math.sqrt(best));
        img[py * side + px] = v > 0 ? ink * v : 0;
      }
    }
    x.push(img);
    c.push(cls);
  }
  return { x, c };
}

/** W4: uniform points in [−1, 1]², target 1 inside the circle of radius 0.6, else 0. */
function circle(n: number, rng: Rng): { x: number[][]; t: number[] } {
  const x: number[][] = [];
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = [-1 + 2 * rng.next(), -1 + 2 * rng.next()];
    x.push(p);
    t.push(p[0] * p[0] + p[1] * p[1] < 0.36 ? 1 : 0);
  }
  return { x, t };
}

/** Generates a workload's data from its seed (deterministic), in a fixed random order. */
export function generateData(w: Workload, samples = w.samples): WorkloadData {
  const rng = createRng(deriveSeed(w.seed, STREAM.data));
  const features = w.sizes[0];
  const outputs = w.sizes[w.sizes.length - 1];
  let rows: number[][];
  let targets: number[];
  let classes: number[] | null = null;
  switch (w.id) {
    case 'W1': ({ x: rows, c: targets } = spiral(samples, rng)); classes = targets; break;
    case 'W2': ({ x: rows, c: targets } = irisLike(samples, rng)); classes = targets; break;
    case 'W3': ({ x: rows, c: targets } = digitLike(samples, rng, w.classes)); classes = targets; break;
    case 'W4': ({ x: rows, t: targets } = circle(samples, rng)); break;
  }
  const order = permute(createRng(deriveSeed(w.seed, STREAM.order)), samples);
  const x = new Float64Array(samples * features);
  const y = new Float64Array(samples * outputs);
  const labels = classes ? new Int32Array(samples) : null;
  for (let r = 0; r < samples; r++) {
    const i = order[r];
    x.set(rows[i], r * features);
    if (classes && labels) {
      labels[r] = classes[i];
      if (outputs === 1) y[r] = classes[i];
      else y[r * outputs + classes[i]] = 1;
    } else {
      y[r] = targets[i];
    }
  }
  return { n: samples, features, outputs, x, y, labels };
}

/** Initial parameters per dense layer: W `[in][out]` row-major and b `[out]`. */
export interface LayerParams {
  inputs: number;
  units: number;
  weights: Float64Array;
  bias: Float64Array;
}

/** Glorot uniform kernels (Keras' rule, limit √(6/(in+out))) from the seed; zero biases. */
export function initialParams(w: Pick<Workload, 'sizes' | 'seed'>): LayerParams[] {
  const rng = createRng(deriveSeed(w.seed, STREAM.weights));
  const layers: LayerParams[] = [];
  for (let l = 0; l + 1 < w.sizes.length; l++) {
    const inputs = w.sizes[l];
    const units = w.sizes[l + 1];
    const limit = Math.sqrt(6 / (inputs + units));
    const weights = new Float64Array(inputs * units);
    for (let k = 0; k < weights.length; k++) weights[k] = (2 * rng.next() - 1) * limit;
    layers.push({ inputs, units, weights, bias: new Float64Array(units) });
  }
  return layers;
}

/** Share of exactly-zero inputs (W3 reports it: sparsity helps engines that skip zeros). */
export function zeroFraction(x: Float64Array): number {
  let zeros = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === 0) zeros++;
  return x.length ? zeros / x.length : 0;
}
