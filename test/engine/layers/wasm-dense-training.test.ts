import { afterEach, describe, expect, it } from 'vitest';
import { forceKernelBackend, type KernelBackend } from '../../../src-engine/wasm-host';
import { createRng } from '../../../src-engine/rng';
import { createTrainingSession } from '../../../src-engine/training-session';
import type { Project } from '../../../src-engine/project';
import { chainProject } from '../helpers/projects';

/**
 * The SIMD kernels sum in float32 and the TS kernels in float64, so each step differs by
 * float32 rounding (~1e-7 relative) and the differences grow slowly over training; 1e-4
 * relative over 60 steps leaves room for that growth and is far below any real change of
 * the loss curve (the loss falls by several tenths here).
 */
const LOSS_REL_TOL = 1e-4;

/** A W3-like task: 96 sparse "pixels" (about 80% exact zeros), 4 classes, 240 samples. */
function sparseProject(): Project {
  const rng = createRng(7);
  const features = 96;
  const x: number[][] = [];
  const y: number[][] = [];
  for (let n = 0; n < 240; n++) {
    const label = n % 4;
    // Each class lights a different quarter of the pixels, with noise.
    x.push(Array.from({ length: features }, (_, i) => (Math.floor(i / 24) === label ? rng.next() < 0.75 : rng.next() < 0.02) ? rng.next() : 0));
    y.push(Array.from({ length: 4 }, (_, j) => (j === label ? 1 : 0)));
  }
  const dataset = {
    type: 'inline',
    name: 'sparse',
    task: 'classification',
    featureNames: Array.from({ length: features }, (_, i) => `p${i}`),
    targetNames: ['c0', 'c1', 'c2', 'c3'],
    classLabels: ['c0', 'c1', 'c2', 'c3'],
    x,
    y,
  };
  return chainProject(
    [
      { id: 'h1', type: 'dense', data: { units: 40, activation: 'relu' } },
      { id: 'h2', type: 'dense', data: { units: 27, activation: 'relu' } },
      { id: 'out', type: 'output', data: { units: 4, activation: 'softmax' } },
    ],
    dataset,
    { loss: 'categorical_crossentropy', optimizer: { type: 'adam', lr: 0.01 }, batchSize: 16, epochs: 4, shuffle: true, validationSplit: 0.2, precision: 'float32' },
  );
}

/**
 * A W1/W4-like chain of sigmoid, tanh and leaky ReLU layers (the SIMD activations, with
 * polynomial e^x) and an activation layer between dense layers.
 */
function smoothProject(): Project {
  return chainProject(
    [
      { id: 'h1', type: 'dense', data: { units: 12, activation: 'tanh' } },
      { id: 'h2', type: 'dense', data: { units: 12, activation: 'sigmoid' } },
      { id: 'act', type: 'activation', data: { activation: 'swish' } },
      { id: 'h3', type: 'dense', data: { units: 9, activation: 'leaky_relu', alpha: 0.1 } },
      { id: 'h4', type: 'dense', data: { units: 6, activation: 'relu' } },
      { id: 'out', type: 'output', data: { units: 1, activation: 'sigmoid' } },
    ],
    { type: 'builtin', name: 'circles', samples: 200 },
    { loss: 'binary_crossentropy', optimizer: { type: 'adam', lr: 0.02 }, batchSize: 20, epochs: 8, shuffle: true, validationSplit: 0.2, precision: 'float32' },
  );
}

/** Every step's batch loss and every epoch's train and validation loss, on `backend`. */
function trajectory(backend: KernelBackend, project: () => Project = sparseProject): number[] {
  forceKernelBackend(backend);
  const created = createTrainingSession(project());
  if (!created.ok) throw new Error(created.error);
  const { session } = created;
  const losses: number[] = [];
  for (let s = 0; s < session.epochs * session.stepsPerEpoch; s++) {
    const r = session.trainStep();
    expect(r.divergence).toBeNull();
    losses.push(r.point.loss);
    if (r.epochEnd) losses.push(r.epochEnd.trainLoss, r.epochEnd.valLoss ?? NaN);
  }
  return losses;
}

afterEach(() => forceKernelBackend(null));

describe('training on the WebAssembly SIMD kernels', () => {
  it('follows the TS kernels’ loss trajectory within float32 rounding', () => {
    const simd = trajectory('wasm-simd');
    const ts = trajectory('ts');
    expect(simd.length).toBe(ts.length);
    const worst = Math.max(...simd.map((v, k) => Math.abs(v - ts[k]) / Math.abs(ts[k])));
    expect(worst).toBeLessThan(LOSS_REL_TOL);
    // Not the same path twice: float32 sums leave a trace, so the SIMD kernels really ran.
    expect(simd.some((v, k) => v !== ts[k])).toBe(true);
    // And the network learned: the last epoch's training loss is well below the first step's.
    expect(simd[simd.length - 2]).toBeLessThan(0.5 * simd[0]);
  });

  it('with sigmoid, tanh and (leaky) ReLU layers in one memory, follows the TS kernels within float32 rounding', () => {
    const simd = trajectory('wasm-simd', smoothProject);
    const ts = trajectory('ts', smoothProject);
    expect(simd.length).toBe(ts.length);
    const worst = Math.max(...simd.map((v, k) => Math.abs(v - ts[k]) / Math.abs(ts[k])));
    expect(worst).toBeLessThan(LOSS_REL_TOL);
    expect(simd.some((v, k) => v !== ts[k])).toBe(true);
    expect(simd[simd.length - 2]).toBeLessThan(0.8 * simd[0]);
  });
});
