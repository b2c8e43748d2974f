/**
 * Chooses the trainer transport at run time: the desktop app's utility process when the
 * preload exposed `window.layerlab`, a Web Worker otherwise.
 */
import { getDesktopApi } from './desktop-api';
import { createDesktopConnection } from './desktop-connection';
import type { TrainerConnection } from './trainer-connection';
import { createWorkerConnection } from './worker-connection';

export function connectTrainer(): { connection: TrainerConnection; close(): void } {
  const api = getDesktopApi();
  return api ? createDesktopConnection(api, window) : createWorkerConnection();
}
