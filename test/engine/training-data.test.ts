import { describe, expect, it } from 'vitest';
import { loadDataset, type Dataset } from '../../src-engine/datasets';
import { importTable } from '../../src-engine/data-import/import-table';
import { datasetSpecFromCsv, loadFileDataset } from '../../src-engine/data-import/file-dataset';
import { fitProjectNormalization, prepareTrainingData } from '../../src-engine/training-data';
import { createTrainingSession, type TrainingSession } from '../../src-engine/training-session';
import { datasetSpecSchema, trainingSchema, type Project } from '../../src-engine/project';
import { chainProject, notesLinearProject } from './helpers/projects';

const TOL = 1e-12;

function load(spec: Record<string, unknown>): Dataset {
  const r = loadDataset(datasetSpecSchema.parse(spec));
  if (!r.ok) throw new Error(r.error);
  return r.dataset;
}

function start(project: Project, dataset?: Dataset): TrainingSession {
  const created = createTrainingSession(project, { dataset });
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

function columnStats(x: Float64Array, n: number, features: number, j: number): { mean: number; std: number; min: number; max: number } {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    sum += x[i * features + j];
    min = Math.min(min, x[i * features + j]);
    max = Math.max(max, x[i * features + j]);
  }
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (x[i * features + j] - mean) ** 2;
  return { mean, std: Math.sqrt(sq / n), min, max };
}

function irisProject(training: Record<string, unknown>): Project {
  return chainProject(
    [
      { id: 'h', type: 'dense', data: { units: 4, activation: 'tanh' } },
      { id: 'out', type: 'output', data: { units: 3, activation: 'softmax' } },
    ],
    { type: 'builtin', name: 'iris' },
    { loss: 'categorical_crossentropy', optimizer: { type: 'adam', lr: 0.05 }, batchSize: 16, precision: 'float64', seed: 4, ...training },
  );
}

describe('prepareTrainingData', () => {
  it('standardizes with training statistics only: mean 0, std 1 on the training part', () => {
    const ds = load({ type: 'builtin', name: 'iris' });
    const data = prepareTrainingData(ds, trainingSchema.parse({ validationSplit: 0.2, testSplit: 0.2, normalization: { type: 'standardize' } }), 3);
    expect([data.train.n, data.val.n, data.test.n]).toEqual([90, 30, 30]);
    for (let j = 0; j < 4; j++) {
      const s = columnStats(data.train.x, data.train.n, 4, j);
      expect(Math.abs(s.mean)).toBeLessThan(TOL);
      expect(Math.abs(s.std - 1)).toBeLessThan(TOL);
    }
    // Validation is scaled with the training mean and std, so its own mean is not exactly 0.
    expect(Math.abs(columnStats(data.val.x, data.val.n, 4, 0).mean)).toBeGreaterThan(TOL);
  });

  it('maps the training range to [0, 1] with minmax', () => {
    const ds = load({ type: 'builtin', name: 'sine1d', samples: 100 });
    const data = prepareTrainingData(ds, trainingSchema.parse({ validationSplit: 0.3, normalization: { type: 'minmax' } }), 1);
    const s = columnStats(data.train.x, data.train.n, 1, 0);
    expect([s.min, s.max]).toEqual([0, 1]);
  });

  it('stratifies iris: 30 validation flowers are 10 of each species', () => {
    const ds = load({ type: 'builtin', name: 'iris' });
    const { val } = prepareTrainingData(ds, trainingSchema.parse({ validationSplit: 0.2 }), 3);
    expect([0, 1, 2].map((c) => val.labels!.filter((l) => l === c).length)).toEqual([10, 10, 10]);
  });
});

