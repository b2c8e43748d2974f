/**
 * What a successful import does to the app: the file's text is kept for training when the
 * set is file-backed, the project's data set is replaced in one undo step, and a notice
 * says what was imported. Nothing here runs before the import succeeded.
 */
import i18next from 'i18next';
import type { ImportReport } from '../../src-engine/data-import/import-table';
import { fileName } from '../../src-engine/datasets/file';
import type { DatasetSpec } from '../../src-engine/project';
import { appStore } from '../store/app-store';
import { rememberDataText } from './data-texts';

const t = (key: string, options?: Record<string, unknown>): string => i18next.t(key, options);

export interface ImportOutcome {
  spec: DatasetSpec;
  report: ImportReport;
  storage: 'inline' | 'file';
  /** The file's text (needed when `storage` is 'file'). */
  text?: string;
}

/** Rows, inputs and outputs of an imported spec, for the notice. */
function counts(spec: DatasetSpec): { rows: number; inputs: number; outputs: string } {
  if (spec.type === 'builtin') return { rows: spec.samples, inputs: 0, outputs: '' };
  const rows = spec.type === 'inline' ? spec.x.length : spec.rows;
  const outputs =
    spec.task === 'classification'
      ? t('importData.classes', { count: spec.classLabels?.length ?? Math.max(2, spec.targetNames.length) })
      : t('importData.regressionTarget', { name: spec.targetNames[0] ?? '' });
  return { rows, inputs: spec.featureNames.length, outputs };
}

/** The notice after an import: what came in, what was dropped or filled, where it is kept. */
export function importSummary(outcome: ImportOutcome): string {
  const { rows, inputs, outputs } = counts(outcome.spec);
  const parts = [t('importData.imported', { name: outcome.spec.name, rows: rows.toLocaleString(), inputs, outputs })];
  if (outcome.report.rowsDropped > 0) parts.push(t('importData.importedDropped', { count: outcome.report.rowsDropped }));
  if (outcome.report.cellsFilled > 0) parts.push(t('importData.importedFilled', { count: outcome.report.cellsFilled }));
  if (outcome.spec.type === 'file') parts.push(t('importData.importedFile', { file: fileName(outcome.spec.path) }));
  return parts.join(' ');
}

/**
 * Puts an imported data set into the project (one undo step) and tells the user. A
 * file-backed set without its text is refused (the trainer could never read it); returns
 * false then, and the project is unchanged.
 */
export function applyImport(outcome: ImportOutcome): boolean {
  const { spec } = outcome;
  if (spec.type === 'file') {
    if (outcome.text === undefined) return false;
    rememberDataText(spec.sha256, outcome.text);
  }
  const store = appStore.getState();
  store.setDataset(spec, 'record');
  store.notify({ level: 'info', code: 'data-imported', message: importSummary(outcome), nodeId: null });
  return true;
}
