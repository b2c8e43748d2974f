/** The first rows of the file as read, in a table. Cells are text (React escapes them), never HTML. */
import { useTranslation } from 'react-i18next';
import type { Inspection } from './import-form';
import { IMPORT_NAMES } from './import-names';

/** Rows shown in the preview. */
const PREVIEW_ROWS = 10;

export function ImportPreview({ inspection, target }: { inspection: Inspection; target: string }) {
  const { t } = useTranslation();
  const rows = inspection.preview.slice(0, PREVIEW_ROWS);
  const targetIndex = inspection.columns.findIndex((c) => c.name === target);
  return (
    <figure className="import-preview">
      <figcaption>{t('importData.preview', { count: rows.length })}</figcaption>
      <div className="import-table-wrap">
        <table className="import-table" aria-label={IMPORT_NAMES.preview}>
          <thead>
            <tr>
              {inspection.columns.map((c) => (
                <th key={c.index} scope="col" className={c.index === targetIndex ? 'is-target' : undefined}>
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {inspection.columns.map((c) => (
                  <td key={c.index} className={c.index === targetIndex ? 'is-target' : undefined}>
                    {row[c.index] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
