import { describe, expect, it } from 'vitest';
import { unitHealth } from '../../../src-engine/inspect/unit-health';
import { createTrainingSession, type TrainingSession } from '../../../src-engine/training-session';
import type { Project } from '../../../src-engine/project';
import { chainProject } from '../helpers/projects';

function start(project: Project): TrainingSession {
  const created = createTrainingSession(project);
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

/** Zero kernels make z = b for every sample, so each unit's health is set by its bias alone. */
function biasOnly(activation: string, bias: number[]): Record<string, unknown> {
  return { units: bias.length, activation, kernelInitializer: { type: 'zeros' }, biasInitializer: { type: 'manual', values: bias } };
}

describe('unitHealth', () => {
  const session = start(
    chainProject(
      [
        // σ: z = 6 and −6 are beyond |z| > 4, z = 0 is not
        { id: 's', type: 'dense', data: { name: 'Sigmoid', ...biasOnly('sigmoid', [6, 0, -6]) } },
        // tanh: |z| > 2 saturates: 3 yes, 1 no
        { id: 't', type: 'dense', data: biasOnly('tanh', [3, 1]) },
        // ReLU: z = −1 is never active (dead), z = 0.5 always active
        { id: 'r', type: 'dense', data: biasOnly('relu', [-1, 0.5, -0.1, -2]) },
        { id: 'out', type: 'output', data: { units: 1, activation: 'sigmoid' } },
      ],
      { type: 'builtin', name: 'moons', samples: 100 },
      { loss: 'binary_crossentropy', validationSplit: 0.2 },
    ),
  );
  const health = unitHealth(session, { maxSamples: 50 });

  it('flags saturated sigmoid and tanh units', () => {
    expect(health[0]).toMatchObject({ nodeId: 's', name: 'Sigmoid', check: 'saturation', threshold: 4, units: 3, samples: 50, perUnit: [1, 0, 1], flagged: [0, 2] });
    expect(health[0].share).toBeCloseTo(2 / 3, 15);
    expect(health[1]).toMatchObject({ check: 'saturation', threshold: 2, perUnit: [1, 0], flagged: [0], share: 0.5 });
  });

  it('flags dead ReLU units', () => {
    expect(health[2]).toMatchObject({ check: 'dead', threshold: null, perUnit: [0, 1, 0, 0], flagged: [0, 2, 3], share: 0.75 });
  });

  it('reports every layer with an activation, with nothing to flag for others', () => {
    expect(health.map((h) => [h.nodeId, h.check])).toEqual([['s', 'saturation'], ['t', 'saturation'], ['r', 'dead'], ['out', 'saturation']]);
    expect(unitHealth(session).every((h) => h.samples === 80)).toBe(true); // all 80 training samples
  });
});
