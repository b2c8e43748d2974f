/** The platform for key bindings: the desktop API's, else guessed from the browser. */
import { getDesktopApi } from '../bridge/desktop-api';

export function currentPlatform(): string {
  const api = getDesktopApi();
  if (api) return api.platform;
  if (typeof navigator === 'undefined') return 'linux';
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? 'darwin' : 'other';
}
