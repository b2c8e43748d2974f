/**
 * A small RFC 4180 CSV/TSV reader: quoted fields (with delimiters, quotes and newlines
 * inside), CRLF, LF or lone CR line ends, a UTF-8 byte-order mark, blank lines, and
 * delimiter detection among comma, tab, semicolon and bar. Never throws: problems come back
 * with the row (1-based, as a spreadsheet shows it: the header is row 1) and column.
 *
 * Leniency, where RFC 4180 says nothing or forbids: a quote inside an unquoted field is kept
 * as a character (`5'11"`), text after a closing quote is appended to the field (`"a"b` →
 * `ab`), and empty lines are skipped but still counted as rows.
 */

export type CsvResult =
  | { ok: true; header: string[]; rows: string[][]; delimiter: string }
  | { ok: false; error: string };

/** Delimiters `detectDelimiter` chooses among, in order of preference on a tie. */
export const CSV_DELIMITERS = [',', '\t', ';', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Most fields in one record; more is refused (a guard against runaway allocation). */
export const MAX_FIELDS = 20_000;

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/** `text` without a leading UTF-8 byte-order mark (U+FEFF). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads records one at a time from `text` (without a BOM; see `stripBom`), so a large file
 * is never held as one array of rows. `offset / text.length` is the progress. Allocates one
 * array per record.
 */
export class CsvRecordReader {
  /** Characters consumed so far. */
  offset = 0;
  /** Spreadsheet row number of the record `next` returned last (blank lines count). */
  row = 0;
  /** Set when `next` returned null because of malformed input. */
  error: string | null = null;
  private readonly delim: number;

  constructor(
    private readonly text: string,
    delimiter: string,
  ) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Whether the record last returned came from an empty line (one empty field). */
  blank = false;

  /** The next record's fields, or null at the end of the text or on an error (see `error`). */
  next(): string[] | null {
    const text = this.text;
    const end = text.length;
    if (this.error !== null || this.offset >= end) return null;
    const delim = this.delim;
    const fields: string[] = [];
    let i = this.offset;
    this.row++;
    const startRow = this.row;
    this.blank = text.charCodeAt(i) === LF || text.charCodeAt(i) === CR;
    for (;;) {
      // One field starts at i.
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            this.error = `Row ${startRow}: a quoted field is never closed (missing ").`;
            this.offset = end;
            return null;
          }
          value += text.slice(from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            from = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // Lenient: characters between the closing quote and the delimiter are kept.
        const rest = i;
        while (i < end) {
          const c = text.charCodeAt(i);
          if (c === delim || c === LF || c === CR) break;
          i++;
        }
        if (i > rest) value += text.slice(rest, i);
      } else {
        const from = i;
        while (i < end) {
          const c = text.charCodeAt(i);
          if (c === delim || c === LF || c === CR) break;
          i++;
        }
        value = text.slice(from, i);
      }
      fields.push(value);
      if (fields.length > MAX_FIELDS) return this.tooManyFields(startRow);
      if (i >= end) {
        this.offset = end;
        return fields;
      }
      const c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        if (i >= end) {
          // A delimiter at the very end: one more, empty field.
          if (fields.length >= MAX_FIELDS) return this.tooManyFields(startRow);
          fields.push('');
          this.offset = end;
          return fields;
        }
        continue;
      }
      // A line end: CRLF, LF or a lone CR.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      this.offset = i;
      return fields;
    }
  }

  private tooManyFields(row: number): null {
    this.error = `Row ${row}: more than ${MAX_FIELDS} fields. Check the delimiter, or split the file.`;
    this.offset = this.text.length;
    return null;
  }
}

