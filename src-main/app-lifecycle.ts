/**
 * The app's life: one instance (a second launch hands its files to the first and quits),
 * files the OS opens with LayerLab, start-up once Electron is ready (session security,
 * settings and stores, IPC, menu, window), settings main acts on, and quitting with the
 * settings written and the trainer stopped.
 */
import { app, BrowserWindow, nativeTheme } from 'electron';
import { MAX_PROJECT_BYTES } from '../src-engine/protocol/ipc-schemas';
import { MAX_CHECKPOINT_BYTES } from '../src-engine/checkpoint-record';
import { IPC } from '../src-engine/protocol/ipc';
import { rebuildMenu } from './app-menu';
import { createAutosaveStore } from './autosave';
import { createCheckpointStore } from './checkpoint-store';
import { registerIpc } from './ipc-handlers';
import type { MainState } from './main-state';
import { createWindow, focusWindow, openFiles, secureSession } from './main-window';
import { SettingsStore, userSettingsOf, type Settings } from './settings';
import { startSingleInstance, type InstanceApp } from './single-instance';

const instanceApp: InstanceApp = {
  requestSingleInstanceLock: (data) => app.requestSingleInstanceLock({ ...data }),
  onSecondInstance: (listener) => app.on('second-instance', (_event, argv, workingDirectory, data) => listener(argv, workingDirectory, data)),
  onOpenFile: (listener) => app.on('open-file', (event, path) => listener(path, () => event.preventDefault())),
  quit: () => app.quit(),
};

/** Applies settings that main itself acts on, and tells windows and the menu what changed. */
function onSettingsChanged(state: MainState, previous: Settings, next: Settings): void {
  if (previous.theme !== next.theme) nativeTheme.themeSource = next.theme;
  const before = userSettingsOf(previous);
  const after = userSettingsOf(next);
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(IPC.settingsChanged, after);
  }
  const menuChanged =
    previous.language !== next.language ||
    previous.theme !== next.theme ||
    previous.presentationMode !== next.presentationMode ||
    previous.recentFiles !== next.recentFiles;
  if (menuChanged) rebuildMenu(state);
}

/** Opens the settings and stores, then the IPC handlers, the menu and the first window. */
async function startUp(state: MainState): Promise<void> {
  secureSession(state.devServerUrl);

  const settings = await SettingsStore.open(app.getPath('userData'));
  state.settings = settings;
  state.autosave = createAutosaveStore(app.getPath('userData'), MAX_PROJECT_BYTES);
  state.savedRun = createCheckpointStore(app.getPath('userData'), MAX_CHECKPOINT_BYTES);
  let previous = settings.current;
  settings.onChange((next) => {
    const before = previous;
    previous = next;
    onSettingsChanged(state, before, next);
  });
  nativeTheme.themeSource = settings.current.theme;

  registerIpc(state);
  rebuildMenu(state);
  createWindow(state);
  state.started = true;
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(state);
  });
}

/**
 * Takes the single-instance lock and, in the first instance, wires start-up and quitting.
 * A second instance passes its files on and quits; nothing else runs in it.
 */
export function runApp(state: MainState): void {
  const isPrimary = startSingleInstance(
    instanceApp,
    { argv: process.argv, platform: process.platform, defaultApp: Boolean(process.defaultApp), cwd: process.cwd() },
    { focus: () => focusWindow(state), openFiles: (paths) => openFiles(state, paths) },
  );
  if (!isPrimary) return;

  void app.whenReady().then(() => startUp(state));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => state.trainer.dispose());
  // Write the settings (window position included) before the process ends.
  let settingsFlushed = false;
  app.on('will-quit', (event) => {
    const settings = state.settings;
    if (settingsFlushed || !settings) return;
    event.preventDefault();
    settingsFlushed = true;
    void settings.flush().finally(() => app.quit());
  });
}
