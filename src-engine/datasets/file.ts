/**
 * Data sets kept in a file next to the project (`{ type: 'file' }`). The engine cannot read
 * files: the host reads the text and calls `loadFileDataset` (data-import/file-dataset.ts).
 * Here: the shape from the names saved in the spec, and the error when nobody read the file.
 */
import type { DatasetSpec } from '../project';
import type { DataShape, LoadDatasetResult } from './dataset';

/** The spec of a file-backed data set. */
export type FileSpec = Extract<DatasetSpec, { type: 'file' }>;

/** The file name at the end of `path` (either slash), for messages. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** Shape of a file-backed set, from the names saved with it (reads nothing). */
export function fileShape(spec: FileSpec): DataShape {
  const features = spec.featureNames.length;
  const targets = spec.targetNames.length;
  if (spec.task === 'regression') return { features, targets, task: 'regression', classes: 0 };
  const classes = spec.classLabels && spec.classLabels.length >= 2 ? spec.classLabels.length : Math.max(2, targets);
  return { features, targets, task: 'classification', classes };
}

/** What `loadDataset` answers for a file-backed spec: the file has to be read first. */
export function fileNotRead(spec: FileSpec): LoadDatasetResult {
  return {
    ok: false,
    error: `Data set '${spec.name}' is kept in ${fileName(spec.path)}, which has not been read. Read the file and load it with loadFileDataset(spec, text).`,
  };
}
