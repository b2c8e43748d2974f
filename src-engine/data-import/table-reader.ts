/**
 * Opens a table for the importer: CSV/TSV text (delimiter and header detected unless given)
 * or rows already split into strings. Yields data records one at a time with their
 * spreadsheet row number, skipping blank lines and rows of only whitespace.
 */
import { CSV_DELIMITERS, CsvRecordReader, detectDelimiter, isEmptyRecord, stripBom, type CsvDelimiter } from '../csv';
import { clip, decimalCommaFor, isMissingCell, parseNumberCell } from './cells';
import { importFailure, type ImportFailure } from './import-messages';

/** Rows already split into fields, e.g. from a spreadsheet; `header` is row 1. */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

/** What `importTable` and `inspectCsv` read: CSV/TSV text or an already split table. */
export type TableInput = string | CsvTable;

/** How to read the text; each field is detected when absent. */
export interface TableFormat {
  delimiter?: CsvDelimiter;
  header?: boolean;
}

/** Longest column name kept (the project schema's limit on feature names). */
export const MAX_NAME_LENGTH = 200;
/** Records looked at to decide whether the first row is a header. */
const HEADER_SAMPLE = 50;

/** An opened table. `next` returns data records; on a malformed record it returns null and sets `error` (a failure to return as it is). */
export interface OpenedTable {
  delimiter: CsvDelimiter;
  hasHeader: boolean;
  /** Unique, non-empty column names (generated `col1 … colN` without a header). */
  names: string[];
  /** Data record, or null at the end or on an error. */
  next(): string[] | null;
  /** Spreadsheet row of the record `next` returned last. */
  row: number;
  /** Fraction of the input consumed, 0 … 1. */
  progress(): number;
  error: ImportFailure | null;
}

/**
 * Decides whether `first` is a header: not when one of its cells is a number; yes when a
 * column is numeric below it (≥ 90 % of its values); when every column holds text, yes when
 * none of its cells recurs in its column below (column names rarely repeat as data).
 * `decimalComma`: whether "3,5" counts as a number (see `decimalCommaFor`).
 */
export function detectHeader(first: readonly string[], rest: readonly (readonly string[])[], decimalComma = false): boolean {
  const cells = first.map((c) => c.trim());
  if (cells.some((c) => !Number.isNaN(parseNumberCell(c, decimalComma)))) return false;
  if (rest.length === 0) return true;
  for (let j = 0; j < cells.length; j++) {
    let numeric = 0;
    let present = 0;
    for (const row of rest) {
      const v = (row[j] ?? '').trim();
      if (isMissingCell(v)) continue;
      present++;
      if (!Number.isNaN(parseNumberCell(v, decimalComma))) numeric++;
    }
    if (present > 0 && numeric >= 0.9 * present && !isMissingCell(cells[j])) return true;
  }
  for (let j = 0; j < cells.length; j++) {
    if (cells[j] === '') continue;
    if (rest.some((row) => (row[j] ?? '').trim() === cells[j])) return false;
  }
  return true;
}

/**
 * Column names made usable: trimmed, at most 200 characters, an empty one becomes `colN`
 * and a repeated one gets `.1`, `.2` … (as pandas does), so every name is unique.
 */
export function uniqueNames(raw: readonly string[]): string[] {
  const used = new Set<string>();
  return raw.map((r, j) => {
    const base = clip(r.trim(), MAX_NAME_LENGTH - 6) || `col${j + 1}`;
    let name = base;
    for (let k = 1; used.has(name); k++) name = `${base}.${k}`;
    used.add(name);
    return name;
  });
}

function generatedNames(count: number): string[] {
  return Array.from({ length: count }, (_, j) => `col${j + 1}`);
}

/** Opens `input` for reading. Fails on an empty table or a malformed first rows. */
export function openTable(input: TableInput, format: TableFormat = {}): { ok: true; table: OpenedTable } | ImportFailure {
  if (typeof input !== 'string') return openSplitTable(input, format);
  const text = stripBom(input);
  const delimiter = format.delimiter ?? detectDelimiter(text);
  if (!CSV_DELIMITERS.includes(delimiter)) return { ok: false, error: `Unknown delimiter ${JSON.stringify(delimiter)}. Use one of , ; | or a tab.` };
  const reader = new CsvRecordReader(text, delimiter);
  // Read ahead a few records to decide on the header and the column count.
  const ahead: { fields: string[]; row: number }[] = [];
  while (ahead.length < HEADER_SAMPLE + 1) {
    const r = reader.next();
    if (!r) break;
    if (!isEmptyRecord(r)) ahead.push({ fields: r, row: reader.row });
  }
  if (reader.error !== null) return { ok: false, error: reader.error };
  if (ahead.length === 0) return importFailure('empty-file');
  const first = ahead[0].fields;
  const hasHeader = format.header ?? detectHeader(first, ahead.slice(1).map((a) => a.fields), decimalCommaFor(delimiter));
  const names = hasHeader ? uniqueNames(first) : generatedNames(first.length);
  const width = names.length;
  let k = hasHeader ? 1 : 0;
  const table: OpenedTable = {
    delimiter,
    hasHeader,
    names,
    row: 0,
    error: null,
    progress: () => (text.length === 0 ? 1 : reader.offset / text.length),
    next() {
      if (table.error !== null) return null;
      let fields: string[] | null;
      if (k < ahead.length) {
        fields = ahead[k].fields;
        table.row = ahead[k].row;
        k++;
      } else {
        do fields = reader.next();
        while (fields && isEmptyRecord(fields));
        if (!fields) {
          table.error = reader.error === null ? null : { ok: false, error: reader.error };
          return null;
        }
        table.row = reader.row;
      }
      if (fields.length !== width) {
        const against = hasHeader ? 'header' : 'first-row';
        table.error = importFailure('field-count', { row: table.row, fields: fields.length, against, width, delimiter: delimiter === '\t' ? 'tab' : delimiter });
        return null;
      }
      return fields;
    },
  };
  return { ok: true, table };
}

function openSplitTable(input: CsvTable, format: TableFormat): { ok: true; table: OpenedTable } | ImportFailure {
  if (!Array.isArray(input.header) || !Array.isArray(input.rows)) return { ok: false, error: 'The table needs a header and rows.' };
  if (input.header.length === 0) return { ok: false, error: 'The table has no columns.' };
  const hasHeader = format.header ?? true;
  const records = hasHeader ? input.rows : [input.header, ...input.rows];
  const names = hasHeader ? uniqueNames(input.header.map(String)) : generatedNames(input.header.length);
  let k = 0;
  const table: OpenedTable = {
    delimiter: ',',
    hasHeader,
    names,
    row: 0,
    error: null,
    progress: () => (records.length === 0 ? 1 : k / records.length),
    next() {
      if (table.error !== null) return null;
      while (k < records.length) {
        const fields = records[k++];
        table.row = k + (hasHeader ? 1 : 0);
        if (!Array.isArray(fields)) {
          table.error = { ok: false, error: `row ${table.row}: not a list of fields.` };
          return null;
        }
        if (isEmptyRecord(fields.map(String))) continue;
        if (fields.length !== names.length) {
          table.error = { ok: false, error: `row ${table.row}: ${fields.length} fields, but the header has ${names.length}.` };
          return null;
        }
        return fields.map(String);
      }
      return null;
    },
  };
  return { ok: true, table };
}
