/**
 * CSV/TSV import for the data dialog, pure and synchronous so a Web Worker can run it and
 * post its progress: `inspectCsv` (first look), `importTable` (all-or-nothing import),
 * `datasetSpecFromCsv` (import plus the project spec, inline or file-backed) and
 * `loadFileDataset` (reopening a file-backed set, hash checked). Every result is a plain,
 * structured-clonable object, and none of them throws. In a worker, for example:
 *
 * ```ts
 * const decoded = decodeUtf8(new Uint8Array(bytes)); // refuses non-UTF-8, drops a BOM
 * if (!decoded.ok) return post({ error: decoded.error });
 * const result = datasetSpecFromCsv(decoded.text, path, options, {
 *   onProgress: (fraction) => post({ progress: fraction }), // about a hundred calls
 * });
 * post(result); // { ok, spec, dataset, report, storage } or { ok: false, error, key?, params? }
 * ```
 */
export { decodeUtf8, encodeUtf8 } from './utf8';
export { IMPORT_MESSAGES, importFailure, type ImportFailure, type ImportMessageKey } from './import-messages';
export { sha256 } from './sha256';
export { isMissingCell, MISSING_MARKERS, parseNumberCell, sortCategories } from './cells';
export { detectHeader, uniqueNames, type CsvTable, type TableFormat, type TableInput } from './table-reader';
export { DISTINCT_CAP, inspectCsv, suggestTask, type ColumnInfo, type ColumnType, type CsvInspection, type InspectOptions } from './inspect-csv';
export {
  importDataset,
  importTable,
  MAX_CATEGORIES,
  MAX_CLASSES,
  type ImportDatasetResult,
  type ImportExtras,
  type ImportReport,
  type ImportTableResult,
} from './import-table';
export {
  chooseStorage,
  datasetSpecFromCsv,
  describeMissingFile,
  fileSpecFor,
  hashDataText,
  INLINE_MAX_VALUES,
  loadFileDataset,
  type CsvDatasetResult,
} from './file-dataset';
