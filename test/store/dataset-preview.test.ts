/**
 * The data set preview's model (src-renderer/inspector/preview-model.ts): which picture each
 * kind of set gets, and that what it shows is the data set's own values (checked against the
 * loaded data and against literals from the shipped CSV files).
 */
import { describe, expect, it } from 'vitest';
import { loadDataset, type Dataset } from '../../src-engine/datasets';
import { datasetSpecSchema } from '../../src-engine/project';
import { buildPreviewModel, formatCell, MAX_PREVIEW_POINTS, PREVIEW_COLUMNS, sampleCount, sampleIndices } from '../../src-renderer/inspector/preview-model';

function load(spec: Record<string, unknown>): Dataset {
  const r = loadDataset(datasetSpecSchema.parse(spec));
  if (!r.ok) throw new Error(r.error);
  return r.dataset;
}

describe('data set preview model', () => {
  it('keeps every index of a small set and a sorted, distinct sample of a large one', () => {
    expect(Array.from(sampleIndices(5, 10))).toEqual([0, 1, 2, 3, 4]);
    const idx = sampleIndices(10_000, 1500);
    expect(idx.length).toBe(1500);
    expect(new Set(idx).size).toBe(1500);
    for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1]);
    // Even and odd indices both appear (a stride of 2 would keep one class of two interleaved ones).
    const odd = Array.from(idx).filter((i) => i % 2 === 1).length;
    expect(odd).toBeGreaterThan(600);
    expect(odd).toBeLessThan(900);
  });

  it('shows a spiral as a scatter plot of its own points, coloured by their classes', () => {
    const spec = { type: 'builtin', name: 'spiral', samples: 300, noise: 0.2, seed: 4 };
    const ds = load(spec);
    const model = buildPreviewModel(ds);
    if (model.kind !== 'scatter') throw new Error(model.kind);
    expect([model.count, model.x.length, model.xName, model.yName]).toEqual([300, 300, 'x1', 'x2']);
    for (let i = 0; i < 300; i++) {
      expect([model.x[i], model.y[i], model.classes![i]]).toEqual([ds.x[2 * i], ds.x[2 * i + 1], ds.labels![i]]);
    }
    expect(model.classLabels).toEqual(['0', '1']);
  });

  it('samples a large scatter set down to at most 1,500 points that are all in the set', () => {
    const ds = load({ type: 'builtin', name: 'blobs', samples: 20_000, classes: 5 });
    const model = buildPreviewModel(ds);
    if (model.kind !== 'scatter') throw new Error(model.kind);
    expect([model.count, model.x.length]).toEqual([20_000, MAX_PREVIEW_POINTS]);
    expect(new Set(model.classes).size).toBe(5);
    const points = new Set(Array.from({ length: ds.n }, (_, i) => `${ds.x[2 * i]},${ds.x[2 * i + 1]},${ds.labels![i]}`));
    for (let k = 0; k < model.x.length; k++) expect(points.has(`${model.x[k]},${model.y[k]},${model.classes![k]}`)).toBe(true);
  });

  it('colours a 2-D regression surface by its target values, with their range', () => {
    const ds = load({ type: 'builtin', name: 'saddle', samples: 200, noise: 0 });
    const model = buildPreviewModel(ds);
    if (model.kind !== 'scatter') throw new Error(model.kind);
    expect(model.classes).toBeNull();
    expect(Array.from(model.values!)).toEqual(Array.from(ds.y));
    expect([model.valueMin, model.valueMax]).toEqual([Math.min(...ds.y), Math.max(...ds.y)]);
  });

  it('shows the notes’ linear rows as a curve of y against X', () => {
    const model = buildPreviewModel(load({ type: 'builtin', name: 'notes_linear' }));
    if (model.kind !== 'curve') throw new Error(model.kind);
    // The notes' toy data: X = 2, 1, 3, 4 and y = 5, 2, 6, 6.
    expect([Array.from(model.x), Array.from(model.y), model.xName, model.yName]).toEqual([[2, 1, 3, 4], [5, 2, 6, 6], 'X', 'y']);
  });

  it('shows digits as the first 40 images with their labels', () => {
    const model = buildPreviewModel(load({ type: 'builtin', name: 'digits' }));
    if (model.kind !== 'images') throw new Error(model.kind);
    expect([model.count, model.side, model.max, model.images.length]).toEqual([1797, 8, 16, 40]);
    // Row 2 of data/digits8x8.csv: a 0 whose top row is 0,0,5,13,9,1,0,0; the next rows are digits 1, 2, 3.
    expect(Array.from(model.images[0].subarray(0, 8))).toEqual([0, 0, 5, 13, 9, 1, 0, 0]);
    expect(model.labels.slice(0, 4)).toEqual(['0', '1', '2', '3']);
  });

  it('shows iris as a table: feature names as headers, the first rows as text, the species', () => {
    const model = buildPreviewModel(load({ type: 'builtin', name: 'iris' }));
    if (model.kind !== 'table') throw new Error(model.kind);
    expect(model.inputHeaders).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect(model.targetHeader).toBeNull(); // one-hot species without a common name: "class"
    // The first row of data/iris.csv: 5.1,3.5,1.4,0.2,setosa.
    expect(model.rows[0]).toEqual(['5.1', '3.5', '1.4', '0.2', 'setosa']);
    expect([model.count, model.rows.length, model.hiddenColumns]).toEqual([150, 8, 0]);
  });

  it('names an imported one-hot target by its column and counts the input columns not shown', () => {
    const features = Array.from({ length: 11 }, (_, j) => `f${j}`);
    const ds = load({
      type: 'inline', task: 'classification', featureNames: features, targetNames: ['kind=a', 'kind=b'], classLabels: ['a', 'b'],
      x: [features.map((_, j) => j + 0.123456), features.map((_, j) => -j)], y: [[1, 0], [0, 1]],
    });
    const model = buildPreviewModel(ds);
    if (model.kind !== 'table') throw new Error(model.kind);
    expect([model.targetHeader, model.inputHeaders.length, model.hiddenColumns]).toEqual(['kind', PREVIEW_COLUMNS, 11 - PREVIEW_COLUMNS]);
    expect(model.rows[0].slice(0, 2)).toEqual(['0.1235', '1.123']);
    expect(model.rows[1][PREVIEW_COLUMNS]).toBe('b');
  });

  it('formats cells with at most four significant digits', () => {
    expect([formatCell(3), formatCell(-0.000123456), formatCell(12345.678), formatCell(0.5)]).toEqual(['3', '-0.0001235', '12350', '0.5']);
  });

  it('counts samples: generators by their setting, fixed sets by their file', () => {
    const count = (spec: Record<string, unknown>) => sampleCount(datasetSpecSchema.parse(spec));
    expect(count({ type: 'builtin', name: 'moons', samples: 123 })).toBe(123);
    expect(count({ type: 'builtin', name: 'iris', samples: 123 })).toBe(150);
    expect(count({ type: 'builtin', name: 'digits' })).toBe(1797);
    expect(count({ type: 'builtin', name: 'notes_221' })).toBe(2);
    expect(count({ type: 'inline', task: 'regression', featureNames: ['a'], targetNames: ['y'], x: [[1], [2], [3]], y: [[1], [2], [3]] })).toBe(3);
  });
});
