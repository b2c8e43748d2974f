/**
 * Electron main process: one window, the trainer utility process, files, the native menu,
 * settings, and the hand-off of files the OS opens with LayerLab. Thin by design: training
 * traffic never passes through here (see trainer-manager.ts), and every decision lives in a
 * pure module with its own tests (security, single-instance, open-file-args, window-state,
 * settings, menu, about).
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  screen,
  session,
  shell,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type MessageBoxOptions,
  type WebContents,
} from 'electron';
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC, toTrainerChannel, type FileResult, type OpenedFile } from '../src-engine/protocol/ipc';
import {
  MAX_DATA_FILE_BYTES,
  MAX_PROJECT_BYTES,
  exportFileRequestSchema,
  openDataFileRequestSchema,
  menuStateSchema,
  openDroppedFileRequestSchema,
  saveProjectRequestSchema,
  settingsPatchSchema,
  type MenuState,
  type UserSettings,
} from '../src-engine/protocol/ipc-schemas';
import type { MenuCommand } from '../src-engine/protocol/shortcuts';
import { formatIssues } from '../src-engine/project';
import { buildAboutDetail, parseLicenseList } from './about';
import { APP_ID } from './app-id';
import { DATA_FILE_EXTENSIONS, readDataFileForImport, readProjectDataFile } from './data-files';
import { readTextFile, writeFileAtomic } from './files';
import { createAutosaveStore, type AutosaveStore } from './autosave';
import { createCheckpointStore, type CheckpointStore } from './checkpoint-store';
import { MAX_CHECKPOINT_BYTES } from '../src-engine/checkpoint-record';
import { isTrustedSender } from './ipc-guard';
import { buildMenuTemplate, toMenuTemplate, type MenuAction } from './menu';
import { menuLabelsFor } from './menu-labels';
import { PROJECT_DIALOG_EXTENSIONS, PROJECT_FILE_PATTERN } from './open-file-args';
import { noticesPathFor, resolveAppPaths } from './paths';
import { buildContentSecurityPolicy, createWebPreferences, isAllowedExternalUrl, isAllowedNavigation, isAllowedRequest } from './security';
import { addRecentFile, applySettingsPatch, SettingsStore, userSettingsOf, type Settings } from './settings';
import { OpenFileQueue, startSingleInstance, type InstanceApp } from './single-instance';
import { TrainerManager } from './trainer-manager';
import { captureWindowState, restoreWindowState, WINDOW_SIZE } from './window-state';

const mainDir = dirname(fileURLToPath(import.meta.url));
const paths = resolveAppPaths(mainDir);
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appUrl = devServerUrl ?? `file://${paths.rendererHtml}`;
const trainer = new TrainerManager(paths.trainer);
/** Path of the project file each window has open (set by main's dialogs and opened files only). */
const projectPaths = new WeakMap<WebContents, string>();
/** Files the OS asked to open, waiting for the window. */
const openQueue = new OpenFileQueue();
let settings: SettingsStore | null = null;
let mainWindow: BrowserWindow | null = null;
let menuState: MenuState | null = null;
/** Set once settings are loaded and the first window exists; before that, files only queue. */
let started = false;

// ── Opening files ────────────────────────────────────────────────────────────

/** Reads `path` and hands it to the window's page; remembers it as the window's project. */
async function deliverFile(contents: WebContents, path: string): Promise<void> {
  const read = await readTextFile(path, MAX_PROJECT_BYTES);
  if (contents.isDestroyed()) return;
  const name = basename(path);
  const data = read.ok ? await readProjectDataFile(path, read.text, MAX_DATA_FILE_BYTES) : undefined;
  if (contents.isDestroyed()) return;
  const message: OpenedFile = read.ok ? { ok: true, name, text: read.text, ...(data && { data }) } : { ok: false, name, error: read.error };
  if (read.ok) {
    projectPaths.set(contents, path);
    rememberFile(path);
  }
  contents.send(IPC.openFile, message);
}

