import { describe, expect, it } from 'vitest';
import { checkpointSchema, parseCheckpoint, type Checkpoint } from '../../src-engine/checkpoint';
import { createTrainingSession, restoreCheckpoint, type SessionOptions, type TrainingSession, type TrainStepResult } from '../../src-engine/training-session';
import type { Project } from '../../src-engine/project';
import { chainProject, notes221Project } from './helpers/projects';

/** A run with everything that has state: shuffling, dropout, a validation split, a plateau schedule. */
function statefulProject(optimizer: Record<string, unknown>, precision: 'float32' | 'float64' = 'float32'): Project {
  return chainProject(
    [
      { id: 'h1', type: 'dense', data: { name: 'Hidden 1', units: 6, activation: 'tanh', l2: 0.001 } },
      { id: 'drop', type: 'dropout', data: { rate: 0.3 } },
      { id: 'h2', type: 'dense', data: { name: 'Hidden 2', units: 4, activation: 'relu' } },
      { id: 'out', type: 'output', data: { name: 'Output', units: 1, activation: 'sigmoid' } },
    ],
    { type: 'builtin', name: 'moons', samples: 60, seed: 3 },
    {
      loss: 'binary_crossentropy',
      optimizer,
      batchMode: 'minibatch',
      batchSize: 7, // 48 training samples → 7 batches per epoch, the last one of 6
      shuffle: true,
      validationSplit: 0.2,
      precision,
      seed: 11,
      // patience 0: the learning rate drops whenever an epoch does not improve
      schedule: { type: 'plateau', factor: 0.5, patience: 0 },
    },
  );
}

