/**
 * Manual initial values: a grid to type W[in][out] (or b[out]) value by value, and a text box
 * to paste a whole matrix (rows on lines, values separated by spaces, tabs, commas or
 * semicolons: a spreadsheet copy pastes as is). Pasting several values into one cell fills
 * the grid from that cell on. Every value must be a finite number, and the count must match.
 */
import { useEffect, useId, useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Largest grid drawn cell by cell; bigger matrices are edited as text. */
export const MAX_GRID_CELLS = 256;

/** Parses pasted text into numbers; the error names the first bad token. */
export function parseValues(text: string): { ok: true; values: number[] } | { ok: false; bad: string } {
  const tokens = text.split(/[\s,;]+/).filter((s) => s !== '');
  const values: number[] = [];
  for (const token of tokens) {
    const v = Number(token);
    if (!Number.isFinite(v)) return { ok: false, bad: token };
    values.push(v);
  }
  return { ok: true, values };
}

/** Values as text, one row per line, tab-separated (pastes back into a spreadsheet). */
export function formatValues(values: readonly number[], cols: number): string {
  const rows: string[] = [];
  for (let i = 0; i < values.length; i += cols) rows.push(values.slice(i, i + cols).join('\t'));
  return rows.join('\n');
}

interface Props {
  label: string;
  values: readonly number[];
  rows: number;
  cols: number;
  onChange(values: number[]): void;
}

export function ManualValuesField({ label, values, rows, cols, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const count = rows * cols;
  const [text, setText] = useState(() => formatValues(values, cols));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(formatValues(values, cols)), [values, cols]);

  const commitText = (next: string) => {
    setText(next);
    const r = parseValues(next);
    if (!r.ok) setError(t('manual.notNumber', { value: r.bad.slice(0, 20) }));
    else if (r.values.length !== count) setError(t('manual.count', { count, rows, cols, got: r.values.length }));
    else {
      setError(null);
      onChange(r.values);
    }
  };

  const setCell = (index: number, raw: string) => {
    const v = Number(raw.replace(',', '.'));
    if (raw.trim() === '' || !Number.isFinite(v)) return;
    const next = [...values];
    next[index] = v;
    onChange(next);
  };

  const pasteIntoCell = (index: number, e: ClipboardEvent<HTMLInputElement>) => {
    const r = parseValues(e.clipboardData.getData('text/plain'));
    if (!r.ok || r.values.length < 2) return; // one value: the input takes it as typed
    e.preventDefault();
    const next = [...values];
    r.values.slice(0, count - index).forEach((v, k) => (next[index + k] = v));
    onChange(next);
  };

  return (
    <div className="manual-values">
      <p className="field-hint">{rows === 1 ? t('manual.shapeBias', { count: cols }) : t('manual.shape', { rows, cols })}</p>
      {count <= MAX_GRID_CELLS && values.length === count && (
        <div className="manual-grid" role="grid" aria-label={label} style={{ gridTemplateColumns: `repeat(${cols}, minmax(44px, 1fr))` }}>
          {Array.from({ length: rows }, (_, r) => (
            <div role="row" key={r} className="manual-row">
              {Array.from({ length: cols }, (_, c) => {
                const i = r * cols + c;
                return (
                  <div role="gridcell" key={c}>
                    <Cell label={t('manual.cell', { label, row: r + 1, col: c + 1 })} value={values[i]} onCommit={(raw) => setCell(i, raw)} onPaste={(e) => pasteIntoCell(i, e)} />
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      )}
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor={id}>{t('manual.paste', { label })}</label>
        <textarea
          id={id}
          className="manual-text"
          rows={Math.min(6, Math.max(2, rows))}
          spellCheck={false}
          wrap="off"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => commitText(e.target.value)}
        />
        {error && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

/** A value shortened for a narrow cell; the full value shows while the cell has focus. */
export function formatCell(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e5) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(1) : String(Number(v.toPrecision(3)));
}

/** One grid cell: keeps the typed text while focused, commits parsable numbers. */
function Cell({ label, value, onCommit, onPaste }: { label: string; value: number; onCommit(raw: string): void; onPaste(e: ClipboardEvent<HTMLInputElement>): void }) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? formatCell(value);
  const invalid = text !== null && (text.trim() === '' || !Number.isFinite(Number(text.replace(',', '.'))));
  return (
    <input
      className={`manual-cell${invalid ? ' is-invalid' : ''}`}
      aria-label={label}
      aria-invalid={invalid || undefined}
      title={String(value)}
      inputMode="decimal"
      value={shown}
      onFocus={() => setText(String(value))}
      onChange={(e) => {
        setText(e.target.value);
        onCommit(e.target.value);
      }}
      onBlur={() => setText(null)}
      onPaste={onPaste}
    />
  );
}
