/**
 * Electron main process: one window, the trainer utility process, files. Thin by design:
 * training traffic never passes through here (see trainer-manager.ts).
 */
import { app, BrowserWindow, dialog, ipcMain, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC, type FileResult } from '../src-engine/protocol/ipc';
import { MAX_PROJECT_BYTES, exportFileRequestSchema, saveProjectRequestSchema } from '../src-engine/protocol/ipc-schemas';
import { formatIssues } from '../src-engine/project';
import { readTextFile, writeFileAtomic } from './files';
import { isTrustedSender } from './ipc-guard';
import { resolveAppPaths } from './paths';
import { buildContentSecurityPolicy, createWebPreferences, isAllowedExternalUrl, isAllowedNavigation } from './security';
import { TrainerManager } from './trainer-manager';

const mainDir = dirname(fileURLToPath(import.meta.url));
const paths = resolveAppPaths(mainDir);
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appUrl = devServerUrl ?? `file://${paths.rendererHtml}`;
const trainer = new TrainerManager(paths.trainer);
/** Path of the project file each window has open (set by Open / Save As in main only). */
const projectPaths = new WeakMap<WebContents, string>();

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    title: 'LayerLab',
    show: false,
    webPreferences: createWebPreferences(paths.preload),
  });
  win.once('ready-to-show', () => win.show());
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
  if (app.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(paths.rendererHtml);
  return win;
}

/** Wraps an invoke handler so only the app's own main frame may call it. */
function guarded<T>(handler: (event: IpcMainInvokeEvent, payload: unknown) => Promise<T>) {
  return async (event: IpcMainInvokeEvent, payload: unknown): Promise<T | FileResult> => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null, appUrl)) {
      return { ok: false, canceled: false, error: 'Refused: the request did not come from LayerLab’s own page.' };
    }
    return handler(event, payload);
  };
}

function registerIpc(): void {
  ipcMain.on(IPC.requestTrainerPort, (event) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null, appUrl)) return;
    trainer.connect(event.sender);
  });

  ipcMain.handle(
    IPC.openProject,
    guarded(async (event): Promise<FileResult> => {
      const win = BrowserWindow.fromWebContents(event.sender);
      const options = { properties: ['openFile' as const], filters: [{ name: 'LayerLab project', extensions: ['json'] }] };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      if (picked.canceled || picked.filePaths.length === 0) return { ok: false, canceled: true };
      const path = picked.filePaths[0];
      const read = await readTextFile(path, MAX_PROJECT_BYTES);
      if (!read.ok) return { ok: false, canceled: false, error: read.error };
      projectPaths.set(event.sender, path);
      return { ok: true, path: basename(path), text: read.text };
    }),
  );

  ipcMain.handle(
    IPC.saveProject,
    guarded(async (event, payload): Promise<FileResult> => {
      const parsed = saveProjectRequestSchema.safeParse(payload);
      if (!parsed.success) return { ok: false, canceled: false, error: formatIssues(parsed.error) };
      let path = projectPaths.get(event.sender);
      if (!path || parsed.data.saveAs) {
        const win = BrowserWindow.fromWebContents(event.sender);
        const options = {
          defaultPath: basename(parsed.data.suggestedName),
          filters: [{ name: 'LayerLab project', extensions: ['json'] }],
        };
        const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        if (picked.canceled || !picked.filePath) return { ok: false, canceled: true };
        path = picked.filePath;
      }
      try {
        await writeFileAtomic(path, parsed.data.text);
      } catch (e) {
        return { ok: false, canceled: false, error: `Could not save ${basename(path)}: ${(e as Error).message}` };
      }
      projectPaths.set(event.sender, path);
      return { ok: true, path: basename(path) };
    }),
  );

  ipcMain.handle(
    IPC.exportFile,
    guarded(async (event, payload): Promise<FileResult> => {
      const parsed = exportFileRequestSchema.safeParse(payload);
      if (!parsed.success) return { ok: false, canceled: false, error: formatIssues(parsed.error) };
      const win = BrowserWindow.fromWebContents(event.sender);
      const options = { defaultPath: basename(parsed.data.suggestedName) };
      const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (picked.canceled || !picked.filePath) return { ok: false, canceled: true };
      try {
        await writeFileAtomic(picked.filePath, parsed.data.text);
      } catch (e) {
        return { ok: false, canceled: false, error: `Could not write ${basename(picked.filePath)}: ${(e as Error).message}` };
      }
      return { ok: true, path: basename(picked.filePath) };
    }),
  );
}

const gotLock = app.requestSingleInstanceLock();
if (!gotLock) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.whenReady().then(() => {
    const csp = buildContentSecurityPolicy(devServerUrl ? 'development' : 'production', devServerUrl);
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    registerIpc();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => trainer.dispose());
}