function start(project: Project, options?: SessionOptions): TrainingSession {
  const created = createTrainingSession(project, options);
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

function run(session: TrainingSession, steps: number): TrainStepResult[] {
  return Array.from({ length: steps }, () => session.trainStep());
}

/** Through JSON text and back, as a checkpoint file on disk. */
function viaDisk(c: Checkpoint): unknown {
  return JSON.parse(JSON.stringify(c));
}

const OPTIMIZERS: Record<string, unknown>[] = [
  { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true },
  { type: 'adagrad', lr: 0.1 },
  { type: 'rmsprop', lr: 0.01, momentum: 0.5, centered: true },
  { type: 'adadelta' },
  { type: 'adam', lr: 0.02, amsgrad: true },
  { type: 'adamw', lr: 0.02 },
  { type: 'nadam', lr: 0.02 },
];

describe('checkpoints', () => {
  for (const optimizer of OPTIMIZERS) {
    it(`continues a ${optimizer.type} run bit-identically after a JSON round trip`, () => {
      const project = statefulProject(optimizer);
      const original = start(project);
      run(original, 10); // mid-epoch: 3 batches (21 samples) into the second epoch
      const saved = original.checkpoint();
      const expected = run(original, 40); // crosses several epoch ends and plateau checks

      const restored = restoreCheckpoint(project, viaDisk(saved));
      if (!restored.ok) throw new Error(restored.error);
      expect(restored.session.step).toBe(10);
      expect(restored.session.epoch).toBe(1);
      expect(run(restored.session, 40)).toEqual(expected);
      expect(restored.session.snapshot()).toEqual(original.snapshot());
      expect(restored.session.checkpoint()).toEqual(original.checkpoint());
    });
  }

  it('continues in float64 and from an epoch boundary, where the next shuffle is still to come', () => {
    const project = statefulProject({ type: 'adam', lr: 0.01 }, 'float64');
    const original = start(project);
    run(original, 7); // exactly one epoch
    expect(original.epoch).toBe(1);
    const saved = original.checkpoint();
    expect(saved.position).toBe(0);
    const expected = run(original, 20);
    const resumed = start(project, { checkpoint: saved });
    expect(run(resumed, 20)).toEqual(expected);
  });

  it('keeps the plateau schedule’s reductions and counters', () => {
    const project = statefulProject({ type: 'sgd', lr: 0.5 });
    const original = start(project);
    let steps = 0;
    while (original.trainStep().point.lr === 0.5 && steps < 700) steps++;
    run(original, 3);
    const saved = original.checkpoint();
    expect(saved.schedule.plateauScale).toBeLessThan(1); // the rate was reduced before the checkpoint
    expect(saved.schedule.best).not.toBeNull();
    const expected = run(original, 30);
    const resumed = restoreCheckpoint(project, viaDisk(saved));
    if (!resumed.ok) throw new Error(resumed.error);
    expect(run(resumed.session, 30)).toEqual(expected);
  });

  it('keeps hyperparameters changed during the run (learning rate, optimizer, L2, dropout)', () => {
    const project = statefulProject({ type: 'sgd', lr: 0.1 });
    const original = start(project);
    run(original, 5);
    original.setHyperparameters({ optimizer: { type: 'adam', lr: 0.05, beta1: 0.8, beta2: 0.99, eps: 1e-7, amsgrad: false, weightDecay: 0 } });
    run(original, 3);
    original.setHyperparameters({ lr: 0.03, l2: 0.01, dropoutRate: 0.1 });
    run(original, 2);
    const saved = original.checkpoint();
    expect(saved.optimizer.spec.type).toBe('adam');
    expect(saved.hyperparameters.baseLr).toBe(0.03);
    const expected = run(original, 25);
    const resumed = restoreCheckpoint(project, viaDisk(saved));
    if (!resumed.ok) throw new Error(resumed.error);
    expect(run(resumed.session, 25)).toEqual(expected);
  });

  it('is plain data: JSON, structured clone and the schema all accept it', () => {
    const session = start(statefulProject({ type: 'nadam', lr: 0.01 }));
    run(session, 9);
    const saved = session.checkpoint();
    expect(viaDisk(saved)).toEqual(saved);
    expect(structuredClone(saved)).toEqual(saved);
    expect(checkpointSchema.safeParse(viaDisk(saved)).success).toBe(true);
    expect(saved).toMatchObject({ format: 'layerlab-checkpoint', version: 1, step: 9, epoch: 1, position: 14 }); // 2 batches of 7 into epoch 2
    expect(saved.optimizer.t).toBe(9);
    expect(Object.keys(saved.optimizer.slots)).toEqual(['expAvg', 'expAvgSq']);
    expect(Object.keys(saved.optimizer.scalars)).toEqual(['muProduct', 'muProductStep']);
  });

  it('refuses damaged files, files from a newer version and checkpoints of other projects', () => {
    const project = statefulProject({ type: 'adam', lr: 0.01 });
    const session = start(project);
    run(session, 3);
    const saved = viaDisk(session.checkpoint()) as Checkpoint;

    expect(parseCheckpoint({ format: 'something-else' })).toMatchObject({ ok: false, error: expect.stringMatching(/not a LayerLab checkpoint/) });
    expect(parseCheckpoint({ ...saved, version: 99 })).toMatchObject({ ok: false, error: expect.stringMatching(/newer LayerLab/) });
    expect(parseCheckpoint({ ...saved, step: -1 })).toMatchObject({ ok: false, error: expect.stringMatching(/damaged: step/) });

    const wider = statefulProject({ type: 'adam', lr: 0.01 });
    const h2 = wider.graph.nodes.find((n) => n.id === 'h2');
    if (h2?.type === 'dense') h2.data.units = 5;
    expect(restoreCheckpoint(wider, saved)).toMatchObject({ ok: false, nodeId: 'h2', error: expect.stringMatching(/Layer 'Hidden 2' has 6 inputs × 5 units.*saved 6 × 4/) });

    const otherData = statefulProject({ type: 'adam', lr: 0.01 });
    if (otherData.dataset.type === 'builtin') otherData.dataset.seed = 4;
    expect(restoreCheckpoint(otherData, saved)).toMatchObject({ ok: false, error: expect.stringMatching(/saved on other data/) });

    const otherOptimizerState = { ...saved, optimizer: { ...saved.optimizer, slots: { expAvg: saved.optimizer.slots.expAvg } } };
    expect(restoreCheckpoint(project, otherOptimizerState)).toMatchObject({ ok: false, error: expect.stringMatching(/buffers \[expAvg\]/) });

    const float64 = statefulProject({ type: 'adam', lr: 0.01 }, 'float64');
    expect(restoreCheckpoint(float64, saved)).toMatchObject({ ok: false, error: expect.stringMatching(/saved in float32/) });
  });
});

describe('starting from given weights', () => {
  it('resumes from the last snapshot received, with a fresh optimizer at step 0', () => {
    const project = statefulProject({ type: 'adam', lr: 0.02 });
    const crashed = start(project);
    run(crashed, 12);
    const lastReceived = crashed.snapshot();
    const resumed = start(project, { initialWeights: lastReceived });
    expect(resumed.step).toBe(0);
    expect(resumed.snapshot().map((l) => [l.weights, l.bias])).toEqual(lastReceived.map((l) => [l.weights, l.bias]));
    const x = Float64Array.from([0.3, -0.2, 1.1, 0.4]);
    expect(resumed.predict(x, 2)).toEqual(crashed.predict(x, 2));
  });

  it('names the layer whose saved weights do not fit', () => {
    const project = statefulProject({ type: 'adam', lr: 0.02 });
    const snapshot = start(project).snapshot();
    const wrongShape = snapshot.map((l) => (l.nodeId === 'h2' ? { ...l, weights: new Float32Array(20) } : l));
    expect(createTrainingSession(project, { initialWeights: wrongShape })).toMatchObject({
      ok: false,
      nodeId: 'h2',
      error: expect.stringMatching(/^Layer 'Hidden 2' has 6 inputs × 4 units = 24 weights, but the saved weights have 20\./),
    });
    expect(createTrainingSession(project, { initialWeights: snapshot.slice(1) })).toMatchObject({ ok: false, nodeId: 'h1', error: expect.stringMatching(/no saved weights for layer 'Hidden 1'/) });
    const noBias = snapshot.map((l) => ({ ...l, bias: null }));
    expect(createTrainingSession(project, { initialWeights: noBias })).toMatchObject({ ok: false, error: expect.stringMatching(/has 6 bias values, but the saved weights have no bias/) });
    const diverged = snapshot.map((l) => ({ ...l, weights: Float32Array.from(l.weights, () => NaN) }));
    expect(createTrainingSession(project, { initialWeights: diverged })).toMatchObject({ ok: false, error: expect.stringMatching(/NaN or infinite/) });
    const extra = [...snapshot, { nodeId: 'ghost', weights: [1], bias: null }];
    expect(createTrainingSession(project, { initialWeights: extra })).toMatchObject({ ok: false, error: expect.stringMatching(/layer 'ghost' that the network does not have/) });
  });

  it('resets the weights with the same seed to the same start, and with a new seed to another', () => {
    const project = notes221Project({ shuffle: true });
    const used = start(project);
    run(used, 3);
    const reset = start(project).snapshot();
    expect(reset[0].weights).toEqual(Float64Array.from([0.3, 0.4, 0.2, 0.1])); // manual initializer
    const spiral = statefulProject({ type: 'adam', lr: 0.01 });
    const first = start(spiral).snapshot();
    expect(start(spiral).snapshot()).toEqual(first);
    spiral.training.seed = 12;
    expect(start(spiral).snapshot()[0].weights).not.toEqual(first[0].weights);
  });
});
