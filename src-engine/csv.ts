/**
 * A small RFC 4180 CSV/TSV reader: quoted fields (with delimiters, quotes and newlines
 * inside), CRLF or LF line ends, a UTF-8 byte-order mark, trailing empty lines, and
 * delimiter detection among comma, semicolon and tab. Never throws: problems come back
 * with the row (1-based, as a spreadsheet shows it) and column.
 */

export type CsvResult =
  | { ok: true; header: string[]; rows: string[][]; delimiter: string }
  | { ok: false; error: string };

const CANDIDATES = [',', '\t', ';'];

/** Picks the delimiter that splits the first line into the most fields (outside quotes). */
export function detectDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = -1;
  for (const d of CANDIDATES) {
    let count = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parses `text` into a header row and data rows (all strings). Every data row must have the
 * header's number of fields; blank lines at the end are ignored.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text.replace(/^\uFEFF/, ''))): CsvResult {
  const src = text.replace(/^\uFEFF/, '');
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  let line = 1;
  let fieldStartLine = 1;
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.length === 0) {
      quoted = true;
      fieldStartLine = line;
      i++;
    } else if (ch === delimiter) {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) return { ok: false, error: `Row ${fieldStartLine}: a quoted field is never closed (missing ").` };
  if (field.length > 0 || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  while (records.length > 0 && records[records.length - 1].every((f) => f.trim() === '')) records.pop();
  if (records.length === 0) return { ok: false, error: 'The file is empty.' };
  const header = records[0].map((h) => h.trim());
  const rows = records.slice(1);
  for (let r = 0; r < rows.length; r++) {
    if (rows[r].length !== header.length) {
      return {
        ok: false,
        error: `Row ${r + 2}: ${rows[r].length} fields, but the header has ${header.length}.`,
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
