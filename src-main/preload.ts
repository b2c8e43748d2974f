/**
 * The preload: exposes `window.layerlab` (DesktopApi), a few typed functions that forward
 * data only. It must bundle into one CommonJS file that requires nothing but `electron`
 * (sandboxed preloads cannot load other files).
 *
 * The trainer port cannot cross contextBridge, so it is forwarded to the page with
 * window.postMessage (see forwardTrainerPort).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC, type DesktopApi, type TrainerExitInfo } from '../src-engine/protocol/ipc';
import { forwardTrainerPort } from './preload-port';

ipcRenderer.on(IPC.trainerPort, (event) => forwardTrainerPort(window, event.ports));

const api: DesktopApi = {
  platform: process.platform,
  requestTrainerPort: () => ipcRenderer.send(IPC.requestTrainerPort),
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
};

contextBridge.exposeInMainWorld('layerlab', api);
