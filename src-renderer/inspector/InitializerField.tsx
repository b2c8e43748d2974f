/** Initializer choice (weights or biases) with the parameters of the chosen type. */
import { useTranslation } from 'react-i18next';
import { initializerSchema, type InitializerSpec, type InitializerType } from '../../src-engine/project';
import { NumberField, SelectField } from './fields';
import type { FieldSchema } from './validate-field';

const TYPES = initializerSchema.options.map((o) => o.shape.type.value) as InitializerType[];

/** Validates one parameter of the initializer by parsing the whole candidate initializer. */
function paramSchema(spec: InitializerSpec, key: string): FieldSchema {
  return {
    safeParse(value: unknown) {
      const r = initializerSchema.safeParse({ ...spec, [key]: value });
      return r.success ? { success: true, data: value } : { success: false, error: r.error };
    },
  };
}

interface Props {
  label: string;
  value: InitializerSpec;
  onChange(value: InitializerSpec): void;
}

export function InitializerField({ label, value, onChange }: Props) {
  const { t } = useTranslation();
  // Types that need values the user has not given (manual) are offered only when loaded.
  const types = TYPES.filter((type) => type !== 'manual' || value.type === 'manual');
  const set = (key: string, n: number) => onChange({ ...value, [key]: n } as InitializerSpec);
  return (
    <>
      <SelectField
        label={label}
        value={value.type}
        options={types.map((type) => ({ value: type, label: t(`initializers.${type}`) }))}
        onChange={(type) => onChange(initializerSchema.parse({ type }))}
      />
      {value.type === 'random_normal' && (
        <div className="field-row">
          <NumberField label={t('inspector.mean')} value={value.mean} schema={paramSchema(value, 'mean')} onCommit={(n) => set('mean', n)} />
          <NumberField label={t('inspector.std')} value={value.std} schema={paramSchema(value, 'std')} onCommit={(n) => set('std', n)} />
        </div>
      )}
      {value.type === 'random_uniform' && (
        <div className="field-row">
          <NumberField label={t('inspector.min')} value={value.min} schema={paramSchema(value, 'min')} onCommit={(n) => set('min', n)} />
          <NumberField label={t('inspector.max')} value={value.max} schema={paramSchema(value, 'max')} onCommit={(n) => set('max', n)} />
        </div>
      )}
      {value.type === 'constant' && (
        <NumberField label={t('inspector.value')} value={value.value} schema={paramSchema(value, 'value')} onCommit={(n) => set('value', n)} />
      )}
      {value.type === 'manual' && <p className="field-hint">{t('inspector.manualValues', { count: value.values.length })}</p>}
    </>
  );
}
