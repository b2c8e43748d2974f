import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  BUILTIN_DATASETS,
  clipSchema,
  initializerSchema,
  LAYER_KINDS,
  LOSSES,
  NORMALIZATIONS,
  optimizerSchema,
  scheduleSchema,
} from '../../src-engine/project';
import { MENU_COMMANDS } from '../../src-engine/protocol/shortcuts';
import { LOCAL_COMMANDS } from '../../src-renderer/app/commands';
import { CANVAS_KEYS } from '../../src-renderer/app/local-shortcuts';
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
      // t('key'), and the notice helpers that keep the key: info/fail('code', 'key'), say('level', 'code', 'key').
      const keys = [
        ...text.matchAll(/\bt\('([a-zA-Z]+\.[a-zA-Z.]+)'/g),
        ...text.matchAll(/\b(?:info|fail)\('[a-z-]+', '([a-zA-Z]+\.[a-zA-Z.]+)'/g),
        ...text.matchAll(/\bsay\('(?:info|error)', '[a-z-]+', '([a-zA-Z]+\.[a-zA-Z.]+)'/g),
      ];
      for (const match of keys) {
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

  it('names every value the engine offers (keys built at run time)', () => {
    const types = (schema: { options: readonly { shape: { type: { value: string } } }[] }) => schema.options.map((o) => o.shape.type.value);
    /** Keys of the parameters of every variant, from the schema defaults. */
    const params = (schema: { options: readonly { shape: { type: { value: string } } }[]; parse(v: unknown): unknown }) =>
      types(schema).flatMap((type) => Object.keys(schema.parse({ type }) as object).filter((k) => k !== 'type' && k !== 'lr'));
    const families: Record<string, readonly string[]> = {
      activations: ACTIVATIONS,
      datasets: BUILTIN_DATASETS,
      layers: LAYER_KINDS,
      losses: LOSSES,
      normalizations: NORMALIZATIONS,
      initializers: types(initializerSchema),
      optimizers: types(optimizerSchema),
      schedules: types(scheduleSchema),
      clips: types(clipSchema),
      optimizerParams: params(optimizerSchema),
      scheduleParams: params(scheduleSchema),
      clipParams: params(clipSchema),
      commands: [...MENU_COMMANDS, ...LOCAL_COMMANDS],
      help: CANVAS_KEYS.map((k) => k.id),
    };
    const missing: string[] = [];
    for (const [section, values] of Object.entries(families)) {
      for (const v of values) {
        if (typeof lookup(en, `${section}.${v}`) !== 'string' || typeof lookup(ko, `${section}.${v}`) !== 'string') missing.push(`${section}.${v}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
