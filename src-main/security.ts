/**
 * Security settings of the desktop app, as pure functions so tests can check them without
 * Electron: the window's webPreferences, the Content-Security-Policy (production and the
 * looser development-server variant) and the navigation rule.
 */

/** webPreferences of every LayerLab window (Electron security checklist items 2–4, 6). */
export function createWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    // A middle click on a link would open a window; new windows are denied anyway
    // (setWindowOpenHandler), and without the event there is nothing to deny (Electronegativity AUXCLICK).
    disableBlinkFeatures: 'Auxclick',
  } as const;
}

const BASE_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  // 'wasm-unsafe-eval' lets the trainer compile its WebAssembly SIMD kernels
  // (src-engine/layers/wasm-dense.ts); it allows no JavaScript eval.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // React Flow and uPlot position elements with inline style attributes.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The Content-Security-Policy. In development Vite's dev server needs its websocket (HMR)
 * and the React refresh preamble (an inline script); production allows neither.
 */
export function buildContentSecurityPolicy(mode: 'production' | 'development', devServerUrl?: string): string {
  const csp = Object.fromEntries(Object.entries(BASE_CSP).map(([k, v]) => [k, [...v]]));
  if (mode === 'development') {
    const origin = devServerUrl ? new URL(devServerUrl).origin : 'http://localhost:5173';
    const ws = origin.replace(/^http/, 'ws');
    csp['script-src'].push("'unsafe-inline'", origin);
    csp['connect-src'].push(origin, ws);
  }
  return Object.entries(csp)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * Whether the window may navigate to `url`: only to the app's own page (a reload), never
 * elsewhere. `appUrl` is the URL the window was loaded with.
 */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname;
    return target.origin === app.origin;
  } catch {
    return false;
  }
}

/** External links open only for https URLs on this allow-list (shell.openExternal). */
export const EXTERNAL_URL_ALLOW_LIST = ['github.com', 'archive.ics.uci.edu'];

/** Whether `url` may be opened in the user's browser. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && EXTERNAL_URL_ALLOW_LIST.includes(u.hostname);
  } catch {
    return false;
  }
}

/**
 * Whether the session may make a request to `url` (session.webRequest.onBeforeRequest).
 * LayerLab is offline by design: only its own files (file:), in-memory data (data:, blob:)
 * and, in development, the Vite dev server (http and its websocket) are allowed. Everything
 * else, every http(s) and ws(s) host included, is cancelled: no telemetry, no update check,
 * no fonts or scripts from a CDN.
 */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.protocol === 'file:' || target.protocol === 'data:' || target.protocol === 'blob:') return true;
  // DevTools' own pages (development only: production closes DevTools).
  if (target.protocol === 'devtools:') return devServerUrl !== undefined;
  if (!devServerUrl) return false;
  const dev = new URL(devServerUrl);
  const devWs = dev.protocol === 'https:' ? 'wss:' : 'ws:';
  return (target.protocol === dev.protocol || target.protocol === devWs) && target.host === dev.host;
}
