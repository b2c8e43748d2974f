import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetShape, loadDataset, type Dataset } from '../../../src-engine/datasets';
import { IRIS_CSV } from '../../../src-engine/datasets/iris-data';
import { BUILTIN_DATASETS, datasetSpecSchema } from '../../../src-engine/project';

function load(spec: Record<string, unknown>): Dataset {
  const r = loadDataset(datasetSpecSchema.parse(spec));
  if (!r.ok) throw new Error(r.error);
  return r.dataset;
}

describe('loadDataset', () => {
  for (const name of BUILTIN_DATASETS) {
    it(`generates '${name}' with the shape datasetShape promises`, () => {
      const spec = datasetSpecSchema.parse({ type: 'builtin', name, samples: 60, classes: 4 });
      const ds = load(spec);
      const shape = datasetShape(spec);
      expect([ds.features, ds.targets, ds.task]).toEqual([shape.features, shape.targets, shape.task]);
      expect(ds.x.length).toBe(ds.n * ds.features);
      expect(ds.y.length).toBe(ds.n * ds.targets);
      expect(ds.classLabels?.length ?? 0).toBe(shape.classes);
      expect(ds.x.every(Number.isFinite) && ds.y.every(Number.isFinite)).toBe(true);
      if (ds.labels) expect(ds.labels.every((l) => l >= 0 && l < shape.classes)).toBe(true);
    });
  }

  it('generates the same data from the same seed and different data from another', () => {
    expect(load({ type: 'builtin', name: 'spiral', seed: 3 }).x).toEqual(load({ type: 'builtin', name: 'spiral', seed: 3 }).x);
    expect(load({ type: 'builtin', name: 'spiral', seed: 3 }).x).not.toEqual(load({ type: 'builtin', name: 'spiral', seed: 4 }).x);
  });

  it('holds exactly the notes’ rows for notes_linear and notes_221', () => {
    const linear = load({ type: 'builtin', name: 'notes_linear', samples: 400 });
    expect([Array.from(linear.x), Array.from(linear.y)]).toEqual([[2, 1, 3, 4], [5, 2, 6, 6]]);
    const net = load({ type: 'builtin', name: 'notes_221' });
    expect([Array.from(net.x), Array.from(net.y), Array.from(net.labels!)]).toEqual([[1, 1, 2, 2], [1, 0], [1, 0]]);
  });

  it('encodes blobs one-hot with the requested number of classes', () => {
    const ds = load({ type: 'builtin', name: 'blobs', classes: 4, samples: 8 });
    expect(ds.targets).toBe(4);
    expect(Array.from(ds.y.subarray(4, 8))).toEqual([0, 1, 0, 0]); // sample 1 has class 1
  });

  it('embeds the iris CSV unchanged: 150 flowers, 50 per species', () => {
    const file = readFileSync(new URL('../../../src-engine/datasets/data/iris.csv', import.meta.url), 'utf8');
    expect(IRIS_CSV).toBe(file.replace(/\r\n/g, '\n').trim());
    const ds = load({ type: 'builtin', name: 'iris' });
    expect([ds.n, ds.features, ds.targets]).toEqual([150, 4, 3]);
    expect(Array.from(ds.x.subarray(0, 4))).toEqual([5.1, 3.5, 1.4, 0.2]); // the first row of the file
    expect([0, 1, 2].map((c) => ds.labels!.filter((l) => l === c).length)).toEqual([50, 50, 50]);
  });

  it('ships the same iris CSV in data/ for users', () => {
    const shipped = readFileSync(new URL('../../../data/iris.csv', import.meta.url), 'utf8');
    expect(IRIS_CSV).toBe(shipped.replace(/\r\n/g, '\n').trim());
  });

  it('refuses to load a file-backed set nobody has read, and still knows its shape', () => {
    const spec = datasetSpecSchema.parse({
      type: 'file', name: 'big', path: 'data/big.csv', sha256: 'a'.repeat(64), rows: 1000, columns: 3, task: 'classification',
      featureNames: ['a', 'b'], targetNames: ['y'], classLabels: ['no', 'yes'], importOptions: { target: 'y', task: 'classification' },
    });
    const r = loadDataset(spec);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^Data set 'big' is kept in big\.csv, which has not been read/);
    expect(datasetShape(spec)).toEqual({ features: 2, targets: 1, task: 'classification', classes: 2 });
  });

  it('loads inline data and reads one class column as labels', () => {
    const ds = load({ type: 'inline', task: 'classification', featureNames: ['a', 'b'], targetNames: ['c'], x: [[1, 2], [3, 4], [5, 6]], y: [[0], [2], [1]] });
    expect(Array.from(ds.labels!)).toEqual([0, 2, 1]);
    expect(ds.classLabels).toEqual(['0', '1', '2']);
    expect(datasetShape(datasetSpecSchema.parse({ type: 'inline', task: 'classification', featureNames: ['a', 'b'], targetNames: ['c'], x: [[1, 2], [3, 4], [5, 6]], y: [[0], [2], [1]] })).classes).toBe(3);
  });

  it('refuses inline rows of the wrong width, naming the row', () => {
    const r = loadDataset(datasetSpecSchema.parse({ type: 'inline', task: 'regression', featureNames: ['a', 'b'], targetNames: ['y'], x: [[1, 2], [3]], y: [[0], [1]] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/row 2: 1 inputs, but 2 feature columns/);
  });

  it('refuses an inline class that is not an index', () => {
    const r = loadDataset(datasetSpecSchema.parse({ type: 'inline', task: 'classification', featureNames: ['a'], targetNames: ['y'], classLabels: ['no', 'yes'], x: [[1], [2]], y: [[0], [1.5]] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/row 2: class 1.5 is not one of 0 … 1/);
  });
});
