import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectCsv, type CsvInspection } from '../../../src-engine/data-import/inspect-csv';

const IRIS = readFileSync(new URL('../../../data/iris.csv', import.meta.url), 'utf8');

function inspect(text: string, options = {}): Extract<CsvInspection, { ok: true }> {
  const r = inspectCsv(text, options);
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('inspectCsv', () => {
  it('reads iris: header, comma, 150 rows, four number columns and a category', () => {
    const r = inspect(IRIS);
    expect([r.hasHeader, r.delimiter, r.rowCount]).toEqual([true, ',', 150]);
    expect(r.columns.map((c) => [c.name, c.guessedType])).toEqual([
      ['sepal_length', 'number'],
      ['sepal_width', 'number'],
      ['petal_length', 'number'],
      ['petal_width', 'number'],
      ['species', 'category'],
    ]);
    const species = r.columns[4];
    expect([species.distinct, species.missing, species.samples]).toEqual([3, 0, ['setosa', 'versicolor', 'virginica']]);
    // The file's petal_width runs from 0.1 (e.g. row 11) to 2.5.
    expect([r.columns[3].min, r.columns[3].max]).toEqual([0.1, 2.5]);
    expect(r.preview[0]).toEqual(['5.1', '3.5', '1.4', '0.2', 'setosa']);
    expect(r.suggestion).toEqual({ target: 'species', task: 'classification', features: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'] });
  });

  it('generates col1 … colN when the first row is data', () => {
    const r = inspect('1,2,a\n3,4,b\n');
    expect(r.hasHeader).toBe(false);
    expect(r.columns.map((c) => c.name)).toEqual(['col1', 'col2', 'col3']);
    expect(r.rowCount).toBe(2);
  });

  it('takes a text-only first row as header when the rest is numeric', () => {
    expect(inspect('x;y\n1;2\n').hasHeader).toBe(true);
    expect(inspect('x;y\n1;2\n').delimiter).toBe(';');
  });

  it('decides on text-only tables by whether the first row recurs below it', () => {
    expect(inspect('color,size\nred,big\nblue,small\n').hasHeader).toBe(true);
    expect(inspect('red,big\nblue,small\nred,small\n').hasHeader).toBe(false);
  });

  it('follows the header and delimiter it is given', () => {
    const r = inspect('a|b\n1|2\n', { header: false, delimiter: '|' });
    expect([r.hasHeader, r.rowCount, r.columns[0].guessedType]).toEqual([false, 2, 'category']);
  });

  it('counts missing markers and remembers the first non-number with its spreadsheet row', () => {
    // Rows: 1 header, 2 "1", 3 "", 4 "NA", 5 "abc", 6 "2" … 21 "17" → 17 numbers, 1 text.
    const lines = ['v,w', '1,a', ',a', 'NA,a', 'abc,a', ...Array.from({ length: 16 }, (_, i) => `${i + 2},b`)];
    const r = inspect(lines.join('\n'));
    const v = r.columns[0];
    expect([v.missing, v.numeric, v.guessedType]).toEqual([2, 17, 'number']); // 17/18 ≥ 90 %
    expect(v.firstNonNumeric).toEqual({ row: 5, value: 'abc' });
  });

  it('suggests classification for a few integer labels and regression for measurements', () => {
    expect(inspect('a,label\n0.5,0\n0.7,1\n0.1,2\n').suggestion.task).toBe('classification');
    expect(inspect('a,price\n1,0.5\n2,0.7\n').suggestion.task).toBe('regression');
  });

  it('makes duplicate and empty header names unique', () => {
    const r = inspect('x,x,,y\nq,1,2,3\n');
    expect(r.columns.map((c) => c.name)).toEqual(['x', 'x.1', 'col3', 'y']);
  });

  it('names the row of a ragged line', () => {
    const r = inspectCsv('a,b\n1,2\n\n3\n');
    expect(r).toEqual({
      ok: false,
      error: 'row 4: 1 field, but the header has 2. Check for a missing delimiter or an unquoted "," in a value.',
      key: 'field-count',
      params: { row: 4, fields: 1, against: 'header', width: 2, delimiter: ',' },
    });
  });

  it('reports progress that rises to 1', () => {
    const text = `a,b\n${'1,2\n'.repeat(50_000)}`;
    const seen: number[] = [];
    inspect(text, { onProgress: (f: number) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
  });
});
