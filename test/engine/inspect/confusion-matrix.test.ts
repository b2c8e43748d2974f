import { describe, expect, it } from 'vitest';
import { confusionMatrix } from '../../../src-engine/inspect/confusion-matrix';
import { createTrainingSession, type TrainingSession } from '../../../src-engine/training-session';
import type { Project } from '../../../src-engine/project';
import { chainProject, notes221Project, notesLinearProject } from '../helpers/projects';

function start(project: Project): TrainingSession {
  const created = createTrainingSession(project);
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

describe('confusionMatrix', () => {
  it('counts true × predicted classes on the validation split, agreeing with the accuracy', () => {
    const session = start(
      chainProject(
        [
          { id: 'h', type: 'dense', data: { units: 6, activation: 'tanh' } },
          { id: 'out', type: 'output', data: { units: 3, activation: 'softmax' } },
        ],
        { type: 'builtin', name: 'blobs', samples: 90, classes: 3 },
        { loss: 'categorical_crossentropy', optimizer: { type: 'adam', lr: 0.05 }, validationSplit: 0.3 },
      ),
    );
    for (let i = 0; i < 30; i++) session.trainStep();
    const m = confusionMatrix(session)!;
    expect(m).toMatchObject({ split: 'val', classes: 3, samples: 27 });
    expect(m.counts.flat().reduce((a, b) => a + b, 0)).toBe(27);
    expect(m.cells.map((row) => row.map((c) => c.length))).toEqual(m.counts);
    expect(m.cells.flat(2).sort((a, b) => a - b)).toEqual(Array.from({ length: 27 }, (_, i) => i));
    expect(m.accuracy).toBe(session.evaluate().valAccuracy);
    expect(confusionMatrix(session, 'train')!.samples).toBe(63);
  });

  it('uses ŷ > 0.5 for one sigmoid output: the notes’ untrained network predicts class 1 for both samples', () => {
    // ŷ(1, 1) = 0.5465 and ŷ(2, 2) ≈ 0.55 are both above 0.5: (1,1)→1 is right, (2,2)→0 is not.
    const m = confusionMatrix(start(notes221Project()), 'train')!;
    expect(m.counts).toEqual([[0, 1], [0, 1]]);
    expect(m.cells).toEqual([[[], [1]], [[], [0]]]);
    expect(m.accuracy).toBe(0.5);
  });

  it('has nothing to show for regression', () => {
    expect(confusionMatrix(start(notesLinearProject()))).toBeNull();
  });
});
