/**
 * The preload: exposes `window.layerlab` (DesktopApi), a few typed functions that forward
 * data only. It must bundle into one CommonJS file that requires nothing but `electron`
 * (sandboxed preloads cannot load other files).
 *
 * The trainer port cannot cross contextBridge, so it is forwarded to the page with
 * window.postMessage (see forwardTrainerPort).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { IPC, toTrainerChannel, type DesktopApi, type OpenedFile, type TrainerExitInfo, type UserSettings } from '../src-engine/protocol/ipc';
import type { MenuCommand } from '../src-engine/protocol/shortcuts';
import { createBufferedChannel, createChannel, toMenuCommand, toOpenedFile, toUserSettings } from './preload-events';
import { forwardTrainerPort } from './preload-port';

ipcRenderer.on(IPC.trainerPort, (event, payload: unknown) =>
  forwardTrainerPort(window, event.ports, toTrainerChannel((payload as { channel?: unknown } | null)?.channel)),
);

// A command chosen while the page is still starting (macOS: a menu item with no window open)
// waits for the page's first listener; only the newest one is kept.
const menuCommands = createBufferedChannel<MenuCommand>(1);
ipcRenderer.on(IPC.menuCommand, (_event, payload: unknown) => {
  const command = toMenuCommand(payload);
  if (command) menuCommands.emit(command);
});

// Registered now, before the page runs, so a file opened at launch waits for the page.
const openedFiles = createBufferedChannel<OpenedFile>();
ipcRenderer.on(IPC.openFile, (_event, payload: unknown) => {
  const file = toOpenedFile(payload);
  if (file) openedFiles.emit(file);
});

const settingsChanges = createChannel<UserSettings>();
ipcRenderer.on(IPC.settingsChanged, (_event, payload: unknown) => {
  const settings = toUserSettings(payload);
  if (settings) settingsChanges.emit(settings);
});

type NotOnDisk = { ok: false; canceled: false; error: string };

/**
 * Sends the disk path of a File the user dropped or picked to `channel` (main reads it).
 * Electron knows the path of such a File; a File made in script has none (''), refused here.
 */
function invokeWithPath<T>(channel: string, file: unknown): Promise<T | NotOnDisk> {
  let path = '';
  try {
    path = webUtils.getPathForFile(file as File);
  } catch {
    path = '';
  }
  if (!path) {
    const name = String((file as { name?: unknown } | null)?.name ?? 'The file');
    return Promise.resolve({ ok: false, canceled: false, error: `${name} is not a file on disk.` });
  }
  return ipcRenderer.invoke(channel, path) as Promise<T>;
}

const api: DesktopApi = {
  platform: process.platform,
  requestTrainerPort: (channel) => ipcRenderer.send(IPC.requestTrainerPort, toTrainerChannel(channel)),
  onTrainerExit: (listener) => {
    const handler = (_event: unknown, info: TrainerExitInfo) =>
      listener({ code: typeof info?.code === 'number' ? info.code : null, reason: String(info?.reason ?? '') });
    ipcRenderer.on(IPC.trainerExit, handler);
    return () => {
      ipcRenderer.removeListener(IPC.trainerExit, handler);
    };
  },
  openProject: () => ipcRenderer.invoke(IPC.openProject),
  saveProject: (request) => ipcRenderer.invoke(IPC.saveProject, request),
  exportFile: (request) => ipcRenderer.invoke(IPC.exportFile, request),
  onMenuCommand: (listener) => menuCommands.subscribe(listener),
  onOpenFile: (listener) => openedFiles.subscribe(listener),
  openDroppedFile: (file) => invokeWithPath(IPC.openDroppedFile, file),
  openDataFile: (file) => (file ? invokeWithPath(IPC.openDataFile, file) : ipcRenderer.invoke(IPC.openDataFile, null)),
  getSettings: () => ipcRenderer.invoke(IPC.getSettings),
  updateSettings: (patch) => ipcRenderer.invoke(IPC.updateSettings, patch),
  onSettingsChanged: (listener) => settingsChanges.subscribe(listener),
  setMenuState: (state) => ipcRenderer.send(IPC.setMenuState, state),
  autosave: (text) => ipcRenderer.invoke(IPC.autosave, text),
  readAutosave: () => ipcRenderer.invoke(IPC.readAutosave),
  saveCheckpoint: (record) => ipcRenderer.invoke(IPC.saveCheckpoint, record),
  readCheckpoint: () => ipcRenderer.invoke(IPC.readCheckpoint),
  // main answers 'will-prevent-unload' with a native Leave / Stay dialog (main.ts).
  promptsBeforeClose: true,
};

contextBridge.exposeInMainWorld('layerlab', api);
