import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleWat } from '../../scripts/vite-plugin-wat.mjs';

const ROOT = join(import.meta.dirname, '../..');
const SOURCES = ['src-engine/layers/dense-simd.wat', 'src-engine/optimizers/adam-simd.wat'];

describe('the .wat build step', () => {
  for (const file of SOURCES) {
    it(`assembles ${file} into a module this Node validates, with the exports the engine calls`, async () => {
      const bytes = await assembleWat(file, readFileSync(join(ROOT, file), 'utf8'));
      // "\0asm" and binary format version 1.
      expect(Array.from(bytes.subarray(0, 8))).toEqual([0, 97, 115, 109, 1, 0, 0, 0]);
      expect(WebAssembly.validate(bytes)).toBe(true);
      const names = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
      expect(names).toEqual(file.includes('dense') ? ['forward', 'weightGradient', 'inputGradient'] : ['adam']);
    });
  }

  it('names the file and line of invalid text', async () => {
    const text = '(module\n  (func (export "f") (result i32)\n    (i32.add (i32.const 1))))\n';
    await expect(assembleWat('broken.wat', text)).rejects.toThrow(/broken\.wat:3/);
  });
});