describe('training sessions and the prepared data', () => {
  it('trains on scaled inputs and predicts from raw ones (the notes’ ŷ = b₁X with minmax)', () => {
    // X = 2, 1, 3, 4 (no validation): minmax offset = 1, scale = 4 − 1 = 3, so X' = (X − 1)/3.
    const session = start(notesLinearProject({ normalization: { type: 'minmax' } }));
    expect(session.normalization).toEqual({ type: 'minmax', offset: [1], scale: [3] });
    // Raw X = 4 → X' = 1 → ŷ = b₁·1 = 10 (b₁ starts at 10).
    expect(Math.abs(session.predict(Float64Array.from([4]), 1)[0] - 10)).toBeLessThan(TOL);
    // First step on X = 2 (X' = ⅓), y = 5: dE/db = (10·⅓ − 5)·⅓ = −5/9 → b₁ = 10 + 0.1·5/9 = 10.0555556
    session.trainStep();
    expect(Math.abs(session.snapshot()[0].weights[0] - (10 + 0.1 * (5 / 9)))).toBeLessThan(TOL);
  });

  it('fits the same scaling as fitProjectNormalization, without a network', () => {
    const project = irisProject({ normalization: { type: 'standardize' }, validationSplit: 0.3 });
    expect(start(project).normalization).toEqual(fitProjectNormalization(load({ type: 'builtin', name: 'iris' }), project.training));
  });

  it('reports test metrics only when asked, and only with a test split', () => {
    const without = start(irisProject({ validationSplit: 0.2 }));
    expect(without.testSize).toBe(0);
    expect(without.evaluateTest()).toBeNull();
    expect(without.evaluate()).not.toHaveProperty('testLoss');
    const withTest = start(irisProject({ validationSplit: 0.2, testSplit: 0.2 }));
    expect([withTest.trainSize, withTest.valSize, withTest.testSize]).toEqual([90, 30, 30]);
    const before = withTest.evaluateTest()!;
    for (let i = 0; i < 60; i++) withTest.trainStep();
    const after = withTest.evaluateTest()!;
    expect(after.accuracy).not.toBeNull();
    expect(after.loss).toBeLessThan(before.loss);
  });

  it('keeps the notes’ rows in order with no validation and no shuffling', () => {
    // notes_linear: X = 2, 1, 3, 4. The first stochastic step uses X = 2: dE/db = (10·2 − 5)·2 = 30.
    const session = start(notesLinearProject({ testSplit: 0, normalization: { type: 'none' } }));
    session.trainStep();
    expect(Math.abs(session.snapshot()[0].weights[0] - 7)).toBeLessThan(TOL);
  });

  it('trains on a file-backed data set passed in by the host', () => {
    const lines = ['a,b,label'];
    for (let i = 0; i < 400; i++) lines.push(`${(i % 20) / 10},${(i % 7) / 3},${i % 2 === 0 ? 'even' : 'odd'}`);
    const text = lines.join('\n');
    const made = datasetSpecFromCsv(text, 'data/parity.csv', { target: 'label', task: 'classification' });
    if (!made.ok) throw new Error(made.error);
    expect(made.storage).toBe('inline'); // 400 × 3 numbers fit; force a file spec for the test:
    const imported = importTable(text, { target: 'label', task: 'classification' });
    if (!imported.ok) throw new Error(imported.error);
    const project = chainProject(
      [{ id: 'out', type: 'output', data: { units: 1, activation: 'sigmoid' } }],
      { type: 'file', name: 'parity', path: 'data/parity.csv', sha256: '0'.repeat(64), rows: 400, columns: 3, task: 'classification', featureNames: ['a', 'b'], targetNames: ['label'], classLabels: ['even', 'odd'], importOptions: { target: 'label', task: 'classification' } },
      { loss: 'binary_crossentropy', normalization: { type: 'minmax' } },
    );
    expect(createTrainingSession(project).ok).toBe(false); // nobody read the file
    const session = start(project, imported.dataset);
    expect(session.trainSize + session.valSize).toBe(400);
    expect(session.trainStep().point.loss).toBeGreaterThan(0);
    expect(loadFileDataset(project.dataset as never, text).ok).toBe(false); // the made-up hash differs
  });
});
