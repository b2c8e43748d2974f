/**
 * The import dialog's choices once a file has been read: format (delimiter, header), the
 * target column and task, the missing-value rule, and per column its type and whether it
 * is a feature. Every change goes through the pure functions of import-form.ts.
 */
import { useTranslation } from 'react-i18next';
import { CSV_DELIMITERS, type CsvDelimiter } from '../../src-engine/csv';
import type { ColumnInfo, ColumnType } from '../../src-engine/data-import/inspect-csv';
import { withFeature, withTarget, withType, type ImportForm, type Inspection, type MissingRule, type Task } from './import-form';
import { featureControlName, IMPORT_NAMES, typeControlName } from './import-names';

const DELIMITER_KEYS: Record<CsvDelimiter, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe' };
const MISSING_KEYS: Record<MissingRule, string> = { refuse: 'missingRefuse', drop: 'missingDrop', mean: 'missingMean' };

interface Props {
  inspection: Inspection;
  form: ImportForm;
  disabled: boolean;
  onChange(form: ImportForm): void;
  /** Read the file again in another format (the columns may change). */
  onFormat(format: { delimiter: CsvDelimiter; header: boolean }): void;
}

export function ImportOptions({ inspection, form, disabled, onChange, onFormat }: Props) {
  const { t } = useTranslation();
  return (
    <div className="import-options">
      <div className="import-row">
        <label className="import-field">
          <span>{t('importData.delimiter')}</span>
          <select aria-label={IMPORT_NAMES.delimiter} value={form.delimiter} disabled={disabled} onChange={(e) => onFormat({ delimiter: e.target.value as CsvDelimiter, header: form.header })}>
            {CSV_DELIMITERS.map((d) => (
              <option key={d} value={d}>
                {t(`importData.${DELIMITER_KEYS[d]}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="import-check">
          <input type="checkbox" aria-label={IMPORT_NAMES.header} checked={form.header} disabled={disabled} onChange={(e) => onFormat({ delimiter: form.delimiter, header: e.target.checked })} />
          <span>{t('importData.header')}</span>
        </label>
        <span className="import-summary">{t('importData.summary', { rows: inspection.rowCount.toLocaleString(), columns: inspection.columns.length })}</span>
      </div>
      <div className="import-row">
        <label className="import-field">
          <span>{t('importData.target')}</span>
          <select aria-label={IMPORT_NAMES.target} value={form.target} disabled={disabled} onChange={(e) => onChange(withTarget(form, inspection, e.target.value))}>
            {inspection.columns.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="import-field">
          <span>{t('importData.task')}</span>
          <select aria-label={IMPORT_NAMES.task} value={form.task} disabled={disabled} onChange={(e) => onChange(form.task === e.target.value ? form : { ...form, task: e.target.value as Task })}>
            <option value="classification">{t('importData.classification')}</option>
            <option value="regression">{t('importData.regression')}</option>
          </select>
        </label>
        <label className="import-field">
          <span>{t('importData.missing')}</span>
          <select aria-label={IMPORT_NAMES.missing} value={form.missing} disabled={disabled} onChange={(e) => onChange({ ...form, missing: e.target.value as MissingRule })}>
            {(Object.keys(MISSING_KEYS) as MissingRule[]).map((m) => (
              <option key={m} value={m}>
                {t(`importData.${MISSING_KEYS[m]}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="import-table-wrap import-columns-wrap">
        <table className="import-table" aria-label={IMPORT_NAMES.columns}>
          <thead>
            <tr>
              <th scope="col">{t('importData.column')}</th>
              <th scope="col">{t('importData.type')}</th>
              <th scope="col">{t('importData.feature')}</th>
              <th scope="col">{t('importData.details')}</th>
            </tr>
          </thead>
          <tbody>
            {inspection.columns.map((c) => (
              <tr key={c.name} className={c.name === form.target ? 'is-target' : undefined}>
                <th scope="row">{c.name}</th>
                <td>
                  <select aria-label={typeControlName(c.name)} value={form.types[c.name]} disabled={disabled} onChange={(e) => onChange(withType(form, c.name, e.target.value as ColumnType))}>
                    <option value="number">{t('importData.number')}</option>
                    <option value="category">{t('importData.category')}</option>
                  </select>
                </td>
                <td>
                  {c.name === form.target ? (
                    <span className="import-target-mark">{t('importData.isTarget')}</span>
                  ) : (
                    <input
                      type="checkbox"
                      aria-label={featureControlName(c.name)}
                      checked={form.features.includes(c.name)}
                      disabled={disabled}
                      onChange={(e) => onChange(withFeature(form, inspection, c.name, e.target.checked))}
                    />
                  )}
                </td>
                <td className="import-details">{describeColumn(c, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** "3 different · 4.3 … 7.9 · 2 missing" for a column. */
function describeColumn(c: ColumnInfo, t: (key: string, options?: Record<string, unknown>) => string): string {
  const parts = [c.distinctCapped ? t('importData.distinctMany', { count: c.distinct }) : t('importData.distinct', { count: c.distinct })];
  if (c.min !== null && c.max !== null && c.numeric > 0) parts.push(t('importData.range', { min: c.min, max: c.max }));
  else if (c.samples.length > 0) parts.push(c.samples.slice(0, 3).join(', '));
  if (c.missing > 0) parts.push(t('importData.missingCount', { count: c.missing }));
  return parts.join(' · ');
}
