/**
 * The data set section's entry to the CSV import ("Import CSV…"), and, for a file-backed
 * data set whose file has not been read in this session, what is missing and a button to
 * locate the file again.
 */
import { useTranslation } from 'react-i18next';
import { fileName } from '../../src-engine/datasets/file';
import { useApp } from '../store/app-store';
import { IMPORT_NAMES } from './import-names';
import { requestImport } from './import-request';
import { locateDataFile } from './project-data';
import { useHasDataText } from './use-has-data-text';
import './import.css';

export function ImportCsvButton() {
  const { t } = useTranslation();
  const spec = useApp((s) => s.project.dataset);
  const hasText = useHasDataText(spec);
  return (
    <div className="import-entry">
      {spec.type === 'file' && !hasText && (
        <>
          <p className="field-hint" role="status">
            {t('importData.locateHint', { file: fileName(spec.path) })}
          </p>
          <button type="button" className="btn" aria-label={IMPORT_NAMES.locate} onClick={() => void locateDataFile()}>
            {t('importData.locate')}
          </button>
        </>
      )}
      <button type="button" className="btn" aria-label={IMPORT_NAMES.openButton} onClick={() => requestImport()}>
        {t('importData.button')}
      </button>
    </div>
  );
}
