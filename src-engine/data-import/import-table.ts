/**
 * Turns a CSV/TSV table into a data set: chosen feature columns (numbers as they are,
 * categories one-hot as `color=red`, `color=blue` …), a target column (classification: the
 * distinct values become classes; regression: a number), and a rule for missing values.
 * All or nothing: the first bad cell stops the import with its row (as a spreadsheet
 * numbers it, the header is row 1) and column, and nothing is returned half-made.
 */
import type { Dataset } from '../datasets/dataset';
import { toInlineSpec, type InlineSpec } from '../datasets/inline';
import { formatIssues, importOptionsSchema, LIMITS, type ImportOptions, type ImportOptionsInput } from '../project';
import { clip, decimalCommaFor, isMissingCell, parseNumberCell, shortCell, sortCategories } from './cells';
import { importFailure, type ImportFailure } from './import-messages';
import { progressReporter, scanColumns, type ColumnType } from './inspect-csv';
import { MAX_NAME_LENGTH, openTable, type CsvTable, type OpenedTable, type TableInput } from './table-reader';

/** Most categories a categorical feature may have (each becomes one input column). */
export const MAX_CATEGORIES = 100;
/** Most classes a classification target may have. */
export const MAX_CLASSES = 1000;

/** What the import did, for the dialog's summary line. */
export interface ImportReport {
  delimiter: string;
  hasHeader: boolean;
  /** Fields per row in the file. */
  columns: number;
  /** Data rows read (blank lines not counted). */
  rowsRead: number;
  /** Rows left out because of a missing value. */
  rowsDropped: number;
  /** Missing feature cells filled with the column mean (numbers) or most frequent value (categories). */
  cellsFilled: number;
  /** The type each feature column was read as (guessed or as given), in feature order. */
  types: { name: string; type: ColumnType }[];
}

/** Extra, non-persisted import settings. */
export interface ImportExtras {
  /** The data set's name (default 'data'); at most 80 characters are kept. */
  name?: string;
  /** Called with the fraction done, 0 … 1, about a hundred times over a large file. */
  onProgress?: (fraction: number) => void;
}

export type ImportDatasetResult = { ok: true; dataset: Dataset; report: ImportReport } | ImportFailure;
export type ImportTableResult = { ok: true; spec: InlineSpec; dataset: Dataset; report: ImportReport } | ImportFailure;

/** One used column while reading: numbers, or category codes (−1 = missing) with their labels. */
interface Column {
  name: string;
  index: number;
  type: ColumnType;
  values: number[];
  codes: Map<string, number>;
  labels: string[];
}

/** A failure without a template key (a rare one, left in English). */
function fail(error: string): ImportFailure {
  return { ok: false, error };
}

function listColumns(names: readonly string[]): string {
  const shown = names.slice(0, 12).join(', ');
  return names.length > 12 ? `${shown}, … (${names.length} in all)` : shown;
}

/**
 * Imports `input` as a data set (typed arrays, ready for training). Never throws; see the
 * module comment. Reads the input once, twice when a used column has no type in
 * `options.types` (the first pass guesses it as `inspectCsv` does). Allocates the columns.
 */
export function importDataset(input: TableInput, options: ImportOptionsInput, extras: ImportExtras = {}): ImportDatasetResult {
  const parsed = importOptionsSchema.safeParse(options);
  if (!parsed.success) return fail(`Import options: ${formatIssues(parsed.error)}`);
  const opts = parsed.data;
  const format = { delimiter: opts.delimiter, header: opts.header };
  const opened = openTable(input, format);
  if (!opened.ok) return opened;
  const names = opened.table.names;

  const targetIndex = names.indexOf(opts.target);
  if (targetIndex < 0) return fail(`There is no column '${opts.target}' to predict. The columns are: ${listColumns(names)}.`);
  const featureNames = opts.features ?? names.filter((n) => n !== opts.target);
  const seen = new Set<string>();
  for (const f of featureNames) {
    if (!names.includes(f)) return fail(`There is no feature column '${f}'. The columns are: ${listColumns(names)}.`);
    if (f === opts.target) return fail(`Column ${f} is the target; it cannot also be a feature. Remove it from the features.`);
    if (seen.has(f)) return fail(`Column ${f} is listed twice as a feature.`);
    seen.add(f);
  }
  if (featureNames.length === 0) return fail('Choose at least one feature column besides the target.');
  if (opts.task === 'regression' && opts.types[opts.target] === 'category') {
    return importFailure('target-is-category', { column: opts.target });
  }

  // Types: the overrides, else a guess from a first pass over the whole table.
  const guessNeeded = featureNames.some((f) => !Object.hasOwn(opts.types, f));
  let table: OpenedTable = opened.table;
  let guessed: Map<string, ColumnType> = new Map();
  let from = 0;
  if (guessNeeded) {
    const scan = scanColumns(table, 0, progressReporter(extras.onProgress, 0, 0.4));
    if (table.error !== null) return table.error;
    guessed = new Map(scan.columns.map((c) => [c.name, c.guessedType]));
    const again = openTable(input, { delimiter: table.delimiter, header: table.hasHeader });
    if (!again.ok) return again;
    table = again.table;
    from = 0.4;
  }
  const typeOf = (name: string): ColumnType => (Object.hasOwn(opts.types, name) ? opts.types[name] : (guessed.get(name) ?? 'number'));
  const makeColumn = (name: string, type: ColumnType): Column => ({ name, index: names.indexOf(name), type, values: [], codes: new Map(), labels: [] });
  const features = featureNames.map((f) => makeColumn(f, typeOf(f)));
  const target = makeColumn(opts.target, opts.task === 'classification' ? 'category' : 'number');

  const read = readRows(table, features, target, opts, progressReporter(extras.onProgress, from, 0.95));
  if (!read.ok) return read;
  return assemble(features, target, read.dropped, opts, table, read.rowsRead, extras, typeOf);
}

