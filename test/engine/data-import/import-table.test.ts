import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importTable, type ImportTableResult } from '../../../src-engine/data-import/import-table';
import { loadDigits } from '../../../src-engine/datasets/digits';
import { loadInline } from '../../../src-engine/datasets/inline';
import { datasetSpecSchema, type ImportOptionsInput } from '../../../src-engine/project';

const IRIS = readFileSync(new URL('../../../data/iris.csv', import.meta.url), 'utf8');

function ok(r: ImportTableResult): Extract<ImportTableResult, { ok: true }> {
  if (!r.ok) throw new Error(r.error);
  return r;
}

function errorOf(r: ImportTableResult): string {
  if (r.ok) throw new Error('expected the import to fail');
  return r.error;
}

describe('importTable', () => {
  it('imports iris as 150 × 4 inputs and three one-hot species', () => {
    const r = ok(importTable(IRIS, { target: 'species', task: 'classification' }, { name: 'iris' }));
    const ds = r.dataset;
    expect([ds.n, ds.features, ds.targets]).toEqual([150, 4, 3]);
    expect(ds.classLabels).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(ds.targetNames).toEqual(['species=setosa', 'species=versicolor', 'species=virginica']);
    // Row 52 of the file (the 51st flower) is the first versicolor: 7,3.2,4.7,1.4.
    expect(Array.from(ds.x.subarray(50 * 4, 51 * 4))).toEqual([7, 3.2, 4.7, 1.4]);
    expect(Array.from(ds.y.subarray(50 * 3, 51 * 3))).toEqual([0, 1, 0]);
    expect(r.report).toMatchObject({ delimiter: ',', hasHeader: true, columns: 5, rowsRead: 150, rowsDropped: 0, cellsFilled: 0 });
  });

  it('gives an inline spec that the project schema accepts and that loads to the same data', () => {
    const r = ok(importTable(IRIS, { target: 'species', task: 'classification' }));
    const spec = datasetSpecSchema.parse(r.spec);
    expect(spec.type).toBe('inline');
    const loaded = spec.type === 'inline' ? loadInline(spec) : null;
    expect(loaded?.ok && loaded.dataset).toEqual(r.dataset);
  });

  it('names the row and column of a cell that is not a number', () => {
    // Spreadsheet row 17 is the 16th flower (the header is row 1).
    const lines = IRIS.trim().split(/\r?\n/);
    lines[16] = lines[16].replace(/,[^,]*,setosa$/, ',abc,setosa');
    const err = errorOf(importTable(lines.join('\n'), { target: 'species', task: 'classification' }));
    expect(err).toBe("row 17, column petal_width: 'abc' is not a number.");
  });

  it('counts a quoted field with a newline as one spreadsheet row', () => {
    const text = 'note,v\n"two\nlines",1\n"a, b",abc\n';
    const err = errorOf(importTable(text, { target: 'v', task: 'regression', types: { note: 'category' } }));
    expect(err).toBe("row 3, column v: 'abc' is not a number.");
  });

  it('one-hot encodes a category feature into sorted, named columns', () => {
    const text = 'color,size,y\nred,1,0\nblue,2,1\ngreen,3,0\nred,4,1\n';
    const ds = ok(importTable(text, { target: 'y', task: 'classification' })).dataset;
    expect(ds.featureNames).toEqual(['color=blue', 'color=green', 'color=red', 'size']);
    // row "red,1" → blue 0, green 0, red 1, size 1
    expect(Array.from(ds.x.subarray(0, 4))).toEqual([0, 0, 1, 1]);
    // Two classes: one 0/1 target column, as the built-in two-class sets.
    expect([ds.targets, ds.targetNames, ds.classLabels, Array.from(ds.y)]).toEqual([1, ['y'], ['0', '1'], [0, 1, 0, 1]]);
  });

  it('follows type overrides: a number column read as categories', () => {
    const text = 'grade,y\n1,0.5\n3,0.7\n1,0.2\n';
    const ds = ok(importTable(text, { target: 'y', task: 'regression', types: { grade: 'category' } })).dataset;
    expect(ds.featureNames).toEqual(['grade=1', 'grade=3']);
    expect(Array.from(ds.x)).toEqual([1, 0, 0, 1, 1, 0]);
  });

  it('orders numeric class labels by value and treats 1.0 and 1 as one class', () => {
    const text = 'a,d\n1,10\n2,9\n3,1.0\n4,1\n5,2\n';
    const ds = ok(importTable(text, { target: 'd', task: 'classification' })).dataset;
    expect(ds.classLabels).toEqual(['1', '2', '9', '10']);
    expect(Array.from(ds.labels!)).toEqual([3, 2, 0, 0, 1]);
  });

  describe('missing values', () => {
    const text = 'a,c,y\n1,u,5\n,v,6\n3,,7\n5,u,\n';

    it('refuses by default, naming the row and column', () => {
      expect(errorOf(importTable(text, { target: 'y', task: 'regression' }))).toMatch(/^row 3, column a: the value is missing\. Fill it in/);
    });

    it('drops every row with a missing cell', () => {
      const r = ok(importTable(text, { target: 'y', task: 'regression', missing: 'drop' }));
      expect(Array.from(r.dataset.y)).toEqual([5]);
      expect(r.report.rowsDropped).toBe(3);
    });

    it('fills numbers with the mean, categories with the most frequent value, and drops rows without a target', () => {
      const r = ok(importTable(text, { target: 'y', task: 'regression', missing: 'mean' }));
      // Kept rows (targets 5, 6, 7): a = 1, —, 3 → mean (1 + 3)/2 = 2; c = u, v, — → mode u.
      expect(r.dataset.featureNames).toEqual(['a', 'c=u', 'c=v']);
      expect(Array.from(r.dataset.x)).toEqual([1, 1, 0, 2, 0, 1, 3, 1, 0]);
      expect(Array.from(r.dataset.y)).toEqual([5, 6, 7]);
      expect(r.report).toMatchObject({ rowsDropped: 1, cellsFilled: 2 });
    });

    it('refuses when dropping leaves nothing', () => {
      expect(errorOf(importTable('a,y\n,1\n2,\n', { target: 'y', task: 'regression', missing: 'drop' }))).toMatch(/leaves no data/);
    });
  });

  it('reads a table already split into fields, numbering rows from the header', () => {
    const r = importTable({ header: ['x', 'y'], rows: [['1', '2'], ['oops', '3']] }, { target: 'y', task: 'regression' , types: { x: 'number' } });
    expect(errorOf(r)).toBe("row 3, column x: 'oops' is not a number.");
  });

  it('reads TSV with a BOM and CRLF line ends', () => {
    const ds = ok(importTable('\uFEFFx\ty\r\n1\t2\r\n3\t4\r\n\r\n', { target: 'y', task: 'regression' })).dataset;
    expect([ds.featureNames, Array.from(ds.x), Array.from(ds.y)]).toEqual([['x'], [1, 3], [2, 4]]);
  });

  it('says what is wrong with the choice of columns', () => {
    expect(errorOf(importTable(IRIS, { target: 'kind', task: 'classification' }))).toMatch(/^There is no column 'kind' to predict\. The columns are: sepal_length/);
    expect(errorOf(importTable(IRIS, { target: 'species', task: 'classification', features: ['species'] }))).toMatch(/is the target; it cannot also be a feature/);
    expect(errorOf(importTable(IRIS, { target: 'species', task: 'regression', features: ['sepal_length'] }))).toBe("row 2, column species: 'setosa' is not a number.");
    expect(errorOf(importTable('a,y\n1,k\n2,k\n', { target: 'y', task: 'classification' }))).toMatch(/single class \('k'\)/);
    expect(errorOf(importTable('a,y\n', { target: 'y', task: 'classification' }))).toMatch(/no data rows/);
    expect(errorOf(importTable(IRIS, { target: 'species', task: 'classification', missing: 'sometimes' } as unknown as ImportOptionsInput))).toMatch(/^Import options: missing/);
  });

  it('refuses a category with more values than one-hot allows', () => {
    const rows = Array.from({ length: 150 }, (_, i) => `id${i},${i % 2}`);
    expect(errorOf(importTable(`name,y\n${rows.join('\n')}`, { target: 'y', task: 'classification' }))).toMatch(/^Column name has 150 different values; one-hot encoding/);
  });

  it('imports the shipped digits CSV to the same data as the built-in digits', () => {
    const csv = readFileSync(new URL('../../../data/digits8x8.csv', import.meta.url), 'utf8');
    const ds = ok(importTable(csv, { target: 'digit', task: 'classification' })).dataset;
    const builtin = loadDigits();
    expect([ds.featureNames, ds.classLabels, ds.targets]).toEqual([builtin.featureNames, builtin.classLabels, 10]);
    expect(ds.x).toEqual(builtin.x);
    expect(ds.labels).toEqual(builtin.labels);
  });

  it('imports 3,000 feature columns', () => {
    const header = [...Array.from({ length: 3000 }, (_, j) => `c${j}`), 'y'];
    const row = (i: number) => [...Array.from({ length: 3000 }, (_, j) => String(i + j)), String(i)].join(',');
    const ds = ok(importTable([header.join(','), row(0), row(1), row(2)].join('\r\n'), { target: 'y', task: 'regression' })).dataset;
    expect([ds.n, ds.features]).toEqual([3, 3000]);
    expect(ds.x[2 * 3000 + 2999]).toBe(2 + 2999); // row i = 2, column j = 2999 holds i + j
  });

  it('imports a generated 100,000 × 50 CSV, reporting progress', () => {
    const columns = 50;
    const header = [...Array.from({ length: columns - 1 }, (_, j) => `f${j}`), 'label'];
    const lines = [header.join(',')];
    for (let i = 0; i < 100_000; i++) {
      const row: string[] = [];
      for (let j = 0; j < columns - 1; j++) row.push(String(((i * 31 + j * 17) % 1000) / 10));
      row.push(String(i % 3));
      lines.push(row.join(','));
    }
    const progress: number[] = [];
    const r = ok(importTable(lines.join('\n'), { target: 'label', task: 'classification', types: {} }, { onProgress: (f) => progress.push(f) }));
    expect([r.dataset.n, r.dataset.features, r.dataset.targets]).toEqual([100_000, 49, 3]);
    // Row i = 99,999 (the last): f0 = (99999·31 mod 1000)/10 = 3099969 mod 1000 = 969 → 96.9.
    expect(r.dataset.x[99_999 * 49]).toBeCloseTo(96.9, 12);
    expect(r.dataset.labels![99_999]).toBe(0); // 99,999 mod 3 = 0
    expect(progress.length).toBeGreaterThan(20);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
    expect(progress[progress.length - 1]).toBe(1);
  });

  it('never throws on random tables, and what it accepts is a valid project data set', () => {
    const cell = fc.oneof(fc.constantFrom('', 'NA', '?', '1', '-2.5', '1e3', 'a', 'b', 'x y', '"q"', '1,5'), fc.string({ maxLength: 6 }));
    const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(table, fc.constantFrom('classification', 'regression'), fc.constantFrom('refuse', 'drop', 'mean'), fc.boolean(), (rows, task, missing, csv) => {
        const text = rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
        const input = csv ? text : { header: ['a', 'b', 'c'], rows };
        const options = { target: csv ? 'col3' : 'c', task, missing, header: csv ? false : undefined } as ImportOptionsInput;
        const r = importTable(input, options);
        if (r.ok) {
          expect(datasetSpecSchema.safeParse(r.spec).success).toBe(true);
          expect(r.dataset.x.every(Number.isFinite) && r.dataset.y.every(Number.isFinite)).toBe(true);
          expect(loadInline(r.spec).ok).toBe(true);
        } else {
          expect(typeof r.error).toBe('string');
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on mutated iris', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(IRIS.length), fc.nat(10), fc.string({ maxLength: 4, unit: 'binary' })), { maxLength: 8 }), (edits) => {
        let text = IRIS;
        for (const [at, cut, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + cut);
        const r = importTable(text, { target: 'species', task: 'classification', missing: 'drop' });
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
