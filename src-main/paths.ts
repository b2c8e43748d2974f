/**
 * Paths main builds from its own location in the electron-vite output layout:
 * out/main/main.js, out/main/trainer.js, out/preload/preload.cjs, out/renderer/index.html,
 * and the licence files the build emits beside main.js.
 * Pure, so a test can check every path exists after `electron-vite build`.
 */
import { join } from 'node:path';

export interface AppPaths {
  preload: string;
  trainer: string;
  rendererHtml: string;
  /** `[{ name, version, license }]` of the bundled libraries (About dialog). */
  licenses: string;
  /** Full licence texts of the bundled libraries, in the build output. */
  notices: string;
}

/** `mainDir` is the directory of the built main.js (import.meta.dirname at run time). */
export function resolveAppPaths(mainDir: string): AppPaths {
  return {
    preload: join(mainDir, '../preload/preload.cjs'),
    trainer: join(mainDir, 'trainer.js'),
    rendererHtml: join(mainDir, '../renderer/index.html'),
    licenses: join(mainDir, 'licenses.json'),
    notices: join(mainDir, 'THIRD-PARTY-NOTICES.txt'),
  };
}

/**
 * The notices file to show the user. Packaged, electron-builder copies it out of app.asar into
 * the resources folder (extraResources), where the system's text viewer can open it.
 */
export function noticesPathFor(paths: AppPaths, packaged: { isPackaged: boolean; resourcesPath: string }): string {
  return packaged.isPackaged ? join(packaged.resourcesPath, 'THIRD-PARTY-NOTICES.txt') : paths.notices;
}
