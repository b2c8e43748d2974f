import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../../src-engine/examples';
import { weightGradients } from '../../../src-engine/inspect/weight-gradients';
import { sessionCore } from '../../../src-engine/session-core';
import { createTrainingSession, restoreCheckpoint, type TrainingSession } from '../../../src-engine/training-session';

function started(): TrainingSession {
  const created = createTrainingSession(createSpiralExample());
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

describe('per-weight gradients of the last step', () => {
  it('are none before the first step, then copies of the engine’s own buffers', () => {
    const session = started();
    expect(weightGradients(session, 64).every((g) => g === null)).toBe(true);
    session.trainStep();
    const grads = weightGradients(session, 64);
    const dense = sessionCore(session).network.dense;
    grads.forEach((g, k) => {
      expect(g?.nodeId).toBe(dense[k].nodeId);
      expect(Array.from(g!.dWeights)).toEqual(Array.from(dense[k].dWeights));
    });
    expect(grads.some((g) => g!.dWeights.some((v) => v !== 0))).toBe(true);
  });

  it('are none after a checkpoint restore (the checkpoint keeps no gradients) until the next step, which gives the uninterrupted run’s', () => {
    const original = started();
    for (let i = 0; i < 5; i++) original.trainStep();
    const saved = JSON.parse(JSON.stringify(original.checkpoint())) as unknown;
    const restored = restoreCheckpoint(createSpiralExample(), saved);
    if (!restored.ok) throw new Error(restored.error);
    expect(restored.session.step).toBe(5);
    // Step 5 was taken, but its gradients are not here: zeros would look like real ones.
    expect(weightGradients(restored.session, 64).every((g) => g === null)).toBe(true);
    original.trainStep();
    restored.session.trainStep();
    const want = weightGradients(original, 64);
    const got = weightGradients(restored.session, 64);
    got.forEach((g, k) => expect(Array.from(g!.dWeights)).toEqual(Array.from(want[k]!.dWeights)));
  });
});
