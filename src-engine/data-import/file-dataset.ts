/**
 * How an imported data set travels with the project. Small sets are stored inline (the
 * numbers in the project file); large ones as `{ type: 'file', path, sha256, … }`: the
 * project remembers the file, its fingerprint and the import options, and the host reads
 * the file again on open. A moved file is the host's to report (`describeMissingFile`); a
 * changed one is refused here, never used silently.
 */
import { stripBom } from '../csv';
import type { Dataset, LoadDatasetResult } from '../datasets/dataset';
import { fileName, type FileSpec } from '../datasets/file';
import type { InlineSpec } from '../datasets/inline';
import { importOptionsSchema, formatIssues, type ImportOptionsInput } from '../project';
import type { ImportFailure } from './import-messages';
import { importDataset, importTable, type ImportExtras, type ImportReport } from './import-table';
import { sha256 } from './sha256';

/**
 * Largest inline data set, in numbers (inputs plus targets of every sample): 262,144 values
 * = 2 MiB as float64, a project file of a few MB as JSON. Larger sets are stored as a file
 * reference. Iris (150 × 7) and digits (1,797 × 74 = 132,978) would fit; a 100,000 × 50
 * import (5,000,000) does not.
 */
export const INLINE_MAX_VALUES = 262_144;

/** 'inline' when `samples × (features + targets)` is at most `INLINE_MAX_VALUES`, else 'file'. */
export function chooseStorage(samples: number, features: number, targets: number): 'inline' | 'file' {
  return samples * (features + targets) <= INLINE_MAX_VALUES ? 'inline' : 'file';
}

/** The fingerprint saved in a file spec: SHA-256 of the text's UTF-8 bytes, without a BOM. */
export function hashDataText(text: string): string {
  return sha256(stripBom(text));
}

/**
 * The spec that refers to `path` for a data set imported from `text` with `options` (the
 * detected delimiter and header are written into its import options). Throws if `options`
 * fail the schema, which cannot happen after a successful import with them.
 */
export function fileSpecFor(dataset: Dataset, report: ImportReport, path: string, text: string, options: ImportOptionsInput): FileSpec {
  const spec: FileSpec = {
    type: 'file',
    name: dataset.name,
    path,
    sha256: hashDataText(text),
    rows: dataset.n,
    columns: report.columns,
    task: dataset.task,
    featureNames: [...dataset.featureNames],
    targetNames: [...dataset.targetNames],
    importOptions: importOptionsSchema.parse({ ...options, delimiter: report.delimiter, header: report.hasHeader }),
  };
  if (dataset.classLabels) spec.classLabels = [...dataset.classLabels];
  return spec;
}

export type CsvDatasetResult =
  | { ok: true; spec: InlineSpec | FileSpec; dataset: Dataset; report: ImportReport; storage: 'inline' | 'file' }
  | ImportFailure;

/**
 * Imports the CSV/TSV `text` read from `path` and returns the spec to put in the project:
 * inline when the data fits `INLINE_MAX_VALUES`, else a file reference (with the delimiter
 * and header fixed to what was detected, so reopening reads the file the same way). Also
 * returns the loaded data set. Never throws; errors as `importTable`'s.
 */
export function datasetSpecFromCsv(text: string, path: string, options: ImportOptionsInput, extras: ImportExtras = {}): CsvDatasetResult {
  const checked = importOptionsSchema.safeParse(options);
  if (!checked.success) return { ok: false, error: `Import options: ${formatIssues(checked.error)}` };
  const name = extras.name ?? fileName(path).replace(/\.(csv|tsv|txt)$/i, '');
  const r = importTable(text, options, { ...extras, name });
  if (!r.ok) return r;
  const storage = chooseStorage(r.dataset.n, r.dataset.features, r.dataset.targets);
  const spec = storage === 'inline' ? r.spec : fileSpecFor(r.dataset, r.report, path, text, options);
  return { ok: true, spec, dataset: r.dataset, report: r.report, storage };
}

/**
 * Loads a file-backed data set from the `text` the host read at `spec.path`. Refuses a file
 * whose hash differs ("data.csv has changed since the project was saved (hash differs). …")
 * and one that no longer imports to the saved names and size. Never throws.
 */
export function loadFileDataset(spec: FileSpec, text: string, onProgress?: (fraction: number) => void): LoadDatasetResult {
  const file = fileName(spec.path);
  if (hashDataText(text) !== spec.sha256) {
    return { ok: false, error: `${file} has changed since the project was saved (hash differs). Import it again to use the new data, or put the saved version back.` };
  }
  const r = importDataset(text, spec.importOptions, { name: spec.name, onProgress });
  if (!r.ok) return { ok: false, error: `${file}: ${r.error}` };
  const ds = r.dataset;
  const same = ds.n === spec.rows && sameList(ds.featureNames, spec.featureNames) && sameList(ds.targetNames, spec.targetNames) && sameList(ds.classLabels ?? [], spec.classLabels ?? []);
  if (!same) {
    return { ok: false, error: `${file} no longer gives the data set saved in the project (${ds.n} samples of ${ds.features} inputs instead of ${spec.rows} of ${spec.featureNames.length}). Import it again.` };
  }
  return { ok: true, dataset: ds };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The message for a file-backed data set whose file the host could not find. */
export function describeMissingFile(spec: FileSpec): string {
  return `${fileName(spec.path)} was not found at ${spec.path}. It may have been moved or renamed: locate it again, or import the data anew.`;
}