/** Reads every data row into the columns; fails on the first bad or (when refused) missing cell. */
function readRows(table: OpenedTable, features: Column[], target: Column, opts: ImportOptions, report: (f: number) => void): { ok: true; dropped: Uint8Array; rowsRead: number } | ImportFailure {
  const dropped: number[] = [];
  let rowsRead = 0;
  const decimalComma = decimalCommaFor(table.delimiter);
  for (let fields = table.next(); fields; fields = table.next()) {
    rowsRead++;
    if (rowsRead > LIMITS.maxSamples) return importFailure('too-many-rows', { max: LIMITS.maxSamples });
    let drop = 0;
    // The target: a class label or a number. A row without one cannot be used.
    const t = fields[target.index].trim();
    if (isMissingCell(t)) {
      if (opts.missing === 'refuse') return importFailure('target-missing', { row: table.row, column: target.name });
      drop = 1;
      target.values.push(target.type === 'number' ? NaN : -1);
    } else if (target.type === 'number') {
      const v = parseNumberCell(t, decimalComma);
      if (Number.isNaN(v)) return importFailure('not-a-number', { row: table.row, column: target.name, cell: shortCell(t) });
      target.values.push(v);
    } else {
      const v = parseNumberCell(t, decimalComma);
      target.values.push(code(target, Number.isNaN(v) ? t : String(v)));
    }
    for (const c of features) {
      const cell = fields[c.index].trim();
      if (isMissingCell(cell)) {
        if (opts.missing === 'refuse') return importFailure('value-missing', { row: table.row, column: c.name });
        if (opts.missing === 'drop') drop = 1;
        c.values.push(c.type === 'number' ? NaN : -1);
      } else if (c.type === 'number') {
        const v = parseNumberCell(cell, decimalComma);
        if (Number.isNaN(v)) return importFailure('not-a-number', { row: table.row, column: c.name, cell: shortCell(cell) });
        c.values.push(v);
      } else {
        c.values.push(code(c, cell));
      }
    }
    dropped.push(drop);
    if ((rowsRead & 1023) === 0) report(table.progress());
  }
  if (table.error !== null) return table.error;
  return { ok: true, dropped: Uint8Array.from(dropped), rowsRead };
}

/** The code of category `label` in `c`, adding it on first sight. */
function code(c: Column, label: string): number {
  let k = c.codes.get(label);
  if (k === undefined) {
    k = c.labels.length;
    c.codes.set(label, k);
    c.labels.push(label);
  }
  return k;
}

/**
 * Categories of `c` present in the kept rows, sorted (see `sortCategories`), and a map from
 * first-sight codes to sorted positions (−1 for a category only dropped rows had).
 */
function keptCategories(c: Column, dropped: Uint8Array): { labels: string[]; remap: Int32Array; counts: Int32Array } {
  const seen = new Uint8Array(c.labels.length);
  for (let i = 0; i < c.values.length; i++) if (!dropped[i] && c.values[i] >= 0) seen[c.values[i]] = 1;
  const labels = sortCategories(c.labels.filter((_, k) => seen[k]));
  const position = new Map(labels.map((l, k) => [l, k]));
  const remap = Int32Array.from(c.labels, (l) => position.get(l) ?? -1);
  const counts = new Int32Array(labels.length);
  for (let i = 0; i < c.values.length; i++) if (!dropped[i] && c.values[i] >= 0) counts[remap[c.values[i]]]++;
  return { labels, remap, counts };
}

/** Adds `.1`, `.2` … to a name already used, so expanded column names stay unique. */
function uniqueName(name: string, used: Set<string>): string {
  const base = clip(name, MAX_NAME_LENGTH - 6);
  let out = base;
  for (let k = 1; used.has(out); k++) out = `${base}.${k}`;
  used.add(out);
  return out;
}

