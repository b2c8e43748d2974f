/**
 * electron-vite build of the desktop app:
 * - main:     out/main/main.js (Electron main, ESM) and out/main/trainer.js (the trainer
 *             utility process; the same bundle runs as a plain Node child in tests);
 * - preload:  out/preload/preload.cjs — ONE CommonJS file requiring only `electron`,
 *             because sandboxed preloads cannot use ESM or load other files;
 * - renderer: out/renderer/ from src-renderer/index.html;
 * - licences: out/main/licenses.json (the About dialog) and out/main/THIRD-PARTY-NOTICES.txt
 *             (shipped beside the app), from the production dependencies (scripts/licenses.mjs).
 * electron-builder (electron-builder.yml) packages exactly this out/ tree.
 * Pinned for Node 20: electron-vite 6 + vite 8 build on Node ^20.19; Electron 45's npm
 * package only warns about its Node engine (its binary is fetched on first launch).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { collectLicenses, renderNotices } from './scripts/licenses.mjs';
import { wat } from './scripts/vite-plugin-wat.mjs';

/** Emits the bundled libraries' licences next to main.js. */
function licenses(): Plugin {
  return {
    name: 'layerlab-licenses',
    generateBundle() {
      const entries = collectLicenses(import.meta.dirname);
      const summary = entries.map(({ name, version, license }) => ({ name, version, license }));
      this.emitFile({ type: 'asset', fileName: 'licenses.json', source: `${JSON.stringify(summary, null, 2)}\n` });
      this.emitFile({ type: 'asset', fileName: 'THIRD-PARTY-NOTICES.txt', source: renderNotices(entries) });
    },
  };
}
import { relaxCspInDevServer } from './vite.web.config';

export default defineConfig({
  main: {
    plugins: [licenses(), wat()],
    build: {
      outDir: 'out/main',
      // Bundle everything: the trainer then starts without resolving node_modules.
      externalizeDeps: false,
      rollupOptions: {
        input: {
          main: resolve(import.meta.dirname, 'src-main/main.ts'),
          trainer: resolve(import.meta.dirname, 'src-main/trainer-process.ts'),
          cli: resolve(import.meta.dirname, 'src-main/cli.ts'),
        },
        external: ['electron', /^node:/],
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(import.meta.dirname, 'src-main/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    // In `electron-vite dev` the page's CSP meta tag would block Vite's inline client; main
    // then applies the development CSP as a header instead (security.ts).
    plugins: [react(), relaxCspInDevServer(), wat()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve(import.meta.dirname, 'src-renderer/index.html') },
    },
    // Worker bundles get their own plugin list; the trainer worker imports dense-simd.wat.
    worker: { format: 'es', plugins: () => [wat()] },
  },
});