/** Adds `path` to the OS's and LayerLab's recent documents and remembers its folder. */
function rememberFile(path: string): void {
  app.addRecentDocument(path);
  settings?.update((s) => ({ ...s, lastFolder: dirname(path), recentFiles: addRecentFile(s.recentFiles, path, process.platform) }));
}

function openFiles(paths: string[]): void {
  openQueue.push(paths);
  if (started && (!mainWindow || mainWindow.isDestroyed())) createWindow();
}

function focusWindow(): void {
  if (!started) return;
  if (!mainWindow || mainWindow.isDestroyed()) {
    createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

const instanceApp: InstanceApp = {
  requestSingleInstanceLock: (data) => app.requestSingleInstanceLock({ ...data }),
  onSecondInstance: (listener) => app.on('second-instance', (_event, argv, workingDirectory, data) => listener(argv, workingDirectory, data)),
  onOpenFile: (listener) => app.on('open-file', (event, path) => listener(path, () => event.preventDefault())),
  quit: () => app.quit(),
};

// ── Window ───────────────────────────────────────────────────────────────────

function createWindow(): BrowserWindow {
  const restored = restoreWindowState(settings?.current.window ?? null, screen.getAllDisplays(), screen.getPrimaryDisplay());
  const win = new BrowserWindow({
    ...restored.bounds,
    minWidth: WINDOW_SIZE.minWidth,
    minHeight: WINDOW_SIZE.minHeight,
    title: 'LayerLab',
    show: false,
    webPreferences: createWebPreferences(paths.preload),
  });
  mainWindow = win;
  // maximize() also shows a hidden window, so it waits for the first paint like show().
  win.once('ready-to-show', () => {
    if (restored.maximized) win.maximize();
    win.show();
  });

  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  const saveWindowState = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const state = captureWindowState({ normalBounds: win.getNormalBounds(), isMaximized: win.isMaximized(), isFullScreen: win.isFullScreen() });
    settings?.update((s) => ({ ...s, window: state }));
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
    if (mainWindow === win) mainWindow = null;
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
  contents.on('did-finish-load', () => openQueue.attach((path) => void deliverFile(contents, path)));
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(paths.rendererHtml);
  return win;
}

// ── Menu ─────────────────────────────────────────────────────────────────────

function currentLabels() {
  return menuLabelsFor(settings?.current.language ?? null, app.getLocale());
}

function rebuildMenu(): void {
  const s = settings?.current;
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: app.getName(),
    isDev: !app.isPackaged,
    labels: currentLabels(),
    theme: s?.theme ?? 'system',
    presentationMode: s?.presentationMode ?? false,
    recentFiles: s?.recentFiles ?? [],
    state: menuState,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(toMenuTemplate(template, runMenuAction)));
}

function sendCommand(command: MenuCommand): void {
  const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (win && !win.isDestroyed()) {
    win.webContents.send(IPC.menuCommand, command);
    return;
  }
  // macOS without a window: open one, then pass the command on.
  const created = createWindow();
  created.webContents.once('did-finish-load', () => created.webContents.send(IPC.menuCommand, command));
}

function runMenuAction(action: MenuAction): void {
  switch (action.kind) {
    case 'command':
      sendCommand(action.command);
      return;
    case 'about':
      void showAbout();
      return;
    case 'licences':
      void shell.openPath(noticesPathFor(paths, { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath }));
      return;
    case 'open-recent':
      openFiles([action.path]);
      return;
    case 'clear-recent':
      app.clearRecentDocuments();
      settings?.update((s) => ({ ...s, recentFiles: [] }));
      return;
    case 'theme':
      settings?.update((s) => ({ ...s, theme: action.theme }));
      return;
    case 'toggle-presentation':
      settings?.update((s) => ({ ...s, presentationMode: !s.presentationMode }));
      return;
    default: {
      const never: never = action;
      throw new Error(`Unknown menu action ${JSON.stringify(never)}`);
    }
  }
}

async function showAbout(): Promise<void> {
  const labels = currentLabels();
  let libraries: ReturnType<typeof parseLicenseList> = [];
  try {
    libraries = parseLicenseList(await readFile(paths.licenses, 'utf8'));
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
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  const result = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  if (result.response === 1) {
    void shell.openPath(noticesPathFor(paths, { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath }));
  }
}

// ── Settings ─────────────────────────────────────────────────────────────────

/** Applies settings that main itself acts on, and tells windows and the menu what changed. */
function onSettingsChanged(previous: Settings, next: Settings): void {
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
  if (menuChanged) rebuildMenu();
}

// ── IPC ──────────────────────────────────────────────────────────────────────

function trusted(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return isTrustedSender(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null, appUrl);
}

/** Wraps an invoke handler so only the app's own main frame may call it. */
function guarded<T>(handler: (event: IpcMainInvokeEvent, payload: unknown) => Promise<T>) {
  return async (event: IpcMainInvokeEvent, payload: unknown): Promise<T | FileResult> => {
    if (!trusted(event)) return { ok: false, canceled: false, error: 'Refused: the request did not come from LayerLab’s own page.' };
    return handler(event, payload);
  };
}

function dialogStart(): string | undefined {
  const folder = settings?.current.lastFolder;
  return folder ?? undefined;
}

let autosave: AutosaveStore | null = null;
let savedRun: CheckpointStore | null = null;

/** Reads the project at `path` (chosen by a dialog or dropped by the user) for `sender`, and binds it as that window's file. */
async function openProjectAt(sender: WebContents, path: string): Promise<FileResult> {
  const read = await readTextFile(path, MAX_PROJECT_BYTES);
  if (!read.ok) return { ok: false, canceled: false, error: read.error };
  projectPaths.set(sender, path);
  rememberFile(path);
  const data = await readProjectDataFile(path, read.text, MAX_DATA_FILE_BYTES);
  return { ok: true, path: basename(path), text: read.text, ...(data && { data }) };
}

function registerIpc(): void {
  ipcMain.handle(
    IPC.autosave,
    guarded(async (_event, payload) => (autosave ? autosave.write(payload) : { ok: false as const, error: 'Autosave is not ready yet.' })),
  );
  ipcMain.handle(
    IPC.readAutosave,
    guarded(async () => (autosave ? autosave.read() : null)),
  );
  ipcMain.handle(
    IPC.saveCheckpoint,
    guarded(async (_event, payload) => (savedRun ? savedRun.write(payload) : { ok: false as const, error: 'Saving the run is not ready yet.' })),
  );
  ipcMain.handle(
    IPC.readCheckpoint,
    guarded(async () => (savedRun ? savedRun.read() : null)),
  );

  ipcMain.on(IPC.requestTrainerPort, (event, channel: unknown) => {
    if (trusted(event)) trainer.connect(event.sender, toTrainerChannel(channel));
  });

  ipcMain.on(IPC.setMenuState, (event, payload: unknown) => {
    if (!trusted(event)) return;
    const parsed = menuStateSchema.safeParse(payload);
    if (!parsed.success || parsed.data.running === menuState?.running) return;
    menuState = parsed.data;
    rebuildMenu();
  });

  ipcMain.handle(
    IPC.getSettings,
    guarded(async (): Promise<UserSettings | null> => (settings ? userSettingsOf(settings.current) : null)),
  );

  ipcMain.handle(
    IPC.updateSettings,
    guarded(async (_event, payload): Promise<UserSettings | null> => {
      if (!settings) return null;
      const parsed = settingsPatchSchema.safeParse(payload);
      if (!parsed.success) {
        console.warn(`Settings change refused: ${formatIssues(parsed.error)}`);
        return userSettingsOf(settings.current);
      }
      return userSettingsOf(settings.update((s) => applySettingsPatch(s, parsed.data)));
    }),
  );

  ipcMain.handle(
    IPC.openProject,
    guarded(async (event): Promise<FileResult> => {
      const win = BrowserWindow.fromWebContents(event.sender);
      const options = {
        defaultPath: dialogStart(),
        properties: ['openFile' as const],
        filters: [{ name: 'LayerLab project', extensions: PROJECT_DIALOG_EXTENSIONS }],
      };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      if (picked.canceled || picked.filePaths.length === 0) return { ok: false, canceled: true };
      const path = picked.filePaths[0];
      return openProjectAt(event.sender, path);
    }),
  );

  ipcMain.handle(
    IPC.openDroppedFile,
    guarded(async (event, payload): Promise<FileResult> => {
      const parsed = openDroppedFileRequestSchema.safeParse(payload);
      if (!parsed.success) return { ok: false, canceled: false, error: formatIssues(parsed.error) };
      const path = parsed.data;
      // The preload got this path from Electron for a File the user dropped; still, only
      // project files are read.
      if (!isAbsolute(path) || !PROJECT_FILE_PATTERN.test(path)) {
        return { ok: false, canceled: false, error: `${basename(path)} is not a LayerLab project (.layerlab.json or .layerlab).` };
      }
      return openProjectAt(event.sender, path);
    }),
  );

  ipcMain.handle(
    IPC.openDataFile,
    guarded(async (event, payload): Promise<FileResult> => {
      const parsed = openDataFileRequestSchema.safeParse(payload);
      if (!parsed.success) return { ok: false, canceled: false, error: formatIssues(parsed.error) };
      // A string is the path the preload got from Electron for a dropped File.
      if (typeof parsed.data === 'string') return readDataFileForImport(parsed.data, MAX_DATA_FILE_BYTES);
      const win = BrowserWindow.fromWebContents(event.sender);
      const options = {
        defaultPath: dialogStart(),
        properties: ['openFile' as const],
        filters: [{ name: 'CSV / TSV data', extensions: DATA_FILE_EXTENSIONS }],
      };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      if (picked.canceled || picked.filePaths.length === 0) return { ok: false, canceled: true };
      return readDataFileForImport(picked.filePaths[0], MAX_DATA_FILE_BYTES);
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
        const start = dialogStart();
        const name = basename(parsed.data.suggestedName);
        const options = {
          defaultPath: start ? join(start, name) : name,
          filters: [{ name: 'LayerLab project', extensions: PROJECT_DIALOG_EXTENSIONS }],
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
      rememberFile(path);
      return { ok: true, path: basename(path) };
    }),
  );

  ipcMain.handle(
    IPC.exportFile,
    guarded(async (event, payload): Promise<FileResult> => {
      const parsed = exportFileRequestSchema.safeParse(payload);
      if (!parsed.success) return { ok: false, canceled: false, error: formatIssues(parsed.error) };
      const win = BrowserWindow.fromWebContents(event.sender);
      const start = dialogStart();
      const name = basename(parsed.data.suggestedName);
      const options = { defaultPath: start ? join(start, name) : name };
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

// ── Start-up ─────────────────────────────────────────────────────────────────

if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

const isPrimary = startSingleInstance(
  instanceApp,
  { argv: process.argv, platform: process.platform, defaultApp: Boolean(process.defaultApp), cwd: process.cwd() },
  { focus: focusWindow, openFiles },
);

if (isPrimary) {
  app.whenReady().then(async () => {
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

    settings = await SettingsStore.open(app.getPath('userData'));
    autosave = createAutosaveStore(app.getPath('userData'), MAX_PROJECT_BYTES);
    savedRun = createCheckpointStore(app.getPath('userData'), MAX_CHECKPOINT_BYTES);
    let previous = settings.current;
    settings.onChange((next) => {
      const before = previous;
      previous = next;
      onSettingsChanged(before, next);
    });
    nativeTheme.themeSource = settings.current.theme;

    registerIpc();
    rebuildMenu();
    createWindow();
    started = true;
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => trainer.dispose());
  // Write the settings (window position included) before the process ends.
  let settingsFlushed = false;
  app.on('will-quit', (event) => {
    if (settingsFlushed || !settings) return;
    event.preventDefault();
    settingsFlushed = true;
    void settings.flush().finally(() => app.quit());
  });
}
