import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSpiralExample } from '../../../src-engine/examples';
import { checkGradient } from '../../../src-engine/inspect/gradient-check';
import { traceStep } from '../../../src-engine/inspect/step-trace';
import { DenseLayer } from '../../../src-engine/layers/dense';
import type { Project } from '../../../src-engine/project';
import { createTrainingSession, type TrainingSession } from '../../../src-engine/training-session';
import { chainProject, notes221Project } from '../helpers/projects';

/** Correct float64 back-propagation agrees with central differences far below this. */
const REL_TOL = 1e-6;

function start(project: Project): TrainingSession {
  const created = createTrainingSession(project);
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

/** Every layer kind and a regularized loss, trained a few steps so the weights are not at their start. */
function mixedProject(loss: string, outputActivation: string, outputs: number, dataset: Record<string, unknown>): Project {
  return chainProject(
    [
      { id: 'h1', type: 'dense', data: { units: 5, activation: 'elu', alpha: 0.7, l2: 0.01 } },
      { id: 'act', type: 'activation', data: { activation: 'swish' } },
      { id: 'drop', type: 'dropout', data: { rate: 0.3 } },
      { id: 'h2', type: 'dense', data: { units: 4, activation: 'tanh', l1: 0.001 } },
      { id: 'out', type: 'output', data: { units: outputs, activation: outputActivation } },
    ],
    dataset,
    { loss, batchMode: 'minibatch', batchSize: 6, precision: 'float64', optimizer: { type: 'adam', lr: 0.01 } },
  );
}

const CASES: [string, Project][] = [
  ['softmax with categorical cross-entropy', mixedProject('categorical_crossentropy', 'softmax', 3, { type: 'builtin', name: 'blobs', samples: 60, classes: 3 })],
  ['sigmoid with binary cross-entropy', mixedProject('binary_crossentropy', 'sigmoid', 1, { type: 'builtin', name: 'moons', samples: 60 })],
  ['a linear output with mse', mixedProject('mse', 'linear', 1, { type: 'builtin', name: 'sine1d', samples: 60 })],
  ['a linear output with Huber', mixedProject('huber', 'linear', 1, { type: 'builtin', name: 'sine1d', samples: 60 })],
  ['the notes’ 2-2-1 sigmoid network with ½·SSE', notes221Project()],
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('checkGradient', () => {
  for (const [name, project] of CASES) {
    it(`agrees with central differences for ${name}`, () => {
      const session = start(project);
      for (let i = 0; i < 3; i++) session.trainStep();
      const result = checkGradient(session, 'all');
      expect(result.passed).toBe(true);
      expect(result.maxRelativeError).toBeLessThan(REL_TOL);
      expect(result.entries.length).toBe(session.snapshot().reduce((n, l) => n + l.weights.length + (l.bias?.length ?? 0), 0));
    });
  }

  it('checks a float32 session on a float64 copy of its network', () => {
    const session = start(createSpiralExample()); // float32
    session.trainStep();
    const result = checkGradient(session, 'all');
    expect(result.passed).toBe(true);
    expect(result.maxRelativeError).toBeLessThan(REL_TOL);
  });

  it('changes nothing: weights, gradient statistics and the next step stay exactly as without it', () => {
    const project = mixedProject('categorical_crossentropy', 'softmax', 3, { type: 'builtin', name: 'blobs', samples: 60, classes: 3 });
    project.training.shuffle = true;
    const checked = start(project);
    const plain = start(project);
    for (let step = 0; step < 12; step++) {
      const before = checked.snapshot();
      const histograms = checked.histograms(8);
      checkGradient(checked, 'all');
      expect(checked.snapshot()).toEqual(before);
      expect(checked.histograms(8)).toEqual(histograms);
      expect(checked.trainStep()).toEqual(plain.trainStep());
    }
    expect(checked.checkpoint()).toEqual(plain.checkpoint());
  });

  it('checks the batch the next step trains on, also before an epoch’s shuffle', () => {
    const project = mixedProject('binary_crossentropy', 'sigmoid', 1, { type: 'builtin', name: 'moons', samples: 30 });
    project.training.shuffle = true; // 24 training samples, 4 batches of 6 per epoch
    const session = start(project);
    for (let step = 0; step < 9; step++) {
      const checked = checkGradient(session, { layerIndex: 1, row: 0, col: 0 });
      expect(checked.entries).toMatchObject([{ layerIndex: 1, nodeId: 'h2', role: 'weights', row: 0, col: 0, ok: true }]);
      const traced = traceStep(session);
      if (!traced.ok) throw new Error(traced.error);
      expect(checked.sampleIndices).toEqual(traced.trace.sampleIndices);
    }
  });

  it('flags a deliberately wrong back-propagation (a test hook scales one gradient by 1.01)', () => {
    const original = DenseLayer.prototype.backwardFromPreactivation;
    vi.spyOn(DenseLayer.prototype, 'backwardFromPreactivation').mockImplementation(function (this: DenseLayer, rows: number, needInputGrad: boolean) {
      const result = original.call(this, rows, needInputGrad);
      if (this.nodeId === 'out') this.dWeights[3] *= 1.01; // W[3][0] of 'out' (no penalty) is 1 % off
      return result;
    });
    const session = start(mixedProject('binary_crossentropy', 'sigmoid', 1, { type: 'builtin', name: 'moons', samples: 60 }));
    const result = checkGradient(session, 'all');
    expect(result.passed).toBe(false);
    const bad = result.entries.filter((e) => !e.ok);
    expect(bad.map((e) => [e.nodeId, e.row, e.col])).toEqual([['out', 3, 0]]);
    expect(result.worst).toBe(bad[0]);
    // analytic = 1.01·numeric, so the relative error is 0.01/1.01
    expect(Math.abs(bad[0].relativeError - 0.01 / 1.01)).toBeLessThan(1e-6);
    expect(checkGradient(session, { layerIndex: 2, row: 3, col: 0 }).passed).toBe(false);
    expect(checkGradient(session, { layerIndex: 2, row: 2, col: 0 }).passed).toBe(true);
  });

  it('checks given training samples instead of the next batch', () => {
    const session = start(notes221Project({ batchMode: 'batch' }));
    expect(checkGradient(session, 'all', undefined, { sampleIndices: [1] })).toMatchObject({ sampleIndices: [1], passed: true });
    expect(() => checkGradient(session, 'all', undefined, { sampleIndices: [2] })).toThrow(/has 2 samples; sample 2 does not exist/);
    expect(() => checkGradient(session, 'all', undefined, { sampleIndices: [0, 1, 0] })).toThrow(/give 1 to 2 samples/);
  });

  it('refuses a target that does not exist, naming the layer', () => {
    const session = start(notes221Project());
    expect(() => checkGradient(session, { layerIndex: 0, row: 2, col: 0 })).toThrow(/layer 'hidden' has W\[2\]\[2\]; W\[2\]\[0\] does not exist/);
    expect(() => checkGradient(session, { layerIndex: 0, bias: 0 })).toThrow(/has no bias values/);
    expect(() => checkGradient(session, { layerIndex: 5, row: 0, col: 0 })).toThrow(/no dense layer 5; the network has 2/);
  });
});
