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
    // δ_out = ŷ(1 − ŷ)(ŷ − y) = 0.5465493·0.4534507·(−0.4534507) = −0.1123834
    // ∂E/∂w2_11 = h₁·δ_out = 0.6224593·(−0.1123834) = −0.0699541 → 0.1 + 0.01·0.0699541 = 0.1006995
    expect(Math.abs(output.weights[0] - 0.1006995)).toBeLessThan(NOTES_TOL);
    // ∂E/∂w1_11 = x₁·h₁(1 − h₁)·w2_11·δ_out = 1·0.2350037·0.1·(−0.1123834) = −0.0026410
    // → 0.3 + 0.01·0.0026410 = 0.3000264 (the notes print 0.30026, dropping a zero)
    expect(Math.abs(hidden.weights[0] - 0.3000264)).toBeLessThan(NOTES_TOL);
    // The second hidden unit gets the other output weight: ∂E/∂w1_12 = 1·0.2350037·0.2·(−0.1123834)
    expect(Math.abs(hidden.weights[1] - (0.4 + 0.01 * 0.2350037 * 0.2 * 0.1123834))).toBeLessThan(NOTES_TOL);
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

  it('averages the gradient over the batch in batch mode', () => {
    const session = start(notesLinearProject({ batchMode: 'batch' }));
    session.trainStep();
    // Σ (b·x − y)·x at b = 10: 15·2 + 8·1 + 24·3 + 34·4 = 246; mean 61.5 → 10 − 0.1·61.5 = 3.85
    expect(Math.abs(session.snapshot()[0].weights[0] - 3.85)).toBeLessThan(EXACT);
    expect(session.stepsPerEpoch).toBe(1);
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
