/** End-to-end learning checks: small networks reach the accuracy a classroom would expect. */
import { describe, expect, it } from 'vitest';
import { createTrainingSession, type TrainingSession } from '../../src-engine/training-session';
import type { EpochPoint } from '../../src-engine/protocol/messages';
import type { Project } from '../../src-engine/project';
import { chainProject } from './helpers/projects';

/**
 * Iris is nearly separable: a 4-4-4-3 network (notes 003) gets ≥ 95 % of the 30 held-out
 * flowers right (at most one wrong) from the fixed seed below.
 */
const IRIS_MIN_VAL_ACCURACY = 0.95;
/** Two spirals with noise 0.1: a 2-16-16-1 network classifies ≥ 95 % of the training points. */
const SPIRAL_MIN_ACCURACY = 0.95;

function trainToEnd(project: Project): { session: TrainingSession; last: EpochPoint } {
  const created = createTrainingSession(project);
  if (!created.ok) throw new Error(created.error);
  const session = created.session;
  let last: EpochPoint | null = null;
  while (session.epoch < session.epochs) {
    const r = session.trainStep();
    if (r.divergence) throw new Error(r.divergence.message);
    if (r.epochEnd) last = r.epochEnd;
  }
  return { session, last: last as EpochPoint };
}

describe('learning', () => {
  it('learns iris with the notes’ 4-4-4-3 network', () => {
    const { last } = trainToEnd(
      chainProject(
        [
          { id: 'h1', type: 'dense', data: { units: 4, activation: 'tanh' } },
          { id: 'h2', type: 'dense', data: { units: 4, activation: 'tanh' } },
          { id: 'out', type: 'output', data: { units: 3, activation: 'softmax' } },
        ],
        { type: 'builtin', name: 'iris' },
        { loss: 'categorical_crossentropy', optimizer: { type: 'adam', lr: 0.02 }, batchSize: 16, epochs: 150, validationSplit: 0.2, precision: 'float64', seed: 5 },
      ),
    );
    expect(last.valAccuracy).toBeGreaterThanOrEqual(IRIS_MIN_VAL_ACCURACY);
  });

  it('separates two spirals with a 2-16-16-1 network', () => {
    const { last } = trainToEnd(
      chainProject(
        [
          { id: 'h1', type: 'dense', data: { units: 16, activation: 'tanh' } },
          { id: 'h2', type: 'dense', data: { units: 16, activation: 'tanh' } },
          { id: 'out', type: 'output', data: { units: 1, activation: 'sigmoid' } },
        ],
        { type: 'builtin', name: 'spiral', samples: 400, noise: 0.1, seed: 11 },
        { loss: 'binary_crossentropy', optimizer: { type: 'adam', lr: 0.01 }, batchSize: 16, epochs: 150, validationSplit: 0.2, precision: 'float64', seed: 5 },
      ),
    );
    expect(last.trainAccuracy).toBeGreaterThanOrEqual(SPIRAL_MIN_ACCURACY);
  });
});
