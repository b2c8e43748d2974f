import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { createTrainingSession, type TrainingSession } from '../../src-engine/training-session';
import type { Project } from '../../src-engine/project';
import { chainProject, notes221Project, notesLinearProject } from './helpers/projects';

/** The notes print seven significant digits. */
const NOTES_TOL = 5e-8;
const EXACT = 1e-12;

function start(project: Project): TrainingSession {
  const created = createTrainingSession(project);
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

describe('the notes’ 2-2-1 sigmoid example (002)', () => {
  it('reproduces the forward pass and the loss of the first sample', () => {
    const session = start(notes221Project());
    // Z₁ = Z₂ = 0.3·1 + 0.2·1 = 0.5, h₁ = h₂ = σ(0.5) = 0.6224593;
    // Z_out = 0.1·h₁ + 0.2·h₂ = 0.1867378, ŷ = σ(0.1867378) = 0.5465493.
    const y = session.predict(Float64Array.from([1, 1]), 1);
    expect(Math.abs(y[0] - 0.5465493)).toBeLessThan(NOTES_TOL);
    const r = session.trainStep();
    // E = ½(1 − 0.5465493)² = 0.1028088
    expect(Math.abs(r.point.loss - 0.1028088)).toBeLessThan(NOTES_TOL);
    expect(r.point).toMatchObject({ step: 1, epoch: 1, lr: 0.01 });
  });

  it('updates w2_11 to 0.1006995 and w1_11 to 0.3000264 after one SGD step on (1, 1)', () => {
    const session = start(notes221Project());
    session.trainStep();
    const [hidden, output] = session.snapshot();
    // δ_out = ŷ(1 − ŷ)(ŷ − y) = 0.5465493·0.4534507·(−0.4534507) = −0.1123801
    // ∂E/∂w2_11 = h₁·δ_out = 0.6224593·(−0.1123801) = −0.0699521 → 0.1 + 0.01·0.0699521 = 0.1006995
    expect(Math.abs(output.weights[0] - 0.1006995)).toBeLessThan(NOTES_TOL);
    // ∂E/∂w1_11 = x₁·h₁(1 − h₁)·w2_11·δ_out = 1·0.2350037·0.1·(−0.1123801) = −0.0026410
    // → 0.3 + 0.01·0.0026410 = 0.3000264 (the notes print 0.30026, dropping a zero)
    expect(Math.abs(hidden.weights[0] - 0.3000264)).toBeLessThan(NOTES_TOL);
    // The second hidden unit gets the other output weight: ∂E/∂w1_12 = 1·0.2350037·0.2·(−0.1123801)
    expect(Math.abs(hidden.weights[1] - (0.4 + 0.01 * 0.2350037 * 0.2 * 0.1123801))).toBeLessThan(NOTES_TOL);
  });

  it('finishes the epoch after the second sample and reports accuracy', () => {
    const session = start(notes221Project());
    expect(session.trainStep().epochEnd).toBeNull();
    const end = session.trainStep().epochEnd;
    expect(end).not.toBeNull();
    expect(end).toMatchObject({ epoch: 1, step: 2, valLoss: null, valAccuracy: null });
    // Both outputs are still ≈ 0.55 > 0.5, so (1,1)→1 is right and (2,2)→0 is wrong.
    expect(end?.trainAccuracy).toBe(0.5);
  });
});

describe('the notes’ linear example ŷ = b₁X (002)', () => {
  it('moves b₁ from 10 to 7 to 6.5 in two stochastic steps', () => {
    const session = start(notesLinearProject());
    const first = session.trainStep();
    // dE₁/db = (b·x − y)·x = (20 − 5)·2 = 30 → 10 − 0.1·30 = 7; E₁ = ½(5 − 20)² = 112.5
    expect(Math.abs(session.snapshot()[0].weights[0] - 7)).toBeLessThan(EXACT);
    expect(Math.abs(first.point.loss - 112.5)).toBeLessThan(EXACT);
    const second = session.trainStep();
    // dE₂/db = (7·1 − 2)·1 = 5 → 7 − 0.1·5 = 6.5; E₂ = ½(2 − 7)² = 12.5
    expect(Math.abs(session.snapshot()[0].weights[0] - 6.5)).toBeLessThan(EXACT);
    expect(Math.abs(second.point.loss - 12.5)).toBeLessThan(EXACT);
  });

  it('sums the gradient over the batch in batch mode, as the notes do', () => {
    const session = start(notesLinearProject({ batchMode: 'batch' }));
    const step = session.trainStep();
    // E = Σ ½(y − b·x)²; dE/db = Σ (b·x − y)·x at b = 10: 15·2 + 8·1 + 24·3 + 34·4 = 246
    // → 10 − 0.1·246 = −14.6; E = ½(15² + 8² + 24² + 34²) = ½·2021 = 1010.5
    expect(Math.abs(session.snapshot()[0].weights[0] - -14.6)).toBeLessThan(EXACT);
    expect(Math.abs(step.point.loss - 1010.5)).toBeLessThan(EXACT);
    expect(session.stepsPerEpoch).toBe(1);
  });

  it('sums a mini-batch of two: the first two stochastic gradients at once', () => {
    const session = start(notesLinearProject({ batchMode: 'minibatch', batchSize: 2 }));
    session.trainStep();
    // dE/db = (20 − 5)·2 + (10 − 2)·1 = 38 → 10 − 0.1·38 = 6.2
    expect(Math.abs(session.snapshot()[0].weights[0] - 6.2)).toBeLessThan(EXACT);
  });
});

describe('createTrainingSession', () => {
  it('trains the spiral example in float64 to a loss well below the start', () => {
    const project = createSpiralExample();
    project.training.precision = 'float64';
    const session = start(project);
    const before = session.evaluate().trainLoss;
    let last = null;
    for (let i = 0; i < 400; i++) {
      const r = session.trainStep();
      expect(r.divergence).toBeNull();
      if (r.epochEnd) last = r.epochEnd;
    }
    expect(last).not.toBeNull();
    expect(last!.trainLoss).toBeLessThan(0.5 * before);
  });

  it('gives bit-identical snapshots for two sessions of the same project', () => {
    const project = createSpiralExample();
    const a = start(project);
    const b = start(project);
    for (let i = 0; i < 60; i++) {
      a.trainStep();
      b.trainStep();
    }
    expect(a.snapshot()).toEqual(b.snapshot());
  });

  it('sizes batches per batch mode and lets the last batch of an epoch be smaller', () => {
    const project = createSpiralExample(); // 400 samples, 20 % validation → 320 for training
    project.training.batchSize = 30;
    const session = start(project);
    expect([session.trainSize, session.valSize, session.batchSize, session.stepsPerEpoch]).toEqual([320, 80, 30, 11]);
  });

  it('refuses a project whose graph does not compile, naming the node', () => {
    const project = chainProject([{ id: 'out', type: 'output', data: { units: 3, activation: 'sigmoid' } }], { type: 'builtin', name: 'moons' }, {});
    const created = createTrainingSession(project);
    expect(created.ok).toBe(false);
    if (!created.ok) {
      expect(created.nodeId).toBe('out');
      expect(created.error).toMatch(/3 units but the data has 2 classes/);
    }
  });

  it('stops a diverging run before the weights become non-finite', () => {
    const project = notesLinearProject({ optimizer: { type: 'sgd', lr: 1e3 }, batchMode: 'batch' });
    const session = start(project);
    let divergence = null;
    for (let i = 0; i < 200 && !divergence; i++) divergence = session.trainStep().divergence;
    expect(divergence).not.toBeNull();
    expect(divergence!.nodeId).toBe('b1');
    expect(divergence!.message).toMatch(/learning rate/);
    expect(Number.isFinite(session.snapshot()[0].weights[0])).toBe(true);
  });
});

describe('TrainingSession features', () => {
  it('adds the L1/L2 penalty to the reported loss', () => {
    // b = 10, first sample (2, 5): data loss ½(20 − 5)² = 112.5; penalty 0.1·|10| + 0.01·10² = 2
    const project = notesLinearProject();
    const node = project.graph.nodes[1];
    if (node.type === 'output') Object.assign(node.data, { l1: 0.1, l2: 0.01 });
    const session = start(project);
    const r = session.trainStep();
    expect(Math.abs(r.point.loss - 114.5)).toBeLessThan(EXACT);
    // gradient 30 + 0.1·sign(10) + 2·0.01·10 = 30.3 → 10 − 0.1·30.3 = 6.97
    expect(Math.abs(session.snapshot()[0].weights[0] - 6.97)).toBeLessThan(EXACT);
  });

  it('applies new hyperparameters from the next step on', () => {
    const session = start(notesLinearProject());
    session.trainStep(); // b: 10 → 7
    session.setHyperparameters({ lr: 0.2 });
    const r = session.trainStep();
    // (7·1 − 2)·1 = 5 → 7 − 0.2·5 = 6
    expect(r.point.lr).toBe(0.2);
    expect(Math.abs(session.snapshot()[0].weights[0] - 6)).toBeLessThan(EXACT);
  });

  it('switches the optimizer when asked for another type', () => {
    const session = start(notesLinearProject());
    session.setHyperparameters({ optimizer: { type: 'adam', lr: 0.5, beta1: 0.9, beta2: 0.999, eps: 1e-8, amsgrad: false, weightDecay: 0 } });
    session.trainStep();
    // Adam's first step moves by lr·ĝ/(|ĝ| + ε) ≈ lr: 10 − 0.5 = 9.5
    expect(Math.abs(session.snapshot()[0].weights[0] - 9.5)).toBeLessThan(1e-8);
  });

  it('uses the schedule’s rate for each step', () => {
    const session = start(notesLinearProject({ schedule: { type: 'exponential', decayRate: 0.5, decaySteps: 2, staircase: true } }));
    const rates = Array.from({ length: 5 }, () => session.trainStep().point.lr);
    // 0.1·0.5^(t div 2) for t = 0 … 4
    expect(rates).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
  });

  it('clips the gradient by norm before the update', () => {
    const session = start(notesLinearProject({ clip: { type: 'norm', maxNorm: 1 } }));
    session.trainStep();
    // gradient 30 clipped to 30·1/(30 + 1e-6) → 10 − 0.1·0.99999997 = 9.900000003
    expect(Math.abs(session.snapshot()[0].weights[0] - (10 - (0.1 * 30) / (30 + 1e-6)))).toBeLessThan(EXACT);
    expect(session.snapshot()[0].gradNorm).toBe(30); // the statistics show the raw gradient
  });

  it('returns fresh snapshot copies with weight norm, gradient statistics and update ratio', () => {
    const session = start(notes221Project());
    session.trainStep();
    const [hidden] = session.snapshot();
    hidden.weights[0] = 123;
    expect(session.snapshot()[0].weights[0]).not.toBe(123);
    // ‖W‖ of the hidden layer ≈ √(0.3² + 0.4² + 0.2² + 0.1²) = √0.3 (after a step of about 1e-5)
    expect(Math.abs(hidden.weightNorm - Math.sqrt(0.3))).toBeLessThan(1e-4);
    expect(hidden.gradNorm).toBeGreaterThan(0);
    expect(hidden.meanAbsGrad).toBeGreaterThan(0);
    expect(hidden.updateRatio).toBeGreaterThan(0);
  });

  it('builds histograms of weights and gradients per dense layer', () => {
    const session = start(createSpiralExample());
    session.trainStep();
    const h = session.histograms(10);
    expect(h.map((l) => l.nodeId)).toEqual(['hidden1', 'hidden2', 'output']);
    expect(h[0].weights.counts.reduce((a, b) => a + b, 0)).toBe(16); // 2 × 8 weights
    expect(h[0].bias?.counts.length).toBe(10);
  });

  it('draws dropout masks deterministically from the seed and ignores them at inference', () => {
    const project = chainProject(
      [
        { id: 'h', type: 'dense', data: { units: 8, activation: 'relu' } },
        { id: 'drop', type: 'dropout', data: { rate: 0.5 } },
        { id: 'out', type: 'output', data: { units: 1, activation: 'sigmoid' } },
      ],
      { type: 'builtin', name: 'moons', samples: 100 },
      { loss: 'binary_crossentropy', optimizer: { type: 'sgd', lr: 0.1 } },
    );
    const a = start(project);
    const b = start(project);
    for (let i = 0; i < 30; i++) expect(a.trainStep().point.loss).toBe(b.trainStep().point.loss);
    const x = Float64Array.from([0.2, 0.1]);
    expect(a.predict(x, 1)).toEqual(a.predict(x, 1));
  });

  it('trains in float32 close to the float64 run', () => {
    const run = (precision: 'float32' | 'float64'): number => {
      const project = createSpiralExample();
      project.training.precision = precision;
      const session = start(project);
      for (let i = 0; i < 40; i++) session.trainStep();
      return session.evaluate().trainLoss;
    };
    expect(Math.abs(run('float32') - run('float64'))).toBeLessThan(1e-3);
  });
});
