/**
 * The data set: which built-in set, how many samples, how much noise, its seed (and classes
 * where they matter), how it is split and scaled, and a preview of it.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { datasetShape, fileName } from '../../src-engine/datasets';
import { BUILTIN_DATASETS, datasetSpecSchema, type DatasetSpec } from '../../src-engine/project';
import { ImportCsvButton } from '../data/ImportCsvButton';
import { appStore, useApp } from '../store/app-store';
import { DatasetPreview } from './DatasetPreview';
import { DataSplitFields } from './DataSplitFields';
import { NumberField, Section, SelectField } from './fields';

type BuiltinSpec = Extract<DatasetSpec, { type: 'builtin' }>;
const builtin = datasetSpecSchema.options[0].shape;

/** Sets read from a file (the notes' rows, iris, digits): samples and noise do not apply. */
const FIXED: readonly string[] = ['iris', 'digits', 'notes_linear', 'notes_221'];

/** Problems "Fit output to data" repairs. */
const OUTPUT_CODES: readonly string[] = ['output-units', 'loss-task', 'loss-activation'];

/** Whether the number of classes changes the data set's shape (else the field is hidden). */
function usesClasses(spec: BuiltinSpec): boolean {
  try {
    return datasetShape({ ...spec, classes: 2 }).classes !== datasetShape({ ...spec, classes: 3 }).classes;
  } catch {
    return false;
  }
}

export function DatasetPanel() {
  const { t } = useTranslation();
  const spec = useApp((s) => s.project.dataset);
  const shape = useApp((s) => s.analysis.shape);
  const outputMismatch = useApp((s) => s.analysis.problems.some((p) => OUTPUT_CODES.includes(p.code)));
  const showClasses = useMemo(() => spec.type === 'builtin' && usesClasses(spec), [spec]);
  const set = (next: DatasetSpec) => appStore.getState().setDataset(next);

  return (
    <Section title={t('dataset.title')}>
      {spec.type === 'builtin' ? (
        <>
          <SelectField
            label={t('dataset.name')}
            value={spec.name}
            options={BUILTIN_DATASETS.map((d) => ({ value: d, label: t(`datasets.${d}`) }))}
            onChange={(name) => set({ ...spec, name })}
          />
          {!FIXED.includes(spec.name) && (
            <div className="field-row">
              <NumberField label={t('dataset.samples')} value={spec.samples} schema={builtin.samples} onCommit={(samples) => set({ ...spec, samples })} />
              <NumberField label={t('dataset.noise')} value={spec.noise} schema={builtin.noise} onCommit={(noise) => set({ ...spec, noise })} />
            </div>
          )}
          {!FIXED.includes(spec.name) && (
            <NumberField label={t('dataset.seed')} value={spec.seed} schema={builtin.seed} onCommit={(seed) => set({ ...spec, seed })} />
          )}
          {showClasses && (
            <NumberField label={t('dataset.classes')} value={spec.classes} schema={builtin.classes} onCommit={(classes) => set({ ...spec, classes })} />
          )}
        </>
      ) : (
        <p className="field-hint">
          {spec.type === 'inline'
            ? t('dataset.inline', { name: spec.name, count: spec.x.length })
            : t('dataset.fileData', { name: spec.name, file: fileName(spec.path), count: spec.rows })}
        </p>
      )}
      <ImportCsvButton />
      {shape && (
        <p className="field-hint">
          {t('dataset.shape', { features: shape.features, targets: shape.targets, task: t(`dataset.${shape.task}`) })}
        </p>
      )}
      {outputMismatch && (
        <button
          type="button"
          className="btn btn-small"
          aria-label="Fit output to data"
          title={t('dataset.fitOutputHint')}
          onClick={() => appStore.getState().fitOutputToData()}
        >
          {t('dataset.fitOutput')}
        </button>
      )}
      <DatasetPreview spec={spec} />
      <Section title={t('dataSplit.title')}>
        <DataSplitFields />
      </Section>
    </Section>
  );
}
