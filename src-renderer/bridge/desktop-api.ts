/**
 * Access to the desktop API the Electron preload exposes as `window.layerlab`. In the
 * browser build it is absent and the renderer falls back to a Web Worker and file inputs.
 */
import type { DesktopApi } from '../../src-engine/protocol/ipc';

declare global {
  interface Window {
    layerlab?: DesktopApi;
  }
}

/** The desktop API, or null in the browser build. */
export function getDesktopApi(): DesktopApi | null {
  return typeof window !== 'undefined' && window.layerlab ? window.layerlab : null;
}
