/**
 * The importer's frequent errors, one English template per situation (as the compiler's in
 * compile-messages.ts). A failure carries its template `key` and the `params` that filled
 * it, so the import dialog can say it in the UI's language (the renderer has a sentence for
 * every key; a test checks that none is missing). Rare errors (bad options, an API caller's
 * table, the CSV reader's unclosed quote) have no key and stay in English.
 */
import type { MessageParams } from '../run-messages';

const s = (n: number | string, one: string, many = `${one}s`) => `${n} ${Number(n) === 1 ? one : many}`;
const count = (n: number | string) => Number(n).toLocaleString('en-US');

/** English text for each import error key, from its params. `cell` is the cell's text, shortened. */
export const IMPORT_MESSAGES = {
  'not-a-number': (p: MessageParams) => `row ${p.row}, column ${p.column}: '${p.cell}' is not a number.`,
  'target-missing': (p: MessageParams) => `row ${p.row}, column ${p.column}: the value to predict is missing. Fill it in, or choose to drop such rows.`,
  'value-missing': (p: MessageParams) => `row ${p.row}, column ${p.column}: the value is missing. Fill it in, or choose to drop such rows or fill them with the mean.`,
  /** `against`: 'header' or 'first-row'; `delimiter`: the character, or 'tab'. */
  'field-count': (p: MessageParams) =>
    `row ${p.row}: ${s(p.fields, 'field')}, but the ${p.against === 'header' ? 'header has' : 'first row has'} ${p.width}. Check for a missing delimiter or an unquoted "${p.delimiter}" in a value.`,
  'too-many-rows': (p: MessageParams) => `The file has more than ${count(p.max)} data rows, the most LayerLab trains on. Use a sample of it.`,
  'too-many-categories': (p: MessageParams) =>
    `Column ${p.column} has ${p.count} different values; one-hot encoding would make an input for each (at most ${p.max}). Leave it out of the features, or mark it as a number if it is one.`,
  'too-many-inputs': (p: MessageParams) => `The chosen features make ${p.count} inputs after one-hot encoding; LayerLab takes at most ${p.max}. Leave out some category columns.`,
  'single-class': (p: MessageParams) => `Column ${p.column} holds a single class ('${p.cell}'); classification needs at least two. Choose another target column.`,
  'too-many-classes': (p: MessageParams) => `Column ${p.column} has ${p.count} different values, too many classes (at most ${p.max}). If it is a measurement, choose regression.`,
  'target-is-category': (p: MessageParams) => `Column ${p.column} is marked as a category, but regression predicts a number. Mark it as a number or choose classification.`,
  'column-empty': (p: MessageParams) => `Column ${p.column} has no values in the rows kept. Leave it out of the features.`,
  'no-rows': () => 'The file has no data rows below the header.',
  'all-rows-dropped': () => 'Every row has a missing value, so dropping them leaves no data. Choose to fill with the mean instead.',
  'empty-file': () => 'The file is empty.',
  'not-utf8': (p: MessageParams) => `The file is not UTF-8 text (byte ${count(p.byte)} is not valid UTF-8). Save it as UTF-8 (in Excel: "CSV UTF-8") and import it again.`,
} satisfies Record<string, (p: MessageParams) => string>;

export type ImportMessageKey = keyof typeof IMPORT_MESSAGES;

/** A failed import step: the English `error`, and for a frequent one its template `key` and `params`. */
export interface ImportFailure {
  ok: false;
  error: string;
  key?: ImportMessageKey;
  params?: MessageParams;
}

/** The failure of template `key` filled with `params`. */
export function importFailure(key: ImportMessageKey, params: MessageParams = {}): ImportFailure {
  return { ok: false, error: IMPORT_MESSAGES[key](params), key, params };
}
