/**
 * The window and its security wiring: the session's CSP header, network block and permission
 * refusals; the window's restored bounds and saved state; navigation, new windows, webviews
 * and unload prompts; and files the OS asked to open, delivered once the page has loaded.
 * The rules themselves are pure and tested (security.ts, window-state.ts, single-instance.ts).
 */
import { app, BrowserWindow, dialog, screen, session, shell } from 'electron';
import type { MainState } from './main-state';
import { deliverFile } from './project-open';
import { buildContentSecurityPolicy, createWebPreferences, isAllowedExternalUrl, isAllowedNavigation, isAllowedRequest } from './security';
import { captureWindowState, restoreWindowState, WINDOW_SIZE } from './window-state';

/** Sets the default session's CSP header, blocks the network and refuses every permission. Call once, when the app is ready. */
export function secureSession(devServerUrl: string | undefined): void {
  const csp = buildContentSecurityPolicy(devServerUrl ? 'development' : 'production', devServerUrl);
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  // Offline by design: every request to anything but the app's own files is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, devServerUrl);
    if (!allowed) console.warn(`Blocked a network request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  ses.setSpellCheckerEnabled(false); // no dictionary downloads
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

/** Opens the main window at its saved place, loads the app page, and makes it `state.mainWindow`. */
export function createWindow(state: MainState): BrowserWindow {
  const { paths, devServerUrl, appUrl, openQueue } = state;
  const restored = restoreWindowState(state.settings?.current.window ?? null, screen.getAllDisplays(), screen.getPrimaryDisplay());
  const win = new BrowserWindow({
    ...restored.bounds,
    minWidth: WINDOW_SIZE.minWidth,
    minHeight: WINDOW_SIZE.minHeight,
    title: 'LayerLab',
    show: false,
    webPreferences: createWebPreferences(paths.preload),
  });
  state.mainWindow = win;
  // maximize() also shows a hidden window, so it waits for the first paint like show().
  win.once('ready-to-show', () => {
    if (restored.maximized) win.maximize();
    win.show();
  });

  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  const saveWindowState = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const windowState = captureWindowState({ normalBounds: win.getNormalBounds(), isMaximized: win.isMaximized(), isFullScreen: win.isFullScreen() });
    state.settings?.update((s) => ({ ...s, window: windowState }));
  };
  const scheduleSave = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(saveWindowState, 300);
  };
  win.on('resize', scheduleSave);
  win.on('move', scheduleSave);
  win.on('maximize', scheduleSave);
  win.on('unmaximize', scheduleSave);
  win.on('close', () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveWindowState();
  });
  win.on('closed', () => {
    if (state.mainWindow === win) state.mainWindow = null;
    openQueue.detach();
  });

  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The page prevents unload while it has unsaved changes; ask the user, natively.
  contents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Leave', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'This project has unsaved changes.',
      detail: 'If you leave now, the changes since the last save are kept only in the autosave.',
    });
    if (choice === 0) event.preventDefault();
  });
  if (app.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
  // The preload buffers opened files until the page listens, so the page may be loading still.
  contents.on('did-finish-load', () => openQueue.attach((path) => void deliverFile(state, contents, path)));
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(paths.rendererHtml);
  return win;
}

/** Queues `paths` for the window, opening a window once start-up is done and none is open. */
export function openFiles(state: MainState, paths: string[]): void {
  state.openQueue.push(paths);
  if (state.started && (!state.mainWindow || state.mainWindow.isDestroyed())) createWindow(state);
}

/** Brings the window to the front (a second launch), or opens one once start-up is done. */
export function focusWindow(state: MainState): void {
  if (!state.started) return;
  const win = state.mainWindow;
  if (!win || win.isDestroyed()) {
    createWindow(state);
    return;
  }
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