function assemble(
  features: Column[],
  target: Column,
  dropped: Uint8Array,
  opts: ImportOptions,
  table: OpenedTable,
  rowsRead: number,
  extras: ImportExtras,
  typeOf: (name: string) => ColumnType,
): ImportDatasetResult {
  if (rowsRead === 0) return importFailure('no-rows');
  let n = 0;
  for (let i = 0; i < rowsRead; i++) if (!dropped[i]) n++;
  if (n === 0) return importFailure('all-rows-dropped');

  // Input columns: a number stays one column, a category becomes one column per value.
  const used = new Set<string>();
  const layout: { column: Column; width: number; labels: string[]; remap: Int32Array | null; fill: number }[] = [];
  let cellsFilled = 0;
  let width = 0;
  const inputNames: string[] = [];
  for (const c of features) {
    if (c.type === 'number') {
      let sum = 0;
      let count = 0;
      for (let i = 0; i < rowsRead; i++) {
        if (dropped[i] || Number.isNaN(c.values[i])) continue;
        sum += c.values[i];
        count++;
      }
      if (count === 0) return importFailure('column-empty', { column: c.name });
      const fill = sum / count;
      if (count < n) cellsFilled += n - count;
      layout.push({ column: c, width: 1, labels: [], remap: null, fill });
      inputNames.push(uniqueName(c.name, used));
      width++;
    } else {
      const { labels, remap, counts } = keptCategories(c, dropped);
      if (labels.length === 0) return importFailure('column-empty', { column: c.name });
      if (labels.length > MAX_CATEGORIES) {
        return importFailure('too-many-categories', { column: c.name, count: labels.length, max: MAX_CATEGORIES });
      }
      let mode = 0;
      for (let k = 1; k < counts.length; k++) if (counts[k] > counts[mode]) mode = k;
      let present = 0;
      for (let k = 0; k < counts.length; k++) present += counts[k];
      cellsFilled += n - present;
      layout.push({ column: c, width: labels.length, labels, remap, fill: mode });
      for (const l of labels) inputNames.push(uniqueName(`${c.name}=${l}`, used));
      width += labels.length;
    }
  }
  if (width > LIMITS.maxUnits) return importFailure('too-many-inputs', { count: width, max: LIMITS.maxUnits });

  const x = new Float64Array(n * width);
  for (let i = 0, r = 0; i < rowsRead; i++) {
    if (dropped[i]) continue;
    let j = r * width;
    for (const l of layout) {
      const v = l.column.values[i];
      if (l.remap === null) x[j] = Number.isNaN(v) ? l.fill : v;
      else x[j + (v < 0 ? l.fill : l.remap[v])] = 1;
      j += l.width;
    }
    r++;
  }

  let dataset: Dataset;
  const name = clip(extras.name ?? 'data', LIMITS.maxNameLength);
  if (opts.task === 'regression') {
    const y = new Float64Array(n);
    for (let i = 0, r = 0; i < rowsRead; i++) if (!dropped[i]) y[r++] = target.values[i];
    dataset = { name, task: 'regression', n, features: width, targets: 1, x, y, labels: null, classLabels: null, featureNames: inputNames, targetNames: [clip(target.name, MAX_NAME_LENGTH)] };
  } else {
    const { labels: classes, remap } = keptCategories(target, dropped);
    if (classes.length < 2) return importFailure('single-class', { column: target.name, cell: shortCell(classes[0] ?? '') });
    if (classes.length > MAX_CLASSES) return importFailure('too-many-classes', { column: target.name, count: classes.length, max: MAX_CLASSES });
    // Two classes: one 0/1 column (as the built-in two-class sets); more: one-hot columns.
    const targets = classes.length === 2 ? 1 : classes.length;
    const labels = new Int32Array(n);
    const y = new Float64Array(n * targets);
    for (let i = 0, r = 0; i < rowsRead; i++) {
      if (dropped[i]) continue;
      const k = remap[target.values[i]];
      labels[r] = k;
      if (targets === 1) y[r] = k;
      else y[r * targets + k] = 1;
      r++;
    }
    const targetNames = targets === 1 ? [clip(target.name, MAX_NAME_LENGTH)] : classes.map((c) => clip(`${target.name}=${c}`, MAX_NAME_LENGTH));
    dataset = { name, task: 'classification', n, features: width, targets, x, y, labels, classLabels: classes.map((c) => clip(c, MAX_NAME_LENGTH)), featureNames: inputNames, targetNames };
  }
  const types = features.map((c) => ({ name: c.name, type: typeOf(c.name) }));
  extras.onProgress?.(1);
  return {
    ok: true,
    dataset,
    report: { delimiter: table.delimiter, hasHeader: table.hasHeader, columns: table.names.length, rowsRead, rowsDropped: rowsRead - n, cellsFilled, types },
  };
}

/**
 * Imports `input` (CSV/TSV text or an already split table) as an inline data set spec for
 * the project, plus the loaded data set. Never throws; errors read like
 * "row 17, column petal_width: 'abc' is not a number.". See `importDataset`.
 */
export function importTable(input: string | CsvTable, options: ImportOptionsInput, extras: ImportExtras = {}): ImportTableResult {
  const r = importDataset(input, options, extras);
  if (!r.ok) return r;
  return { ok: true, spec: toInlineSpec(r.dataset), dataset: r.dataset, report: r.report };
}
