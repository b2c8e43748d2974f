import { describe, expect, it } from 'vitest';
import { boundaryGrid, type CurveGrid, type PlaneGrid } from '../../../src-engine/inspect/boundary-grid';
import { loadDataset } from '../../../src-engine/datasets';
import { createTrainingSession, type TrainingSession } from '../../../src-engine/training-session';
import type { Project } from '../../../src-engine/project';
import { chainProject, notes221Project } from '../helpers/projects';

/** Grid values are stored as float32. */
const F32_TOL = 1e-6;

function start(project: Project): TrainingSession {
  const created = createTrainingSession(project);
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

describe('boundaryGrid', () => {
  it('covers two inputs’ range plus a margin, top row first, with every hidden unit', () => {
    const session = start(notes221Project());
    const g = boundaryGrid(session, { size: 4 }) as PlaneGrid;
    // The samples (1, 1) and (2, 2) span [1, 2] on both axes; 10 % margin → [0.9, 2.1].
    expect(g).toMatchObject({ kind: 'plane', projection: 'inputs', size: 4, outputUnits: 1, pca: null });
    expect(g.bounds.xMin).toBeCloseTo(0.9, 12);
    expect(g.bounds.yMax).toBeCloseTo(2.1, 12);
    // Cell centres 0.9 + (i + ½)·0.3: 1.05, 1.35, 1.65, 1.95; rows from the top: 1.95 … 1.05
    expect(Array.from(g.xs).map((v) => Math.round(v * 100) / 100)).toEqual([1.05, 1.35, 1.65, 1.95]);
    expect(Array.from(g.ys).map((v) => Math.round(v * 100) / 100)).toEqual([1.95, 1.65, 1.35, 1.05]);
    expect(Array.from(g.samples.train)).toEqual([1, 1, 2, 2]);
    expect(g.hidden).toHaveLength(1);
    expect(g.hidden[0]).toMatchObject({ nodeId: 'hidden', activation: 'sigmoid' });
    for (let iy = 0; iy < 4; iy++) {
      for (let ix = 0; ix < 4; ix++) {
        const x = g.xs[ix];
        const y = g.ys[iy];
        const cell = iy * 4 + ix;
        // Hidden units of the notes' network: h₁ = σ(0.3x + 0.2y), h₂ = σ(0.4x + 0.1y)
        expect(Math.abs(g.hidden[0].units[0][cell] - sigmoid(0.3 * x + 0.2 * y))).toBeLessThan(F32_TOL);
        expect(Math.abs(g.hidden[0].units[1][cell] - sigmoid(0.4 * x + 0.1 * y))).toBeLessThan(F32_TOL);
        expect(Math.abs(g.outputs[cell] - session.predict(Float64Array.from([x, y]), 1)[0])).toBeLessThan(F32_TOL);
      }
    }
  });

  it('uses given bounds', () => {
    const g = boundaryGrid(start(notes221Project()), { size: 2, bounds: { xMin: -1, xMax: 1, yMin: 0, yMax: 4 } }) as PlaneGrid;
    expect(Array.from(g.xs)).toEqual([-0.5, 0.5]);
    expect(Array.from(g.ys)).toEqual([3, 1]);
  });

  it('projects more than two inputs onto the first two principal components', () => {
    const session = start(
      chainProject(
        [
          { id: 'h', type: 'dense', data: { units: 5, activation: 'relu' } },
          { id: 'out', type: 'output', data: { units: 3, activation: 'softmax' } },
        ],
        { type: 'builtin', name: 'iris' },
        { loss: 'categorical_crossentropy', precision: 'float64' },
      ),
    );
    const g = boundaryGrid(session, { size: 5 }) as PlaneGrid;
    expect(g.projection).toBe('pca');
    expect(g.samples.train.length).toBe(2 * session.trainSize);
    expect(g.samples.val.length).toBe(2 * session.valSize);
    expect(g.outputs.length).toBe(25 * 3);
    const pca = g.pca!;
    // Cell (row 1, column 3) is the input mean + a·pc1 + b·pc2
    const a = g.xs[3];
    const b = g.ys[1];
    const x = Float64Array.from(pca.mean, (m, j) => m + a * pca.components[0][j] + b * pca.components[1][j]);
    const expected = session.predict(x, 1);
    for (let k = 0; k < 3; k++) expect(Math.abs(g.outputs[(1 * 5 + 3) * 3 + k] - expected[k])).toBeLessThan(F32_TOL);
    // The samples' coordinates lie inside the default bounds
    for (let i = 0; i < g.samples.train.length; i += 2) {
      expect(g.samples.train[i]).toBeGreaterThan(g.bounds.xMin);
      expect(g.samples.train[i + 1]).toBeLessThan(g.bounds.yMax);
    }
  });

  it('draws the fitted curve for one input, ends included', () => {
    const session = start(
      chainProject(
        [
          { id: 'h', type: 'dense', data: { units: 6, activation: 'tanh' } },
          { id: 'out', type: 'output', data: { units: 1, activation: 'linear' } },
        ],
        { type: 'builtin', name: 'sine1d', samples: 50 },
        { loss: 'mse', precision: 'float64' },
      ),
    );
    const g = boundaryGrid(session, { size: 11, bounds: { xMin: -2, xMax: 3, yMin: 0, yMax: 0 } }) as CurveGrid;
    expect(g.kind).toBe('curve');
    expect(g.xs[0]).toBe(-2);
    expect(g.xs[10]).toBe(3);
    expect(g.hidden[0].units).toHaveLength(6);
    expect(g.samples.train.length).toBe(session.trainSize);
    for (let i = 0; i < 11; i++) expect(Math.abs(g.outputs[i] - session.predict(Float64Array.of(-2 + 0.5 * i), 1)[0])).toBeLessThan(F32_TOL);
  });

  it('draws scaled inputs in the data’s own units', () => {
    const project = chainProject(
      [
        { id: 'h', type: 'dense', data: { units: 4, activation: 'tanh' } },
        { id: 'out', type: 'output', data: { units: 1, activation: 'sigmoid' } },
      ],
      { type: 'builtin', name: 'moons', samples: 40 },
      { loss: 'binary_crossentropy', precision: 'float64', normalization: { type: 'standardize' }, validationSplit: 0 },
    );
    const session = start(project);
    const loaded = loadDataset(project.dataset);
    if (!loaded.ok) throw new Error(loaded.error);
    const raw = loaded.dataset.x;
    const g = boundaryGrid(session, { size: 6, margin: 0 }) as PlaneGrid;
    const xs = raw.filter((_, k) => k % 2 === 0);
    // With no margin the plot spans exactly the raw data's range on each axis.
    expect(Math.abs(g.bounds.xMin - Math.min(...xs))).toBeLessThan(1e-12);
    expect(Math.abs(g.bounds.xMax - Math.max(...xs))).toBeLessThan(1e-12);
    expect(Array.from(g.samples.train).sort()).toEqual(Array.from(Float32Array.from(raw)).sort());
    // Every cell is the prediction for that raw point (predict scales it as the grid does).
    for (let cell = 0; cell < 36; cell++) {
      const point = Float64Array.from([g.xs[cell % 6], g.ys[Math.floor(cell / 6)]]);
      expect(Math.abs(g.outputs[cell] - session.predict(point, 1)[0])).toBeLessThan(F32_TOL);
    }
  });

  it('does not disturb training', () => {
    const project = notes221Project({ shuffle: true, optimizer: { type: 'adam', lr: 0.1 } });
    const viewed = start(project);
    const plain = start(project);
    for (let i = 0; i < 5; i++) {
      boundaryGrid(viewed, { size: 7 });
      expect(viewed.trainStep()).toEqual(plain.trainStep());
    }
    expect(viewed.checkpoint()).toEqual(plain.checkpoint());
  });
});
