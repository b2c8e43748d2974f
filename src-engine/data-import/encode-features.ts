/**
 * Rebuilds a model's input columns from a CSV of raw data, for predictions on new rows. A
 * model's input names are the columns it was trained on: a number column keeps its name
 * (`petal_length`); a category column was one-hot encoded by the importer as one input per
 * category, named `column=category` (`color=red`, `color=blue`). So each input is, in order:
 * - the CSV column with exactly its name, read as a number, or
 * - when there is no such column and the name is `column=category` with `column` in the CSV:
 *   1 where that column's cell is `category`, else 0.
 * A category the model never saw sets all of its column's inputs to 0 (as scikit-learn's
 * `handle_unknown='ignore'`); those cells are counted so the caller can warn.
 */
import { isMissingCell, parseNumberCell, quoteCell } from './cells';

/** How one model input is read from the CSV. */
export type InputSource = { kind: 'number'; column: number } | { kind: 'category'; column: number; category: string };

export type EncodeResult =
  | {
      ok: true;
      /** Row-major [rows][inputs]. */
      values: Float64Array;
      sources: InputSource[];
      /** Category cells that matched none of the model's categories for their column, per column name. */
      unseen: Map<string, number>;
    }
  | { ok: false; error: string };

/** Where each of `inputNames` comes from in `header`, or a message naming the first input that has no source. */
export function planInputs(header: readonly string[], inputNames: readonly string[]): { ok: true; sources: InputSource[] } | { ok: false; error: string } {
  const sources: InputSource[] = [];
  for (const name of inputNames) {
    const exact = header.indexOf(name);
    if (exact >= 0) {
      sources.push({ kind: 'number', column: exact });
      continue;
    }
    const eq = name.indexOf('=');
    const column = eq > 0 ? header.indexOf(name.slice(0, eq)) : -1;
    if (column < 0) {
      const shown = header.slice(0, 12).join(', ') + (header.length > 12 ? ', …' : '');
      return { ok: false, error: `The model's input ${name} has no column in the file (the file has: ${shown}).` };
    }
    sources.push({ kind: 'category', column, category: name.slice(eq + 1) });
  }
  return { ok: true, sources };
}

/**
 * Reads `rows` (cells by `header` position) into the model's inputs named `inputNames`. Fails
 * on the first missing or non-number cell with its spreadsheet row (header = row 1) and
 * column. Allocates the [rows][inputs] array.
 */
export function encodeFeatures(header: readonly string[], rows: readonly (readonly string[])[], inputNames: readonly string[], decimalComma = false): EncodeResult {
  const plan = planInputs(header, inputNames);
  return plan.ok ? encodeFromSources(header, rows, plan.sources, decimalComma) : plan;
}

/** As `encodeFeatures`, with the source of each input given (e.g. columns taken by position). */
export function encodeFromSources(header: readonly string[], rows: readonly (readonly string[])[], sources: readonly InputSource[], decimalComma = false): EncodeResult {
  const known = new Map<number, Set<string>>();
  for (const s of sources) if (s.kind === 'category') (known.get(s.column) ?? known.set(s.column, new Set()).get(s.column)!).add(s.category);
  const width = sources.length;
  const values = new Float64Array(rows.length * width);
  const unseen = new Map<string, number>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const at = (column: number) => (row[column] ?? '').trim();
    for (let j = 0; j < width; j++) {
      const s = sources[j];
      const cell = at(s.column);
      if (isMissingCell(cell)) return { ok: false, error: `row ${r + 2}, column ${header[s.column]}: the cell is empty; the model needs a value.` };
      if (s.kind === 'number') {
        const v = parseNumberCell(cell, decimalComma);
        if (Number.isNaN(v)) return { ok: false, error: `row ${r + 2}, column ${header[s.column]}: ${quoteCell(cell)} is not a number.` };
        values[r * width + j] = v;
      } else {
        values[r * width + j] = cell === s.category ? 1 : 0;
      }
    }
    for (const [column, categories] of known) {
      if (!categories.has(at(column))) unseen.set(header[column], (unseen.get(header[column]) ?? 0) + 1);
    }
  }
  return { ok: true, values, sources: [...sources], unseen };
}
