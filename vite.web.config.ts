/**
 * Browser build of LayerLab: the renderer plus the trainer as a Web Worker, served as
 * static files (`npm run web` builds it and serves out/web). Paths are relative (base './')
 * so out/web works from any directory.
 */
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { wat } from './scripts/vite-plugin-wat.mjs';

/**
 * In the dev server only, drops the page's CSP meta tag: Vite's client and the React
 * refresh preamble are inline scripts and a websocket, which the production policy forbids.
 * Builds keep the tag. (The desktop app gets its dev policy from main; see security.ts.)
 */
export function relaxCspInDevServer(): Plugin {
  return {
    name: 'layerlab:relax-csp-in-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>\s*/i, ''),
  };
}

export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react(), relaxCspInDevServer(), wat()],
  // Worker bundles get their own plugin list; the trainer worker imports dense-simd.wat.
  worker: { format: 'es', plugins: () => [wat()] },
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // The worker entry lives in src-main/, outside the renderer root.
    fs: { allow: [resolve(import.meta.dirname)] },
  },
});
