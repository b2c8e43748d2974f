/**
 * Field validation with the project's zod schemas: a typed value is checked against the
 * same schema the file format uses, and a refusal is said in the UI language
 * ("Must be at least 1.") rather than in zod's words.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';

/** Anything with safeParse: a field schema from project.ts. */
export interface FieldSchema {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: z.ZodError };
}

/** Explains the first issue of a failed parse in the UI language. */
export function describeIssue(issue: z.core.$ZodIssue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      return issue.inclusive ? t('validation.min', { min: String(issue.minimum) }) : t('validation.gt', { min: String(issue.minimum) });
    case 'too_big':
      return issue.inclusive ? t('validation.max', { max: String(issue.maximum) }) : t('validation.lt', { max: String(issue.maximum) });
    case 'invalid_type':
      return issue.expected === 'int' ? t('validation.integer') : t('validation.number');
    default:
      return t('validation.other', { message: issue.message });
  }
}

/**
 * Parses the text of a number field. Returns the number, or the reason it is refused.
 * Accepts a decimal comma ("0,5") because some keyboards type one.
 */
export function validateNumberText(text: string, schema: FieldSchema, t: TFunction): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: false, error: t('validation.number') };
  const value = Number(trimmed);
  if (Number.isNaN(value)) return { ok: false, error: t('validation.number') };
  const r = schema.safeParse(value);
  if (!r.success) return { ok: false, error: describeIssue(r.error.issues[0], t) };
  return { ok: true, value: r.data as number };
}
