import { describe, expect, it } from 'vitest';
import { chooseStorage, datasetSpecFromCsv, describeMissingFile, hashDataText, INLINE_MAX_VALUES, loadFileDataset } from '../../../src-engine/data-import/file-dataset';
import type { FileSpec } from '../../../src-engine/datasets/file';
import { datasetSpecSchema } from '../../../src-engine/project';

/** A CSV of `rows` × (`features` numbers + a two-class label). */
function wideCsv(rows: number, features: number): string {
  const lines = [[...Array.from({ length: features }, (_, j) => `f${j}`), 'label'].join(',')];
  for (let i = 0; i < rows; i++) lines.push([...Array.from({ length: features }, (_, j) => String((i + j) % 10)), i % 2 ? 'b' : 'a'].join(','));
  return lines.join('\n');
}

function fileSpec(text: string, path = 'C:\\data\\wide.csv'): FileSpec {
  const r = datasetSpecFromCsv(text, path, { target: 'label', task: 'classification' });
  if (!r.ok) throw new Error(r.error);
  if (r.spec.type !== 'file') throw new Error('expected a file spec');
  return r.spec;
}

describe('data sets that travel with the project', () => {
  it('stores up to 2 MiB of float64 numbers inline and larger sets as a file', () => {
    // 262,144 values = 2 MiB at 8 bytes each.
    expect(INLINE_MAX_VALUES * 8).toBe(2 * 1024 * 1024);
    expect(chooseStorage(1797, 64, 10)).toBe('inline'); // digits: 132,978 values
    expect(chooseStorage(100_000, 49, 1)).toBe('file');
  });

  it('keeps a small import inline, named after the file', () => {
    const r = datasetSpecFromCsv(wideCsv(10, 3), '/home/me/small.csv', { target: 'label', task: 'classification' });
    expect(r.ok && [r.storage, r.spec.type, r.spec.name]).toEqual(['inline', 'inline', 'small']);
  });

  it('refers to a large file by path, hash and import options, with the shape saved', () => {
    const text = wideCsv(6000, 50); // 6000 × (50 + 1) = 306,000 values > 262,144
    const spec = fileSpec(text);
    expect(datasetSpecSchema.parse(spec)).toEqual(spec);
    expect(spec).toMatchObject({ name: 'wide', path: 'C:\\data\\wide.csv', sha256: hashDataText(text), rows: 6000, columns: 51, task: 'classification', classLabels: ['a', 'b'] });
    expect(spec.importOptions).toMatchObject({ delimiter: ',', header: true, target: 'label', missing: 'refuse' });
    expect(spec.featureNames.length).toBe(50);
  });

  it('loads the file back when its text is unchanged (a BOM does not count as a change)', () => {
    const text = wideCsv(6000, 50);
    const spec = fileSpec(text);
    const r = loadFileDataset(spec, `\uFEFF${text}`);
    expect(r.ok && [r.dataset.n, r.dataset.features]).toEqual([6000, 50]);
  });

  it('refuses a changed file, saying which', () => {
    const text = wideCsv(6000, 50);
    const spec = fileSpec(text);
    const changed = text.replace('\n0,1,2', '\n9,1,2');
    const r = loadFileDataset(spec, changed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^wide\.csv has changed since the project was saved \(hash differs\)\./);
  });

  it('refuses a file that no longer gives the saved shape, even with a matching hash', () => {
    const text = wideCsv(6000, 50);
    const spec = { ...fileSpec(text), rows: 5999 };
    const r = loadFileDataset(spec, text);
    expect(!r.ok && r.error).toMatch(/^wide\.csv no longer gives the data set saved in the project/);
  });

  it('describes a missing file with its name and path', () => {
    const spec = fileSpec(wideCsv(6000, 50), 'data/wide.csv');
    expect(describeMissingFile(spec)).toBe('wide.csv was not found at data/wide.csv. It may have been moved or renamed: locate it again, or import the data anew.');
  });
});
