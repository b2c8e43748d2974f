/**
 * Electron main process: one window, the trainer utility process, files, the native menu,
 * settings, and the hand-off of files the OS opens with LayerLab. Thin by design: training
 * traffic never passes through here (see trainer-manager.ts), and every decision lives in a
 * pure module with its own tests (security, single-instance, open-file-args, window-state,
 * settings, menu, about).
 *
 * This entry point only finds its own files and starts the app. The rest is in:
 * - app-lifecycle.ts   single instance, files from the OS, start-up, settings, quitting;
 * - main-window.ts     the window and its security wiring (session, navigation, new windows);
 * - ipc-handlers.ts    IPC for autosave, the saved run, the trainer port, menu state, settings;
 * - ipc-files.ts       IPC for opening, saving and exporting files and reading data files;
 * - project-open.ts    reading a project for a window and remembering it as recent;
 * - app-menu.ts        the native menu at run time and what its items do;
 * - main-state.ts      the state these share.
 */
import { app } from 'electron';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ID } from './app-id';
import { runApp } from './app-lifecycle';
import { createMainState } from './main-state';
import { resolveAppPaths } from './paths';

// Resolved here, in the entry module, so import.meta.url is that of out/main/main.js.
const mainDir = dirname(fileURLToPath(import.meta.url));
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const state = createMainState(resolveAppPaths(mainDir), devServerUrl);

if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

runApp(state);
