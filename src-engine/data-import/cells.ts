/** How the importer reads one cell: numbers, missing-value markers and category order. */

/**
 * Cells that mean "no value" (after trimming), case as written: empty, pandas' usual markers
 * and '?' (used by the UCI repository).
 */
export const MISSING_MARKERS: ReadonlySet<string> = new Set(['', 'NA', 'N/A', 'n/a', 'NaN', 'nan', 'null', 'NULL', 'None', '#N/A', '<NA>', '?']);

/** Longest marker in `MISSING_MARKERS` (a cheap test before the set lookup). */
const LONGEST_MARKER = 4;

/** Whether a trimmed cell is a missing value. */
export function isMissingCell(trimmed: string): boolean {
  if (trimmed.length === 0) return true;
  if (trimmed.length > LONGEST_MARKER) return false;
  // No marker starts with a digit, a sign or a point: skip the set lookup for numbers.
  const c = trimmed.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) return false;
  return MISSING_MARKERS.has(trimmed);
}

/**
 * Whether cells of a file with this delimiter may hold decimal commas ("3,5"): yes unless
 * the delimiter is a comma. European spreadsheets write decimal commas and then export
 * with ';' (or a tab), so a comma in such a cell can only be the decimal separator.
 */
export function decimalCommaFor(delimiter: string): boolean {
  return delimiter !== ',';
}

/** A decimal written with a comma: optional sign, digits around one comma, optional exponent. */
const DECIMAL_COMMA = /^[+-]?(?:\d+,\d*|,\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The finite number a trimmed cell holds, or NaN when it is not a plain decimal (optional
 * sign, digits with an optional point, optional exponent) or overflows. Not numbers: hex,
 * binary and octal literals (0x10), Infinity and thousands separators (1,234). With
 * `decimalComma` (see `decimalCommaFor`) a cell written with a decimal comma instead of the
 * point ("3,5", "-0,25", "1,5e3") is read too; without it, "1,5" is not a number. `Number`
 * does the work (it is exact and fast); only the non-decimal literals it also accepts are
 * turned away here.
 */
export function parseNumberCell(trimmed: string, decimalComma = false): number {
  const n = trimmed.length;
  if (n === 0) return NaN;
  if (decimalComma && trimmed.includes(',') && DECIMAL_COMMA.test(trimmed)) return parseNumberCell(trimmed.replace(',', '.'));
  // Starts with a digit, sign or point and ends with a digit or point: this keeps out the
  // whitespace, Infinity and '' that Number would also read.
  const first = trimmed.charCodeAt(0);
  const last = trimmed.charCodeAt(n - 1);
  if (!((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46)) return NaN;
  if (!((last >= 48 && last <= 57) || last === 46)) return NaN;
  const v = Number(trimmed);
  if (!Number.isFinite(v)) return NaN;
  // '0x10', '0b1', '0o7' (Number refuses them with a sign, so index 1 is enough).
  if (n > 2 && first === 48) {
    const c = trimmed.charCodeAt(1) | 0x20; // lower case
    if (c === 120 || c === 98 || c === 111) return NaN; // x, b, o
  }
  return v;
}

/** Longest cell text an error message quotes. */
const QUOTE_CHARS = 40;

/** A cell's text for an error message, shortened with … past 40 characters. */
export function shortCell(text: string): string {
  return text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text;
}

/** A cell for an error message: `'abc'`, shortened with … past 40 characters. */
export function quoteCell(text: string): string {
  return `'${shortCell(text)}'`;
}

/**
 * Category labels in a stable order: ascending by value when every label is a number,
 * otherwise by UTF-16 code units (locale-independent, so every machine agrees).
 */
export function sortCategories(labels: readonly string[]): string[] {
  const numbers = labels.map((label) => parseNumberCell(label));
  const order = labels.map((_, i) => i);
  if (numbers.every((v) => !Number.isNaN(v))) order.sort((a, b) => numbers[a] - numbers[b] || (labels[a] < labels[b] ? -1 : 1));
  else order.sort((a, b) => (labels[a] < labels[b] ? -1 : labels[a] > labels[b] ? 1 : 0));
  return order.map((i) => labels[i]);
}

/** Shortens `text` to at most `max` UTF-16 units (schema limits on names). */
export function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}
