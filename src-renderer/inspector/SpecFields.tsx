/**
 * The parameters of one variant of a discriminated union (an optimizer, a learning-rate
 * schedule, a clipping rule), rendered generically: a number field per number and a checkbox
 * per boolean, validated by parsing the whole candidate with the union's schema. A parameter
 * the engine adds later appears without UI changes (labelled by its key until translated).
 */
import { useTranslation } from 'react-i18next';
import { CheckboxField, NumberField } from './fields';
import type { FieldSchema } from './validate-field';

/** Anything with safeParse over the whole spec (a zod union from project.ts). */
interface SpecSchema {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: import('zod').ZodError };
}

/** Validates one field of `spec` by parsing the whole candidate with `schema`. */
export function specField(schema: SpecSchema, spec: object, key: string): FieldSchema {
  return {
    safeParse(value: unknown) {
      const r = schema.safeParse({ ...spec, [key]: value });
      return r.success ? { success: true, data: value } : { success: false, error: r.error };
    },
  };
}

interface Props<T extends { type: string }> {
  spec: T;
  schema: SpecSchema;
  /** i18n key prefix of the labels, e.g. 'optimizerParams'. */
  labels: string;
  /** Keys shown elsewhere (the learning rate has its own field). */
  skip?: readonly string[];
  onChange(next: T): void;
}

export function SpecFields<T extends { type: string }>({ spec, schema, labels, skip = [], onChange }: Props<T>) {
  const { t } = useTranslation();
  const entries: [string, unknown][] = Object.entries(spec).filter(([k]) => k !== 'type' && !skip.includes(k));
  const numbers = entries.filter(([, v]) => typeof v === 'number') as [string, number][];
  const booleans = entries.filter(([, v]) => typeof v === 'boolean') as [string, boolean][];
  const label = (key: string) => t(`${labels}.${key}`, { defaultValue: key });
  return (
    <>
      {numbers.length > 0 && (
        <div className="field-grid">
          {numbers.map(([key, value]) => (
            <NumberField key={key} label={label(key)} value={value} schema={specField(schema, spec, key)} onCommit={(n) => onChange({ ...spec, [key]: n })} />
          ))}
        </div>
      )}
      {booleans.map(([key, value]) => (
        <CheckboxField key={key} label={label(key)} checked={value} onChange={(b) => onChange({ ...spec, [key]: b })} />
      ))}
    </>
  );
}