/** Whether a record holds nothing but whitespace. */
export function isEmptyRecord(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

/** How many records and characters `detectDelimiter` looks at. */
const DETECT_RECORDS = 20;
const DETECT_CHARS = 64 * 1024;

/** A field that reads as a plain number with `delimiter` (a decimal comma only when it is not ','). */
function looksNumeric(field: string, delimiter: string): boolean {
  return (delimiter === ',' ? /^\s*[-+]?\d+(\.\d+)?\s*$/ : /^\s*[-+]?\d+([.,]\d+)?\s*$/).test(field);
}

/**
 * Picks the delimiter that splits the first records (quote-aware) most consistently into
 * more than one field: the share of records with the first record's field count decides,
 * then that count, then the share of fields that read as numbers (so `1,5;2` is two
 * decimal-comma numbers split by ';', not `1` and `5;2`), then the order of `CSV_DELIMITERS`.
 * A single column gives ','.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const src = stripBom(text);
  const truncated = src.length > DETECT_CHARS;
  const prefix = truncated ? src.slice(0, DETECT_CHARS) : src;
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  let bestCount = 1;
  let bestNumeric = -1;
  for (const d of CSV_DELIMITERS) {
    const reader = new CsvRecordReader(prefix, d);
    const counts: number[] = [];
    let fields = 0;
    let numeric = 0;
    for (let r = reader.next(); r && counts.length < DETECT_RECORDS; r = reader.next()) {
      if (truncated && reader.offset >= prefix.length) break; // the cut record may be incomplete
      if (reader.blank) continue;
      counts.push(r.length);
      fields += r.length;
      for (const f of r) if (looksNumeric(f, d)) numeric++;
    }
    if (counts.length === 0 || counts[0] < 2) continue;
    const score = counts.filter((c) => c === counts[0]).length / counts.length;
    const numericShare = numeric / fields;
    const better = score !== bestScore ? score > bestScore : counts[0] !== bestCount ? counts[0] > bestCount : numericShare > bestNumeric;
    if (better) {
      best = d;
      bestScore = score;
      bestCount = counts[0];
      bestNumeric = numericShare;
    }
  }
  return best;
}

/**
 * Parses `text` into a header row and data rows (all strings). Every data row must have the
 * header's number of fields; empty lines are skipped, and rows of only whitespace at the end
 * are dropped. Holds the whole table; for large files see `CsvRecordReader` and data-import/.
 */
export function parseCsv(text: string, delimiter: string = detectDelimiter(text)): CsvResult {
  const reader = new CsvRecordReader(stripBom(text), delimiter);
  const records: string[][] = [];
  const rowNumbers: number[] = [];
  for (let r = reader.next(); r; r = reader.next()) {
    if (reader.blank && r.length === 1) continue;
    records.push(r);
    rowNumbers.push(reader.row);
  }
  if (reader.error !== null) return { ok: false, error: reader.error };
  while (records.length > 0 && isEmptyRecord(records[records.length - 1])) records.pop();
  if (records.length === 0) return { ok: false, error: 'The file is empty.' };
  const header = records[0].map((h) => h.trim());
  const rows = records.slice(1);
  for (let r = 0; r < rows.length; r++) {
    if (rows[r].length !== header.length) {
      return {
        ok: false,
        error: `Row ${rowNumbers[r + 1]}: ${rows[r].length} fields, but the header has ${header.length}.`,
      };
    }
  }
  return { ok: true, header, rows, delimiter };
}

/**
 * Reads the named columns as numbers into a row-major Float64Array [rows][columns].
 * Fails on the first cell that is not a finite number, naming its row and column.
 */
export function readNumericColumns(
  header: string[],
  rows: string[][],
  columns: string[],
): { ok: true; values: Float64Array } | { ok: false; error: string } {
  const indices: number[] = [];
  for (const name of columns) {
    const index = header.indexOf(name);
    if (index < 0) return { ok: false, error: `Column ${name} is missing (the file has: ${header.join(', ')}).` };
    indices.push(index);
  }
  const values = new Float64Array(rows.length * columns.length);
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < indices.length; c++) {
      const cell = rows[r][indices[c]].trim();
      const value = cell === '' ? NaN : Number(cell);
      if (!Number.isFinite(value)) {
        return {
          ok: false,
          error: `Row ${r + 2}, column ${columns[c]}: '${cell.slice(0, 40)}' is not a number.`,
        };
      }
      values[r * columns.length + c] = value;
    }
  }
  return { ok: true, values };
}
