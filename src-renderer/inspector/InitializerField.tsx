/**
 * Initializer choice (weights or biases) with the parameters of the chosen type; "Manual
 * values" offers a grid of the layer's exact shape (starting from zeros) once the layer's
 * input width is known.
 */
import { useTranslation } from 'react-i18next';
import { initializerSchema, type InitializerSpec, type InitializerType } from '../../src-engine/project';
import { NumberField, SelectField } from './fields';
import { ManualValuesField } from './ManualValuesField';
import { specField } from './SpecFields';

const TYPES = initializerSchema.options.map((o) => o.shape.type.value) as InitializerType[];

interface Props {
  label: string;
  value: InitializerSpec;
  /** The tensor's shape (kernel: inputs × units; bias: 1 × units); null while unknown. */
  shape: { rows: number; cols: number } | null;
  onChange(value: InitializerSpec): void;
}

export function InitializerField({ label, value, shape, onChange }: Props) {
  const { t } = useTranslation();
  // Manual values need the shape; offered when it is known (or kept when loaded).
  const types = TYPES.filter((type) => type !== 'manual' || shape !== null || value.type === 'manual');
  const set = (key: string, n: number) => onChange({ ...value, [key]: n } as InitializerSpec);
  const param = (key: string) => specField(initializerSchema, value, key);
  return (
    <>
      <SelectField
        label={label}
        value={value.type}
        options={types.map((type) => ({ value: type, label: t(`initializers.${type}`, { defaultValue: type }) }))}
        onChange={(type) =>
          onChange(type === 'manual' ? { type: 'manual', values: new Array<number>(shape ? shape.rows * shape.cols : 0).fill(0) } : initializerSchema.parse({ type }))
        }
      />
      {value.type === 'random_normal' && (
        <div className="field-row">
          <NumberField label={t('inspector.mean')} value={value.mean} schema={param('mean')} onCommit={(n) => set('mean', n)} />
          <NumberField label={t('inspector.std')} value={value.std} schema={param('std')} onCommit={(n) => set('std', n)} />
        </div>
      )}
      {value.type === 'random_uniform' && (
        <div className="field-row">
          <NumberField label={t('inspector.min')} value={value.min} schema={param('min')} onCommit={(n) => set('min', n)} />
          <NumberField label={t('inspector.max')} value={value.max} schema={param('max')} onCommit={(n) => set('max', n)} />
        </div>
      )}
      {value.type === 'constant' && <NumberField label={t('inspector.value')} value={value.value} schema={param('value')} onCommit={(n) => set('value', n)} />}
      {value.type === 'manual' &&
        (shape ? (
          <ManualValuesField label={label} values={value.values} rows={shape.rows} cols={shape.cols} onChange={(values) => onChange({ type: 'manual', values })} />
        ) : (
          <p className="field-hint">{t('inspector.manualValues', { count: value.values.length })}</p>
        ))}
    </>
  );
}
