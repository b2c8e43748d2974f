import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectDelimiter, parseCsv, readNumericColumns } from '../../src-engine/csv';

describe('CSV reader', () => {
  it('reads quoted fields with delimiters, quotes and newlines inside', () => {
    const r = parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\r\n');
    expect(r).toEqual({ ok: true, header: ['a', 'b'], rows: [['x, y', 'say "hi"\nthere']], delimiter: ',' });
  });

  it('drops a byte-order mark and trailing empty lines', () => {
    const r = parseCsv('\uFEFFx,y\n1,2\n\n\n');
    expect(r.ok && r.header).toEqual(['x', 'y']);
    expect(r.ok && r.rows).toEqual([['1', '2']]);
  });

  it('detects tab and semicolon delimiters', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('a;b\n1;2')).toBe(';');
    expect(parseCsv('a\tb\n1\t2').ok).toBe(true);
  });

  it('names the row of a ragged line and of an unclosed quote', () => {
    const ragged = parseCsv('a,b\n1,2\n3\n');
    expect(!ragged.ok && ragged.error).toBe('Row 3: 1 fields, but the header has 2.');
    const open = parseCsv('a,b\n1,"2\n');
    expect(!open.ok && open.error).toMatch(/^Row 2: a quoted field is never closed/);
  });

  it('names row and column of a non-number', () => {
    const csv = parseCsv('sepal,petal_width\n1,2\n3,abc\n');
    if (!csv.ok) throw new Error(csv.error);
    const r = readNumericColumns(csv.header, csv.rows, ['sepal', 'petal_width']);
    expect(!r.ok && r.error).toBe("Row 3, column petal_width: 'abc' is not a number.");
  });

  it('reads thousands of columns', () => {
    const header = Array.from({ length: 3000 }, (_, i) => `c${i}`);
    const r = parseCsv(`${header.join(',')}\n${header.map((_, i) => i).join(',')}\n`);
    if (!r.ok) throw new Error(r.error);
    const values = readNumericColumns(r.header, r.rows, header);
    expect(values.ok && values.values[2999]).toBe(2999);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof parseCsv(s).ok === 'boolean'), { numRuns: 1000 });
  });
});
