/**
 * LayerLab's engine as a benchmark contender: a workload becomes an ordinary LayerLab
 * project (inline data, manual initial weights, zero biases, no shuffling, no validation
 * split) and trains through `createTrainingSession`/`trainStep`, exactly as the trainer host
 * drives it, so every per-step cost of the app (gradient statistics, the divergence check,
 * the epoch-end evaluation) is included.
 */
import { projectSchema, PROJECT_FORMAT, PROJECT_VERSION, type Project } from '../src-engine/project';
import { createTrainingSession, type TrainingSession } from '../src-engine/training-session';
import type { Precision } from '../src-engine/tensor';
import type { SharedWorkload } from './shared-files';
import { generateData, initialParams, type BenchOptimizer, type Workload } from './workloads';

/** The LayerLab optimizer spec of a benchmark optimizer (torch.optim defaults otherwise). */
function optimizerSpec(o: BenchOptimizer): Project['training']['optimizer'] {
  if (o.type === 'sgd') return { type: 'sgd', lr: o.lr, momentum: o.momentum, dampening: 0, nesterov: false, weightDecay: 0 };
  return { type: 'adam', lr: o.lr, beta1: o.beta1, beta2: o.beta2, eps: o.eps, amsgrad: false, weightDecay: 0 };
}

/** Rows of a row-major matrix as arrays (the inline data set format). */
function rowsOf(a: Float64Array, n: number, width: number): number[][] {
  const rows: number[][] = [];
  for (let r = 0; r < n; r++) rows.push(Array.from(a.subarray(r * width, (r + 1) * width)));
  return rows;
}

/**
 * A validated LayerLab project for the shared workload: Input → dense… → Output with the
 * shared initial weights, inline data in the shared order. `epochs` overrides the workload's.
 */
export function buildProject(shared: SharedWorkload, precision: Precision, epochs = shared.meta.workload.epochs): Project {
  const { meta, data, params } = shared;
  const w = meta.workload;
  const nodes: unknown[] = [{ id: 'input', type: 'input', position: { x: 0, y: 0 }, data: { name: 'Input' } }];
  const edges: unknown[] = [];
  let previous = 'input';
  params.forEach((p, l) => {
    const isOutput = l === params.length - 1;
    const id = isOutput ? 'output' : `hidden${l + 1}`;
    nodes.push({
      id,
      type: isOutput ? 'output' : 'dense',
      position: { x: 200 * (l + 1), y: 0 },
      data: {
        name: id,
        units: p.units,
        activation: isOutput ? w.output : w.hidden,
        kernelInitializer: { type: 'manual', values: Array.from(p.weights) },
        biasInitializer: { type: 'manual', values: Array.from(p.bias) },
      },
    });
    edges.push({ id: `e-${previous}-${id}`, source: previous, target: id });
    previous = id;
  });
  const classification = w.task === 'classification';
  const oneHot = data.outputs > 1;
  const dataset = {
    type: 'inline',
    name: w.id,
    task: w.task,
    featureNames: Array.from({ length: data.features }, (_, i) => `x${i}`),
    targetNames: oneHot ? Array.from({ length: data.outputs }, (_, j) => `c${j}`) : ['y'],
    ...(classification ? { classLabels: Array.from({ length: Math.max(2, w.classes) }, (_, j) => `c${j}`) } : {}),
    x: rowsOf(data.x, data.n, data.features),
    y: rowsOf(data.y, data.n, data.outputs),
  };
  return projectSchema.parse({
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: `bench ${w.id}`,
    graph: { nodes, edges },
    dataset,
    training: {
      loss: w.loss,
      optimizer: optimizerSpec(w.optimizer),
      batchMode: 'minibatch',
      batchSize: w.batchSize,
      epochs,
      shuffle: false,
      seed: 1,
      validationSplit: 0,
      precision,
    },
  });
}

/** The LayerLab project of workload `w` (float32) trained for `epochs`, built in this process (no shared files). */
export function workloadProject(w: Workload, epochs: number): Project {
  const data = generateData(w);
  const params = initialParams(w);
  const meta = { workload: w, n: data.n, features: data.features, outputs: data.outputs, layers: params.map((p) => ({ inputs: p.inputs, units: p.units })) };
  return buildProject({ meta, data, params }, 'float32', epochs);
}

/** A fresh session of `project`; throws with the engine's message when it cannot be built. */
export function createSession(project: Project): TrainingSession {
  const created = createTrainingSession(project);
  if (!created.ok) throw new Error(`LayerLab could not build the benchmark project: ${created.error}`);
  return created.session;
}

/** Outcome of one timed training run. */
export interface EngineRun {
  /** Wall time of the training steps only (session creation excluded). */
  seconds: number;
  /** Training loss after training: one full pass in inference mode. */
  finalLoss: number;
  steps: number;
}

/** Trains a fresh session for the project's epochs; times only the `trainStep` loop. */
export function trainEngine(project: Project): EngineRun {
  const session = createSession(project);
  const total = session.epochs * session.stepsPerEpoch;
  const start = performance.now();
  for (let s = 0; s < total; s++) {
    const result = session.trainStep();
    if (result.divergence) throw new Error(`The engine diverged at step ${s + 1}: ${result.divergence.message}`);
  }
  const seconds = (performance.now() - start) / 1000;
  return { seconds, finalLoss: session.evaluate().trainLoss, steps: total };
}
