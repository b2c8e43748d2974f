import { describe, expect, it } from 'vitest';
import { en } from '../../src-renderer/i18n/en';
import { ko } from '../../src-renderer/i18n/ko';

// Vite (and so vitest) reads the renderer's sources as text; no Node APIs in this web-typed test.
const SOURCES = import.meta.glob<string>('../../src-renderer/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });

function lookup(table: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), table);
}

describe('UI strings', () => {
  it('has every literal t() key in English and Korean', () => {
    const missing: string[] = [];
    expect(Object.keys(SOURCES).length).toBeGreaterThan(20);
    for (const [file, text] of Object.entries(SOURCES)) {
      for (const match of text.matchAll(/\bt\('([a-zA-Z]+\.[a-zA-Z.]+)'/g)) {
        const key = match[1];
        if (typeof lookup(en, key) !== 'string' || typeof lookup(ko, key) !== 'string') missing.push(`${key} (${file})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has a non-empty Korean string for every English one', () => {
    for (const [section, entries] of Object.entries(en)) {
      for (const key of Object.keys(entries)) {
        expect(lookup(ko, `${section}.${key}`), `${section}.${key}`).toMatch(/\S/);
      }
    }
  });
});
