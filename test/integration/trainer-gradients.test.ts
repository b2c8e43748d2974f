/**
 * The built trainer in a real child process sends, with the 'weightGradients' view on, the
 * engine's own dWeights and dBias of the step each snapshot shows: equal, value for value,
 * to an in-process session of the same project after the same steps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { PROTOCOL_VERSION, type FromTrainer } from '../../src-engine/protocol/messages';
import { sessionCore } from '../../src-engine/session-core';
import { createTrainingSession } from '../../src-engine/training-session';
import { startTrainerChild, type TrainerChild } from './trainer-child';

const STEPS = 7;

let child: TrainerChild | null = null;
afterEach(() => {
  child?.kill();
  child = null;
});

describe('per-weight gradients from the built trainer', () => {
  it('equal the engine’s dWeights and dBias after the same steps', async () => {
    child = startTrainerChild();
    await child.waitFor((m) => m.type === 'ready');
    child.send({ v: PROTOCOL_VERSION, type: 'set-views', views: { weightGradients: true } });
    child.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'g', project: createSpiralExample(), paused: true });
    child.send({ v: PROTOCOL_VERSION, type: 'step', runId: 'g', count: STEPS });
    const snapshot = (await child.waitFor((m) => m.type === 'snapshot' && m.step === STEPS)) as Extract<FromTrainer, { type: 'snapshot' }>;

    const created = createTrainingSession(createSpiralExample());
    if (!created.ok) throw new Error(created.error);
    for (let i = 0; i < STEPS; i++) created.session.trainStep();
    const dense = sessionCore(created.session).network.dense;

    expect(snapshot.layers.length).toBe(dense.length);
    snapshot.layers.forEach((layer, k) => {
      expect(layer.dWeights, `layer ${layer.nodeId} carries gradients`).toBeDefined();
      expect(Array.from(layer.dWeights!)).toEqual(Array.from(dense[k].dWeights));
      expect(Array.from(layer.dBias!)).toEqual(Array.from(dense[k].dBias));
    });
  });
});
