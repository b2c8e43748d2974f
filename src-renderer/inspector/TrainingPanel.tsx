/**
 * Training settings: loss, optimizer with its hyperparameters and weight decay, batching,
 * epochs, learning-rate schedule, gradient clipping, shuffling, seed (which also draws the
 * data split; the shares are in the data set section) and precision. Every field validates
 * as it is typed against the project schema.
 */
import { useTranslation } from 'react-i18next';
import {
  clipSchema,
  LOSSES,
  optimizerSchema,
  scheduleSchema,
  trainingSchema,
  type OptimizerType,
  type TrainingSettings,
} from '../../src-engine/project';
import { hyperparametersSchema } from '../../src-engine/protocol/messages';
import { appStore, useApp } from '../store/app-store';
import { isActivePhase } from '../store/run-slice';
import { CheckboxField, NumberField, Section, SelectField } from './fields';
import { SpecFields } from './SpecFields';
import { optimizerFormula } from '../classroom/optimizer-formula';
import { Tex } from '../classroom/Tex';

const OPTIMIZER_TYPES = optimizerSchema.options.map((o) => o.shape.type.value) as OptimizerType[];
const SCHEDULE_TYPES = scheduleSchema.options.map((o) => o.shape.type.value) as TrainingSettings['schedule']['type'][];
const CLIP_TYPES = clipSchema.options.map((o) => o.shape.type.value) as TrainingSettings['clip']['type'][];
const BATCH_MODES = trainingSchema.shape.batchMode.unwrap().options;
const PRECISIONS = trainingSchema.shape.precision.unwrap().options;
const training = trainingSchema.shape;

export function TrainingPanel() {
  const { t, i18n } = useTranslation();
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
      <SpecFields spec={opt} schema={optimizerSchema} labels="optimizerParams" skip={['lr']} onChange={(optimizer) => update({ optimizer })} />
      {/* The update rule the engine applies (torch.optim's form), with where the notes differ. */}
      <div className="optimizer-formula" role="math" aria-label="Optimizer formula" data-optimizer={opt.type}>
        <Tex tex={optimizerFormula(opt.type, i18n.language)} display />
      </div>
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
      </div>
      <SelectField
        label={t('training.schedule')}
        value={settings.schedule.type}
        options={SCHEDULE_TYPES.map((s) => ({ value: s, label: t(`schedules.${s}`) }))}
        onChange={(type) => update({ schedule: scheduleSchema.parse({ type }) })}
      />
      <SpecFields spec={settings.schedule} schema={scheduleSchema} labels="scheduleParams" onChange={(schedule) => update({ schedule })} />
      <SelectField
        label={t('training.clip')}
        value={settings.clip.type}
        options={CLIP_TYPES.map((c) => ({ value: c, label: t(`clips.${c}`) }))}
        onChange={(type) => update({ clip: clipSchema.parse({ type }) })}
      />
      <SpecFields spec={settings.clip} schema={clipSchema} labels="clipParams" onChange={(clip) => update({ clip })} />
      <div className="field-row">
        <NumberField label={t('training.seed')} value={settings.seed} schema={training.seed} onCommit={(seed) => update({ seed })} />
        <SelectField
          label={t('training.precision')}
          value={settings.precision}
          options={PRECISIONS.map((p) => ({ value: p, label: p }))}
          onChange={(precision) => update({ precision })}
        />
      </div>
      <CheckboxField label={t('training.shuffle')} checked={settings.shuffle} onChange={(shuffle) => update({ shuffle })} />
    </Section>
  );
}
