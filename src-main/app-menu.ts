/**
 * The native menu at run time: builds it from the pure template (menu.ts) with the current
 * settings, labels and run state, and carries out what its items ask for: renderer commands,
 * About, the licence texts, recent files, theme and presentation mode.
 */
import { app, BrowserWindow, dialog, Menu, shell, type MessageBoxOptions } from 'electron';
import { readFile } from 'node:fs/promises';
import { IPC } from '../src-engine/protocol/ipc';
import type { MenuCommand } from '../src-engine/protocol/shortcuts';
import { buildAboutDetail, parseLicenseList } from './about';
import type { MainState } from './main-state';
import { createWindow, openFiles } from './main-window';
import { buildMenuTemplate, toMenuTemplate, type MenuAction } from './menu';
import { menuLabelsFor } from './menu-labels';
import { noticesPathFor } from './paths';

function currentLabels(state: MainState) {
  return menuLabelsFor(state.settings?.current.language ?? null, app.getLocale());
}

/** Builds the menu anew and makes it the application menu (after settings or the run state change). */
export function rebuildMenu(state: MainState): void {
  const s = state.settings?.current;
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: app.getName(),
    isDev: !app.isPackaged,
    labels: currentLabels(state),
    theme: s?.theme ?? 'system',
    presentationMode: s?.presentationMode ?? false,
    recentFiles: s?.recentFiles ?? [],
    state: state.menuState,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(toMenuTemplate(template, (action) => runMenuAction(state, action))));
}

function sendCommand(state: MainState, command: MenuCommand): void {
  const win = BrowserWindow.getFocusedWindow() ?? state.mainWindow;
  if (win && !win.isDestroyed()) {
    win.webContents.send(IPC.menuCommand, command);
    return;
  }
  // macOS without a window: open one, then pass the command on.
  const created = createWindow(state);
  created.webContents.once('did-finish-load', () => created.webContents.send(IPC.menuCommand, command));
}

function openNotices(state: MainState): void {
  void shell.openPath(noticesPathFor(state.paths, { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath }));
}

function runMenuAction(state: MainState, action: MenuAction): void {
  switch (action.kind) {
    case 'command':
      sendCommand(state, action.command);
      return;
    case 'about':
      void showAbout(state);
      return;
    case 'licences':
      openNotices(state);
      return;
    case 'open-recent':
      openFiles(state, [action.path]);
      return;
    case 'clear-recent':
      app.clearRecentDocuments();
      state.settings?.update((s) => ({ ...s, recentFiles: [] }));
      return;
    case 'theme':
      state.settings?.update((s) => ({ ...s, theme: action.theme }));
      return;
    case 'toggle-presentation':
      state.settings?.update((s) => ({ ...s, presentationMode: !s.presentationMode }));
      return;
    default: {
      const never: never = action;
      throw new Error(`Unknown menu action ${JSON.stringify(never)}`);
    }
  }
}

async function showAbout(state: MainState): Promise<void> {
  const labels = currentLabels(state);
  let libraries: ReturnType<typeof parseLicenseList> = [];
  try {
    libraries = parseLicenseList(await readFile(state.paths.licenses, 'utf8'));
  } catch {
    // A build without licenses.json still shows the rest.
  }
  const options: MessageBoxOptions = {
    type: 'info',
    title: labels.about,
    message: `LayerLab ${app.getVersion()}`,
    detail: buildAboutDetail({ version: app.getVersion(), versions: process.versions, libraries, labels }),
    buttons: [labels.ok, labels.showLicenceTexts],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const win = state.mainWindow && !state.mainWindow.isDestroyed() ? state.mainWindow : null;
  const result = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  if (result.response === 1) openNotices(state);
}
