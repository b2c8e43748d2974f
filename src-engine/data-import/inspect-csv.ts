/**
 * A first look at a CSV/TSV file for the import dialog: delimiter, header, a preview, and
 * per column a type guess with missing, distinct and sample values. Reads every row once.
 */
import type { CsvDelimiter } from '../csv';
import { decimalCommaFor, isMissingCell, parseNumberCell } from './cells';
import type { ImportFailure } from './import-messages';
import { openTable, type OpenedTable, type TableFormat, type TableInput } from './table-reader';

/** A column's guessed type: numbers are used as they are, categories are one-hot encoded. */
export type ColumnType = 'number' | 'category';

/** What `inspectCsv` found in one column. */
export interface ColumnInfo {
  name: string;
  /** 0-based position in the file. */
  index: number;
  /** 'number' when at least 90 % of the present values are numbers, else 'category'. */
  guessedType: ColumnType;
  /** Empty or NA cells (see `MISSING_MARKERS`). */
  missing: number;
  /** Present cells that are numbers. */
  numeric: number;
  /** Distinct present values, counted up to `DISTINCT_CAP`. */
  distinct: number;
  /** True when there are more than `DISTINCT_CAP` distinct values (then `distinct` is the cap). */
  distinctCapped: boolean;
  /** Up to five distinct present values, in order of appearance. */
  samples: string[];
  /** Smallest and largest number in the column (null when it holds none). */
  min: number | null;
  max: number | null;
  /** Whether every number in it is an integer (a hint for class labels such as 0 … 9). */
  integers: boolean;
  /** The first present value that is not a number, with its row (null when there is none). */
  firstNonNumeric: { row: number; value: string } | null;
}

/** The result of `inspectCsv`. */
export type CsvInspection =
  | {
      ok: true;
      delimiter: CsvDelimiter;
      hasHeader: boolean;
      columns: ColumnInfo[];
      /** Data rows (not counting the header, blank lines or rows of only whitespace). */
      rowCount: number;
      /** The first data rows as read, for a preview table. */
      preview: string[][];
      /** A starting choice for the dialog: the last column as target, the rest as features. */
      suggestion: { target: string; task: 'classification' | 'regression'; features: string[] };
    }
  | ImportFailure;

/** Options of `inspectCsv`: the format (detected when absent), preview size, progress. */
export interface InspectOptions extends TableFormat {
  /** Rows in `preview` (default 20). */
  previewRows?: number;
  /** Called with the fraction read, 0 … 1, about a hundred times over a large file. */
  onProgress?: (fraction: number) => void;
}

/** Most distinct values counted per column. */
export const DISTINCT_CAP = 1000;
/** A number column with at most this many distinct integers is suggested as classes. */
const CLASS_LIKE_DISTINCT = 10;

/** Per-column counters while scanning. */
interface ColumnScan {
  missing: number;
  numeric: number;
  present: number;
  /** Distinct values: numbers by value (so 1 and 1.0 are one), other text as written. */
  distinct: Set<string | number>;
  capped: boolean;
  samples: string[];
  min: number;
  max: number;
  integers: boolean;
  firstNonNumeric: { row: number; value: string } | null;
}

/** Calls `onProgress` when the fraction has grown by at least 1 %. */
export function progressReporter(onProgress: ((fraction: number) => void) | undefined, from = 0, to = 1): (fraction: number) => void {
  if (!onProgress) return () => {};
  let last = -1;
  return (fraction: number) => {
    if (fraction - last < 0.01 && fraction < 1) return;
    last = fraction;
    onProgress(from + (to - from) * Math.min(1, Math.max(0, fraction)));
  };
}

/**
 * Reads every data row of `table` and counts, per column, what `ColumnInfo` reports. Stops
 * at a malformed row (then `table.error` is set). Keeps the first `previewRows` rows.
 */
export function scanColumns(table: OpenedTable, previewRows: number, report: (fraction: number) => void): { columns: ColumnInfo[]; rowCount: number; preview: string[][] } {
  const scans: ColumnScan[] = table.names.map(() => ({
    missing: 0,
    numeric: 0,
    present: 0,
    distinct: new Set<string | number>(),
    capped: false,
    samples: [],
    min: Infinity,
    max: -Infinity,
    integers: true,
    firstNonNumeric: null,
  }));
  const preview: string[][] = [];
  const decimalComma = decimalCommaFor(table.delimiter);
  let rowCount = 0;
  for (let fields = table.next(); fields; fields = table.next()) {
    rowCount++;
    if (preview.length < previewRows) preview.push(fields);
    for (let j = 0; j < scans.length; j++) {
      const s = scans[j];
      const v = fields[j].trim();
      if (isMissingCell(v)) {
        s.missing++;
        continue;
      }
      s.present++;
      const x = parseNumberCell(v, decimalComma);
      const key = Number.isNaN(x) ? v : x;
      if (!s.capped && !s.distinct.has(key)) {
        if (s.distinct.size >= DISTINCT_CAP) s.capped = true;
        else {
          s.distinct.add(key);
          if (s.samples.length < 5) s.samples.push(v);
        }
      }
      if (Number.isNaN(x)) {
        if (s.firstNonNumeric === null) s.firstNonNumeric = { row: table.row, value: v };
        continue;
      }
      s.numeric++;
      if (x < s.min) s.min = x;
      if (x > s.max) s.max = x;
      if (!Number.isInteger(x)) s.integers = false;
    }
    if ((rowCount & 255) === 0) report(table.progress());
  }
  const columns = scans.map((s, index): ColumnInfo => ({
    name: table.names[index],
    index,
    guessedType: s.numeric >= 0.9 * s.present ? 'number' : 'category',
    missing: s.missing,
    numeric: s.numeric,
    distinct: s.distinct.size,
    distinctCapped: s.capped,
    samples: s.samples,
    min: s.numeric > 0 ? s.min : null,
    max: s.numeric > 0 ? s.max : null,
    integers: s.integers,
    firstNonNumeric: s.firstNonNumeric,
  }));
  return { columns, rowCount, preview };
}

/** Classification for a category column or a few integers (e.g. 0 … 9), else regression. */
export function suggestTask(column: ColumnInfo): 'classification' | 'regression' {
  if (column.guessedType === 'category') return 'classification';
  return column.integers && !column.distinctCapped && column.distinct <= CLASS_LIKE_DISTINCT ? 'classification' : 'regression';
}

/**
 * Inspects CSV/TSV text (or an already split table) for the import dialog. Never throws;
 * a malformed file gives `{ ok: false, error }` naming the row. Reads the whole input once
 * and holds only the preview and per-column counters.
 */
export function inspectCsv(input: TableInput, options: InspectOptions = {}): CsvInspection {
  const opened = openTable(input, options);
  if (!opened.ok) return opened;
  const table = opened.table;
  const report = progressReporter(options.onProgress);
  const { columns, rowCount, preview } = scanColumns(table, Math.max(0, options.previewRows ?? 20), report);
  if (table.error !== null) return table.error;
  report(1);
  const target = columns[columns.length - 1];
  return {
    ok: true,
    delimiter: table.delimiter,
    hasHeader: table.hasHeader,
    columns,
    rowCount,
    preview,
    suggestion: {
      target: target.name,
      task: suggestTask(target),
      features: columns.slice(0, -1).map((c) => c.name),
    },
  };
}
