import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvRecordReader, detectDelimiter, MAX_FIELDS, parseCsv, readNumericColumns } from '../../src-engine/csv';

/** RFC 4180 quoting: only fields that need it (delimiter, quote, CR or LF inside). */
function quote(field: string, delimiter: string): string {
  return field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function serialize(rows: string[][], delimiter: string, eol: string): string {
  return rows.map((r) => r.map((f) => quote(f, delimiter)).join(delimiter)).join(eol);
}

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

  it('reads a headerless semicolon file with decimal commas as semicolon-separated', () => {
    // ',' and ';' both split every line in two; only ';' leaves numbers (1,5 | 2).
    expect(detectDelimiter('1,5;2\n3,25;4\n0,5;6\n')).toBe(';');
    // A comma file whose fields are numbers stays comma-separated.
    expect(detectDelimiter('1.5,2\n3.25,4\n')).toBe(',');
    // A real tie (no field is a number either way) keeps the preference order.
    expect(detectDelimiter('a,b;c\nd,e;f\n')).toBe(',');
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

  describe('real-world oddities', () => {
    it('keeps CRLF inside a quoted field and reads lone CR line ends', () => {
      const r = parseCsv('a,b\r\n"line 1\r\nline 2",x\r\n');
      expect(r.ok && r.rows).toEqual([['line 1\r\nline 2', 'x']]);
      const mac = parseCsv('a,b\r1,2\r3,4\r');
      expect(mac.ok && mac.rows).toEqual([['1', '2'], ['3', '4']]);
    });

    it('reads a BOM before a quoted header', () => {
      const r = parseCsv('\uFEFF"name","value"\n"x",1\n');
      expect(r.ok && [r.header, r.rows]).toEqual([['name', 'value'], [['x', '1']]]);
    });

    it('drops trailing rows of empty fields (as spreadsheets export them)', () => {
      const r = parseCsv('a,b,c\n1,2,3\n,,\n,,\n');
      expect(r.ok && r.rows).toEqual([['1', '2', '3']]);
    });

    it('skips a blank line in the middle but counts it when naming a row', () => {
      const r = parseCsv('a,b\n1,2\n\n3,4\n5\n');
      expect(!r.ok && r.error).toBe('Row 5: 1 fields, but the header has 2.');
      const fine = parseCsv('a,b\n1,2\n\n3,4\n');
      expect(fine.ok && fine.rows).toEqual([['1', '2'], ['3', '4']]);
    });

    it('reads empty quoted fields, a trailing delimiter, and a final line without a newline', () => {
      const r = parseCsv('a,b,c\n"",x,\n1,"",2');
      expect(r.ok && r.rows).toEqual([['', 'x', ''], ['1', '', '2']]);
    });

    it('keeps stray quotes inside unquoted fields and text after a closing quote', () => {
      const r = parseCsv('h,w\n5\'11",x\n"a"b,y\n');
      expect(r.ok && r.rows).toEqual([['5\'11"', 'x'], ['ab', 'y']]);
    });

    it('reads non-ASCII names and values', () => {
      const r = parseCsv('이름,größe,😀\n홍길동,1.8,ok\n');
      expect(r.ok && [r.header, r.rows[0]]).toEqual([['이름', 'größe', '😀'], ['홍길동', '1.8', 'ok']]);
    });

    it('detects the delimiter over several quoted lines', () => {
      expect(detectDelimiter('"a,b";c;d\n"1,5";2;3\n"x";"y";"z"')).toBe(';');
      expect(detectDelimiter('a|b|c\n1|2|3')).toBe('|');
      // A European file: semicolons between fields, commas as decimal points.
      expect(detectDelimiter('x;y\n1,5;2,25\n3,0;4,75')).toBe(';');
      expect(detectDelimiter('single\n1\n2')).toBe(',');
    });

    it('reads 10,000 columns and refuses more than the limit', () => {
      const wide = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',');
      const r = parseCsv(`${wide}\n${wide}\n`);
      expect(r.ok && [r.header.length, r.rows[0][9999]]).toEqual([10_000, 'c9999']);
      const tooWide = parseCsv('x,'.repeat(MAX_FIELDS), ',');
      expect(!tooWide.ok && tooWide.error).toMatch(/^Row 1: more than 20000 fields/);
    });

    it('reports its progress through the text', () => {
      const text = 'a,b\n1,2\n3,4\n';
      const reader = new CsvRecordReader(text, ',');
      const offsets: number[] = [];
      while (reader.next()) offsets.push(reader.offset);
      expect(offsets).toEqual([4, 8, 12]);
    });
  });

  describe('fuzzing', () => {
    // Text made mostly of the characters that matter to a CSV reader.
    const csvish = fc.string({ unit: fc.constantFrom('a', '1', ',', ';', '\t', '"', '\n', '\r', ' ', '\uFEFF', 'é'), maxLength: 200 });

    it('never throws or hangs on CSV-like text, and names a row on failure', () => {
      fc.assert(
        fc.property(csvish, (s) => {
          const r = parseCsv(s);
          if (!r.ok) expect(r.error).toMatch(/^(Row \d+:|The file is empty\.)/);
          else for (const row of r.rows) expect(row.length).toBe(r.header.length);
        }),
        { numRuns: 3000 },
      );
    });

    it('never throws on arbitrary Unicode, including lone surrogates', () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => typeof parseCsv(s).ok === 'boolean'), { numRuns: 1000 });
    });

    it('reads back any table written with RFC 4180 quoting', () => {
      const field = fc.string({ unit: fc.constantFrom('a', 'b', '1', ',', ';', '\t', '"', '\n', '\r', ' ', '한'), maxLength: 6 });
      const table = fc.integer({ min: 2, max: 6 }).chain((width) =>
        fc.record({
          header: fc.array(fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), { minLength: width, maxLength: width }),
          rows: fc.array(fc.array(field, { minLength: width, maxLength: width }), { maxLength: 8 }),
          delimiter: fc.constantFrom(',', ';', '\t', '|'),
          eol: fc.constantFrom('\n', '\r\n'),
          bom: fc.boolean(),
        }),
      );
      fc.assert(
        fc.property(table, ({ header, rows, delimiter, eol, bom }) => {
          // Rows of only whitespace at the very end are dropped by design; keep them out.
          while (rows.length > 0 && rows[rows.length - 1].every((f) => f.trim() === '')) rows.pop();
          const text = (bom ? '\uFEFF' : '') + serialize([header, ...rows], delimiter, eol) + eol;
          expect(parseCsv(text, delimiter)).toEqual({ ok: true, header, rows, delimiter });
        }),
        { numRuns: 1000 },
      );
    });
  });
});
