/**
 * Form fields of the inspector. A number field keeps the text as typed, validates it on
 * every change and commits only valid values; an invalid value stays visible with the
 * reason, and the store keeps the last valid one.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { validateNumberText, type FieldSchema } from './validate-field';

interface FieldFrameProps {
  id: string;
  label: string;
  error?: string | null;
  hint?: ReactNode;
  children: ReactNode;
}

function FieldFrame({ id, label, error, hint, children }: FieldFrameProps) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      {hint && !error && <p className="field-hint">{hint}</p>}
    </div>
  );
}

interface NumberFieldProps {
  label: string;
  value: number;
  schema: FieldSchema;
  onCommit(value: number): void;
  hint?: ReactNode;
  disabled?: boolean;
}

export function NumberField({ label, value, schema, onCommit, hint, disabled }: NumberFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);

  // Follow outside changes (undo, another node selected) unless the text already says so.
  useEffect(() => {
    setText((current) => (Number(current.replace(',', '.')) === value ? current : String(value)));
    setError(null);
  }, [value]);

  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const r = validateNumberText(e.target.value, schema, t);
          setError(r.ok ? null : r.error);
          if (r.ok && r.value !== value) onCommit(r.value);
        }}
        onBlur={() => {
          // Leaving an invalid field shows the stored value again; the reason stays until then.
          if (error) {
            setText(String(value));
            setError(null);
          }
        }}
      />
    </FieldFrame>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  maxLength: number;
  onCommit(value: string): void;
}

export function TextField({ label, value, maxLength, onCommit }: TextFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label}>
      <input id={id} type="text" value={value} maxLength={maxLength} onChange={(e) => onCommit(e.target.value)} />
    </FieldFrame>
  );
}

export interface Option<T extends string> {
  value: T;
  label: string;
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly Option<T>[];
  onChange(value: T): void;
  hint?: ReactNode;
}

export function SelectField<T extends string>({ label, value, options, onChange, hint }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

export function CheckboxField({ label, checked, onChange }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A titled group of fields. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="inspector-section">
      <h3 className="section-title">{title}</h3>
      {children}
    </section>
  );
}
