/** Training settings: loss, optimizer and learning rate, batching, epochs, seed, validation split. */
import { useTranslation } from 'react-i18next';
import { LOSSES, optimizerSchema, trainingSchema, type OptimizerSpec, type OptimizerType } from '../../src-engine/project';
import { hyperparametersSchema } from '../../src-engine/protocol/messages';
import { appStore, useApp } from '../store/app-store';
import { isActivePhase } from '../store/run-slice';
import { NumberField, Section, SelectField } from './fields';
import type { FieldSchema } from './validate-field';

const OPTIMIZER_TYPES = optimizerSchema.options.map((o) => o.shape.type.value) as OptimizerType[];
const BATCH_MODES = trainingSchema.shape.batchMode.unwrap().options;
const training = trainingSchema.shape;

/** Validates a field of the optimizer by parsing the whole candidate optimizer. */
function optimizerField(spec: OptimizerSpec, key: string): FieldSchema {
  return {
    safeParse(value: unknown) {
      const r = optimizerSchema.safeParse({ ...spec, [key]: value });
      return r.success ? { success: true, data: value } : { success: false, error: r.error };
    },
  };
}

export function TrainingPanel() {
  const { t } = useTranslation();
  const settings = useApp((s) => s.project.training);
  const running = useApp((s) => isActivePhase(s.run.state));
  const update = appStore.getState().updateTraining;
  const opt = settings.optimizer;

  return (
    <Section title={t('training.title')}>
      <SelectField
        label={t('training.loss')}
        value={settings.loss}
        options={LOSSES.map((l) => ({ value: l, label: t(`losses.${l}`) }))}
        onChange={(loss) => update({ loss })}
      />
      {settings.loss === 'huber' && (
        <NumberField label={t('training.huberDelta')} value={settings.huberDelta} schema={training.huberDelta} onCommit={(huberDelta) => update({ huberDelta })} />
      )}
      <div className="field-row">
        <SelectField
          label={t('training.optimizer')}
          value={opt.type}
          options={OPTIMIZER_TYPES.map((o) => ({ value: o, label: t(`optimizers.${o}`) }))}
          // Keep the learning rate the user chose; other settings take the optimizer's defaults.
          onChange={(type) => update({ optimizer: optimizerSchema.parse({ type, lr: opt.lr }) })}
        />
        <NumberField
          label={t('training.learningRate')}
          value={opt.lr}
          schema={hyperparametersSchema.shape.lr}
          onCommit={(lr) => update({ optimizer: { ...opt, lr } })}
          hint={running ? t('training.liveLr') : undefined}
        />
      </div>
      {opt.type === 'sgd' && (
        <NumberField
          label={t('training.momentum')}
          value={opt.momentum}
          schema={optimizerField(opt, 'momentum')}
          onCommit={(momentum) => update({ optimizer: { ...opt, momentum } })}
        />
      )}
      <div className="field-row">
        <SelectField
          label={t('training.batchMode')}
          value={settings.batchMode}
          options={BATCH_MODES.map((m) => ({ value: m, label: t(`batchModes.${m}`) }))}
          onChange={(batchMode) => update({ batchMode })}
        />
        {settings.batchMode === 'minibatch' && (
          <NumberField label={t('training.batchSize')} value={settings.batchSize} schema={training.batchSize} onCommit={(batchSize) => update({ batchSize })} />
        )}
      </div>
      <div className="field-row">
        <NumberField label={t('training.epochs')} value={settings.epochs} schema={training.epochs} onCommit={(epochs) => update({ epochs })} />
        <NumberField label={t('training.seed')} value={settings.seed} schema={training.seed} onCommit={(seed) => update({ seed })} />
      </div>
      <NumberField
        label={t('training.validationSplit')}
        value={settings.validationSplit}
        schema={training.validationSplit}
        onCommit={(validationSplit) => update({ validationSplit })}
      />
    </Section>
  );
}
