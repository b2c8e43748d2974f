/**
 * Guards for what only a real Electron run would otherwise reveal (shared/ELECTRON-NOTES.md):
 * checked on the output of `electron-vite build`, which `npm test` runs first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from '../../src-main/paths';

const OUT = join(import.meta.dirname, '../../out');
const read = (p: string) => readFileSync(join(OUT, p), 'utf8');

describe('electron-vite build output', () => {
  it('has main, the trainer, the preload and the renderer', () => {
    for (const file of ['main/main.js', 'main/trainer.js', 'preload/preload.cjs', 'renderer/index.html']) {
      expect(existsSync(join(OUT, file)), `out/${file} is missing: run \`npm run build\``).toBe(true);
    }
  });

  it('builds every path main derives from its own location', () => {
    const paths = resolveAppPaths(join(OUT, 'main'));
    for (const path of Object.values(paths)) expect(existsSync(path), path).toBe(true);
  });

  it('bundles the sandboxed preload as one CommonJS file that requires only electron', () => {
    const preload = read('preload/preload.cjs');
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload).not.toMatch(/^\s*export\s/m);
    expect(preload).not.toMatch(/\bimport\(/);
    const required = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld');
    // Validation in the preload is plain code: zod stays in main.
    expect(preload).not.toMatch(/ZodError|safeParse/);
  });

  it('main resolves __dirname the ESM way and imports only electron and Node built-ins', () => {
    const main = read('main/main.js');
    expect(main).toContain('import.meta.url');
    expect(main).not.toMatch(/\b__dirname\b/);
    const imports = [...main.matchAll(/^import\s[^'"]*["']([^"']+)["']/gm)].map((m) => m[1]);
    for (const spec of imports) {
      const ok = spec === 'electron' || spec.startsWith('node:') || spec.startsWith('./');
      expect(ok, `main imports ${spec}`).toBe(true);
    }
  });

  it('bundles the trainer without Electron so it also runs as a plain Node child', () => {
    const trainer = read('main/trainer.js');
    expect(trainer).not.toMatch(/from\s*["']electron["']/);
    expect(trainer).not.toMatch(/require\(["']electron["']\)/);
  });

  it('main blocks network requests and contains no updater or telemetry', () => {
    const main = read('main/main.js');
    expect(main).toContain('onBeforeRequest');
    for (const forbidden of ['autoUpdater', 'crashReporter', 'net.request', 'electron-updater', 'fetch(']) {
      expect(main, `main.js uses ${forbidden}`).not.toContain(forbidden);
    }
  });

  it('emits the bundled libraries’ licences for the About dialog', () => {
    const list = JSON.parse(read('main/licenses.json')) as { name: string; license: string }[];
    const names = list.map((l) => l.name);
    for (const dep of ['react', 'react-dom', 'zod', 'zustand', '@xyflow/react', 'uplot', 'i18next']) expect(names).toContain(dep);
    expect(names.some((n) => n.startsWith('@types/'))).toBe(false);
    expect(list.every((l) => l.license.length > 0)).toBe(true);
    expect(read('main/THIRD-PARTY-NOTICES.txt')).toContain('Permission is hereby granted');
  });

  it('ships the renderer with a strict CSP meta tag', () => {
    const html = read('renderer/index.html');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    // No remote origin anywhere: the page can reach nothing beyond the app's own files.
    expect(csp).not.toMatch(/https?:|wss?:/);
  });
});
