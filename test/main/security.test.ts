import { describe, expect, it } from 'vitest';
import {
  buildContentSecurityPolicy,
  createWebPreferences,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAllowedRequest,
} from '../../src-main/security';
import { guarded, isTrustedEvent, isTrustedSender, REFUSED_SENDER, type IpcEventLike } from '../../src-main/ipc-guard';

describe('window security settings', () => {
  it('sandboxes the renderer, isolates its context and gives it no Node', () => {
    const prefs = createWebPreferences('/app/out/preload/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('allows no inline or remote script and no eval in production', () => {
    const csp = buildContentSecurityPolicy('production');
    const script = csp.split('; ').find((d) => d.startsWith('script-src'));
    // 'wasm-unsafe-eval' compiles WebAssembly only (the SIMD kernels); JavaScript eval stays off.
    expect(script).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:/);
  });

  it('opens the development CSP only to the dev server origin and its websocket', () => {
    const csp = buildContentSecurityPolicy('development', 'http://localhost:5173/');
    expect(csp).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline' http://localhost:5173");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(buildContentSecurityPolicy('production')).not.toContain('localhost');
  });

  it('blocks navigation away from the app page', () => {
    const app = 'file:///opt/LayerLab/resources/app/out/renderer/index.html';
    expect(isAllowedNavigation(app, app)).toBe(true);
    expect(isAllowedNavigation('https://example.com/', app)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', app)).toBe(false);
    expect(isAllowedNavigation('not a url', app)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });

  it('opens external links only for allow-listed https hosts', () => {
    expect(isAllowedExternalUrl('https://github.com/layerlab')).toBe(true);
    expect(isAllowedExternalUrl('http://github.com/layerlab')).toBe(false);
    expect(isAllowedExternalUrl('https://evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
  });
});

describe('IPC sender validation', () => {
  const app = 'file:///opt/LayerLab/out/renderer/index.html';
  it('trusts only the app page main frame', () => {
    expect(isTrustedSender({ url: app, isMainFrame: true }, app)).toBe(true);
    expect(isTrustedSender({ url: app, isMainFrame: false }, app)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, app)).toBe(false);
    expect(isTrustedSender(null, app)).toBe(false);
  });

  it('reads the sender frame of an IPC event: main frame of the app page only', () => {
    const mainFrame = { senderFrame: { url: app, parent: null } };
    expect(isTrustedEvent(mainFrame, app)).toBe(true);
    expect(isTrustedEvent({ senderFrame: { url: app, parent: mainFrame.senderFrame } }, app)).toBe(false);
    expect(isTrustedEvent({ senderFrame: { url: 'https://evil.example/', parent: null } }, app)).toBe(false);
    expect(isTrustedEvent({ senderFrame: null }, app)).toBe(false);
  });

  it('runs a guarded handler only for the app page and refuses others without running it', async () => {
    const calls: unknown[] = [];
    const handler = guarded(app, async (_event: IpcEventLike, payload) => (calls.push(payload), { ok: true as const, path: 'x' }));
    expect(await handler({ senderFrame: { url: app, parent: null } }, 'mine')).toEqual({ ok: true, path: 'x' });
    const sub = { senderFrame: { url: app, parent: { url: app } } };
    expect(await handler(sub, 'from a sub-frame')).toEqual(REFUSED_SENDER);
    expect(await handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'remote')).toEqual(REFUSED_SENDER);
    expect(calls).toEqual(['mine']);
    expect(REFUSED_SENDER).toMatchObject({ ok: false, canceled: false, error: expect.stringMatching(/Refused/) });
  });
});

describe('offline by design', () => {
  it('blocks every request to the network in production', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'http://localhost/telemetry',
      'wss://updates.example.com/',
      'ws://localhost:5173/',
      'ftp://example.com/x',
      'https://github.com/layerlab/releases/latest',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('lets the app load its own files and in-memory data', () => {
    expect(isAllowedRequest('file:///opt/LayerLab/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('blob:file:///1234-5678')).toBe(true);
  });

  it('allows only the dev server and its websocket in development', () => {
    const dev = 'http://localhost:5173/';
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRequest('https://localhost:5173/', dev)).toBe(false);
    expect(isAllowedRequest('https://example.com/', dev)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', dev)).toBe(true);
  });

  it('gives the renderer no directive that reaches beyond the app itself', () => {
    const directives = buildContentSecurityPolicy('production').split('; ');
    for (const directive of directives) {
      const [, ...sources] = directive.split(' ');
      // 'wasm-unsafe-eval' compiles the engine's bundled WebAssembly; it fetches nothing.
      for (const source of sources) expect(["'self'", "'none'", "'unsafe-inline'", "'wasm-unsafe-eval'", 'data:', 'blob:'], directive).toContain(source);
    }
    expect(directives.find((d) => d.startsWith('connect-src'))).toBe("connect-src 'self'");
    expect(directives.find((d) => d.startsWith('default-src'))).toBe("default-src 'self'");
  });
});
