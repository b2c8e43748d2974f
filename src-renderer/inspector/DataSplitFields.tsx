/**
 * How the data is split and scaled for training: validation and test shares (validated with
 * the project schema like every inspector field), the input scaling, and a line with the
 * resulting sample counts. The split is drawn from the training seed (see
 * `prepareTrainingData`), so its field in the training section decides it too.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { splitCounts } from '../../src-engine/data-split';
import { datasetShape } from '../../src-engine/datasets';
import { NORMALIZATIONS, trainingSchema } from '../../src-engine/project';
import { appStore, useApp } from '../store/app-store';
import { NumberField, SelectField } from './fields';
import { sampleCount } from './preview-model';

const training = trainingSchema.shape;

export function DataSplitFields() {
  const { t } = useTranslation();
  const spec = useApp((s) => s.project.dataset);
  const settings = useApp((s) => s.project.training);
  const update = appStore.getState().updateTraining;
  const n = useMemo(() => sampleCount(spec), [spec]);
  const stratified = useMemo(() => {
    try {
      return datasetShape(spec).task === 'classification';
    } catch {
      return false;
    }
  }, [spec]);
  const counts = n === null ? null : splitCounts(n, settings.validationSplit, settings.testSplit);

  return (
    <>
      <div className="field-row">
        <NumberField
          label={t('dataSplit.validation')}
          value={settings.validationSplit}
          schema={training.validationSplit}
          onCommit={(validationSplit) => update({ validationSplit })}
        />
        <NumberField label={t('dataSplit.test')} value={settings.testSplit} schema={training.testSplit} onCommit={(testSplit) => update({ testSplit })} />
      </div>
      {counts && (
        <p className="field-hint" data-testid="split-counts">
          {t('dataSplit.counts', { ...counts, seed: settings.seed, stratified: stratified ? t('dataSplit.stratified') : '' })}
        </p>
      )}
      <SelectField
        label={t('dataSplit.normalization')}
        value={settings.normalization.type}
        options={NORMALIZATIONS.map((type) => ({ value: type, label: t(`normalizations.${type}`) }))}
        onChange={(type) => update({ normalization: { type } })}
        hint={t('dataSplit.normalizationHint')}
      />
    </>
  );
}
