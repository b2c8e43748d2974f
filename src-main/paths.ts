/**
 * Paths main builds from its own location in the electron-vite output layout:
 * out/main/main.js, out/main/trainer.js, out/preload/preload.cjs, out/renderer/index.html.
 * Pure, so a test can check every path exists after `electron-vite build`.
 */
import { join } from 'node:path';

export interface AppPaths {
  preload: string;
  trainer: string;
  rendererHtml: string;
}

/** `mainDir` is the directory of the built main.js (import.meta.dirname at run time). */
export function resolveAppPaths(mainDir: string): AppPaths {
  return {
    preload: join(mainDir, '../preload/preload.cjs'),
    trainer: join(mainDir, 'trainer.js'),
    rendererHtml: join(mainDir, '../renderer/index.html'),
  };
}
