/**
 * Vite plugin: `import bytes from './x.wat'` assembles the WebAssembly text file with wabt
 * (SIMD enabled) at build time and inlines the module as `new Uint8Array([...])`, so no
 * binary is committed and the module can be instantiated synchronously from the bytes in
 * any host (Node, a Web Worker, the Electron utility process). Used by electron.vite.config.ts,
 * vite.web.config.ts (and their worker bundles), the vitest configs and scripts/bench.mjs.
 *
 * `import bytes from './x.wat?shared'` assembles the same text with its imported memory
 * declared shared (`(memory 1 65536 shared)`), the variant a second thread can run on
 * (src-engine/kernel-helper.ts); the text must import exactly `(memory 1)`.
 */
import { readFile } from 'node:fs/promises';
import createWabt from 'wabt';

/** @type {Promise<Awaited<ReturnType<typeof createWabt>>> | null} */
let wabtReady = null;

/**
 * Assembles WebAssembly text into module bytes; throws with wabt's message (file, line,
 * column) when the text is invalid.
 * @param {string} file
 * @param {string} text
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
export async function assembleWat(file, text) {
  wabtReady ??= createWabt();
  const wabt = await wabtReady;
  const features = { simd: true, threads: true };
  const module = wabt.parseWat(file, text, features);
  try {
    module.validate(features);
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

/** @returns {import('vite').Plugin} */
export function wat() {
  return {
    name: 'layerlab:wat',
    enforce: 'pre',
    async load(id) {
      const [file, query = ''] = id.split('?');
      if (!file.endsWith('.wat')) return null;
      this.addWatchFile(file);
      let text = await readFile(file, 'utf8');
      if (new URLSearchParams(query).has('shared')) {
        const plain = '(import "env" "memory" (memory 1))';
        if (!text.includes(plain)) throw new Error(`${file}: ?shared needs the text to import ${plain}.`);
        text = text.replace(plain, '(import "env" "memory" (memory 1 65536 shared))');
      }
      const bytes = await assembleWat(file, text);
      return { code: `export default new Uint8Array([${bytes.join(',')}]);\n`, map: null };
    },
  };
}
