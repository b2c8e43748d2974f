/** Loading data sets from a project's dataset spec, and their shape for the compiler. */
import type { DatasetSpec } from '../project';
import { assertNever } from '../tensor';
import { builtinShape, generateBuiltin } from './builtin';
import type { DataShape, LoadDatasetResult } from './dataset';
import { fileNotRead, fileShape } from './file';
import { inlineShape, loadInline } from './inline';

export type { Dataset, DataShape, LoadDatasetResult } from './dataset';
export { previewFor, type DatasetPreview } from './preview';
export { DIGITS_CLASSES, DIGITS_FEATURES, DIGITS_SIDE } from './digits';
export { toInlineSpec, type InlineSpec } from './inline';
export { fileName, type FileSpec } from './file';

/**
 * Generates (built-in, from `spec.seed`) or converts (inline) the data set. Never throws;
 * allocates the data arrays. A file-backed spec gives an error here: the host reads the
 * file and calls `loadFileDataset(spec, text)` from data-import/ instead.
 */
export function loadDataset(spec: DatasetSpec): LoadDatasetResult {
  switch (spec.type) {
    case 'builtin':
      return { ok: true, dataset: generateBuiltin(spec) };
    case 'inline':
      return loadInline(spec);
    case 'file':
      return fileNotRead(spec);
    default:
      return assertNever(spec, 'data set spec');
  }
}

/** Features, targets, task and class count of the data set; cheap, generates nothing. */
export function datasetShape(spec: DatasetSpec): DataShape {
  switch (spec.type) {
    case 'builtin':
      return builtinShape(spec);
    case 'inline':
      return inlineShape(spec);
    case 'file':
      return fileShape(spec);
    default:
      return assertNever(spec, 'data set spec');
  }
}
