import { describe, expect, it } from 'vitest';
import { activationsFor } from '../../../src-engine/inspect/activations-for';
import { createTrainingSession, type TrainingSession } from '../../../src-engine/training-session';
import type { Project } from '../../../src-engine/project';
import { chainProject, notes221Project } from '../helpers/projects';

const NOTES_TOL = 5e-8;

function start(project: Project): TrainingSession {
  const created = createTrainingSession(project);
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

describe('activationsFor', () => {
  it('gives every layer’s z and a for a training sample (the notes’ first sample)', () => {
    const r = activationsFor(start(notes221Project()), 0);
    expect(r.input).toEqual([1, 1]);
    expect(r.target).toEqual([1]);
    const [hidden, output] = r.layers;
    expect(hidden).toMatchObject({ nodeId: 'hidden', layer: 'dense', activation: 'sigmoid' });
    // z = 0.3·1 + 0.2·1 = 0.5 and 0.4·1 + 0.1·1 = 0.5; a = σ(0.5) = 0.6224593
    expect(hidden.z).toEqual([0.5, 0.5]);
    expect(Math.abs(hidden.a[0] - 0.6224593)).toBeLessThan(NOTES_TOL);
    // ŷ = σ(0.1·h₁ + 0.2·h₂) = σ(0.1867378) = 0.5465493
    expect(Math.abs(output.a[0] - 0.5465493)).toBeLessThan(NOTES_TOL);
  });

  it('takes any inputs, and samples of either split', () => {
    const session = start(notes221Project());
    // x = (2, 2): z = 0.3·2 + 0.2·2 = 1 for both hidden units
    expect(activationsFor(session, [2, 2]).layers[0].z).toEqual([1, 1]);
    expect(activationsFor(session, [2, 2]).target).toBeNull();
    expect(activationsFor(session, { split: 'train', index: 1 }).input).toEqual([2, 2]);
    expect(() => activationsFor(session, { split: 'val', index: 0 })).toThrow(/val split has 0 samples/);
    expect(() => activationsFor(session, [1, 2, 3])).toThrow(/takes 2 inputs, got 3/);
  });

  it('passes through activation and dropout layers (dropout is off at inference) and matches predict', () => {
    const session = start(
      chainProject(
        [
          { id: 'h', type: 'dense', data: { units: 3, activation: 'linear' } },
          { id: 'act', type: 'activation', data: { activation: 'tanh' } },
          { id: 'drop', type: 'dropout', data: { rate: 0.5 } },
          { id: 'out', type: 'output', data: { units: 1, activation: 'sigmoid' } },
        ],
        { type: 'builtin', name: 'moons', samples: 20 },
        { loss: 'binary_crossentropy', precision: 'float64' },
      ),
    );
    const r = activationsFor(session, 3);
    const [h, act, drop, out] = r.layers;
    expect(act.z).toEqual(h.a);
    expect(act.a).toEqual(h.a.map(Math.tanh));
    expect(drop.z).toBeNull();
    expect(drop.a).toEqual(act.a);
    expect(out.a[0]).toBe(session.predict(Float64Array.from(r.input), 1)[0]);
  });

  it('scales given inputs as predict does, and shows the scaled input the network sees', () => {
    const session = start(
      chainProject(
        [{ id: 'out', type: 'output', data: { units: 1, activation: 'sigmoid' } }],
        { type: 'builtin', name: 'moons', samples: 20 },
        { loss: 'binary_crossentropy', precision: 'float64', normalization: { type: 'minmax' } },
      ),
    );
    const raw = [0.25, -0.5];
    const r = activationsFor(session, raw);
    const norm = session.normalization!;
    // minmax: x' = (x − min)/(max − min) per feature
    expect(r.input).toEqual(raw.map((v, j) => (v - norm.offset[j]) / norm.scale[j]));
    expect(r.layers[0].a[0]).toBe(session.predict(Float64Array.from(raw), 1)[0]);
  });

  it('does not disturb training', () => {
    const project = notes221Project({ shuffle: true });
    const viewed = start(project);
    const plain = start(project);
    for (let i = 0; i < 4; i++) {
      activationsFor(viewed, 1);
      expect(viewed.trainStep()).toEqual(plain.trainStep());
    }
  });
});
