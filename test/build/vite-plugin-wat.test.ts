import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleWat, wat } from '../../scripts/vite-plugin-wat.mjs';

const ROOT = join(import.meta.dirname, '../..');
/** Every .wat source and the exports the engine calls on it. */
const EXPORTS: Record<string, string[]> = {
  'src-engine/layers/dense-simd.wat': ['forward', 'weightGradient', 'weightGradientPart', 'biasGradient', 'inputGradient', 'transpose', 'inputGradientRows'],
  'src-engine/layers/activation-simd.wat': ['forward', 'backward'],
  'src-engine/layers/param-simd.wat': ['abs', 'sums', 'finite'],
  'src-engine/optimizers/adam-simd.wat': ['adam', 'adamPacked'],
};
const SOURCES = Object.keys(EXPORTS);

describe('the .wat build step', () => {
  for (const file of SOURCES) {
    it(`assembles ${file} into a module this Node validates, with the exports the engine calls`, async () => {
      const bytes = await assembleWat(file, readFileSync(join(ROOT, file), 'utf8'));
      // "\0asm" and binary format version 1.
      expect(Array.from(bytes.subarray(0, 8))).toEqual([0, 97, 115, 109, 1, 0, 0, 0]);
      expect(WebAssembly.validate(bytes)).toBe(true);
      const names = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
      expect(names).toEqual(EXPORTS[file]);
    });
  }

  for (const file of SOURCES) {
    it(`assembles ${file}?shared into a module that links to a shared memory only`, async () => {
      const plugin = wat();
      const load = plugin.load as (this: { addWatchFile(f: string): void }, id: string) => Promise<{ code: string }>;
      const { code } = await load.call({ addWatchFile: () => {} }, `${join(ROOT, file)}?shared`);
      const bytes = new Uint8Array(JSON.parse(/\[([\d,]*)\]/.exec(code)![0]) as number[]);
      const module = new WebAssembly.Module(bytes);
      const shared = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
      expect(Object.keys(new WebAssembly.Instance(module, { env: { memory: shared } }).exports)).toEqual(EXPORTS[file]);
      expect(() => new WebAssembly.Instance(module, { env: { memory: new WebAssembly.Memory({ initial: 1, maximum: 1 }) } })).toThrow();
    });
  }

  it('names the file and line of invalid text', async () => {
    const text = '(module\n  (func (export "f") (result i32)\n    (i32.add (i32.const 1))))\n';
    await expect(assembleWat('broken.wat', text)).rejects.toThrow(/broken\.wat:3/);
  });
});
