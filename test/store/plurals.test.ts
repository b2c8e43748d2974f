/** English counts agree with their noun: "1 feature", "2 features" (i18next picks key_one for 1). */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src-renderer/i18n/en';
import { ko } from '../../src-renderer/i18n/ko';

beforeAll(async () => {
  await i18next.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', fallbackLng: 'en', initAsync: false, showSupportNotice: false });
});

/** Every [path, text] of a nested string table. */
function entries(table: object, prefix = ''): [string, string][] {
  return Object.entries(table).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : entries(v as object, `${prefix}${k}.`)));
}

/** Strings whose count is never 1, and why. */
const NEVER_ONE = new Set([
  'inspector.several', // shown for two or more selected items
  'importData.classes', // a classification target has at least two classes
  'datasetPreview.scatterClasses', // a data set has at least two samples (the schema's minimum)
  'datasetPreview.scatterValues',
  'datasetPreview.curve',
  'datasetPreview.images',
  'datasetPreview.table',
  'importData.preview', // "first N rows" of a file: N is the rows shown, at least 2 in a valid import
  'gradcheck.passed', // "All N gradients agree": every network has more than one parameter
]);

describe('English plurals', () => {
  it('gives every "{{count}} <nouns>" string a singular form', () => {
    const all = new Map(entries(en));
    const missing = [...all]
      .filter(([key, text]) => !key.endsWith('_one') && !NEVER_ONE.has(key) && /\{\{count\}\} [a-z]+s\b/.test(text) && !all.has(`${key}_one`))
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });

  it('says "1 feature" and "2 features"', () => {
    expect(i18next.t('node.features', { count: 1 })).toBe('1 feature');
    expect(i18next.t('node.features', { count: 2 })).toBe('2 features');
    expect(i18next.t('confusionView.samples', { count: 1 })).toBe('1 sample');
    expect(i18next.t('node.features', { count: 1, lng: 'ko' })).toBe('특성 1개');
  });
});
