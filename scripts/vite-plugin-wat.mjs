/**
 * Vite plugin: `import bytes from './x.wat'` assembles the WebAssembly text file with wabt
 * (SIMD enabled) at build time and inlines the module as `new Uint8Array([...])`, so no
 * binary is committed and the module can be instantiated synchronously from the bytes in
 * any host (Node, a Web Worker, the Electron utility process). Used by electron.vite.config.ts,
 * vite.web.config.ts (and their worker bundles), the vitest configs and scripts/bench.mjs.
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
  const module = wabt.parseWat(file, text, { simd: true });
  try {
    module.validate();
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
      const file = id.split('?')[0];
      if (!file.endsWith('.wat')) return null;
      this.addWatchFile(file);
      const bytes = await assembleWat(file, await readFile(file, 'utf8'));
      return { code: `export default new Uint8Array([${bytes.join(',')}]);\n`, map: null };
    },
  };
}
