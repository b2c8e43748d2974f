/**
 * E2E harness: builds out/web when missing, serves it with the app's static server, launches
 * Chromium through playwright-core, and records every console error, uncaught exception and
 * CSP violation of a page so tests can fail on them.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { findChromium, INSTALL_HELP } from '../../scripts/ensure-chromium.mjs';
import { startStaticServer } from '../../scripts/serve-static.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIR = join(ROOT, 'out/web');
export const SCREENSHOT_DIR = join(ROOT, 'test-output/e2e');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Builds the browser version into out/web, so the tests never run a stale build (it takes a
 * few seconds). LAYERLAB_E2E_SKIP_BUILD=1 reuses an existing out/web.
 */
export async function ensureWebBuild(): Promise<void> {
  if (process.env.LAYERLAB_E2E_SKIP_BUILD === '1' && existsSync(join(WEB_DIR, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.web.config.ts'), logLevel: 'warn' });
}

export interface Harness {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves out/web and launches Chromium. Throws with install help when there is no browser. */
export async function startHarness(): Promise<Harness> {
  const found = findChromium();
  if (!found.ok) throw new Error(`${found.error}\n${INSTALL_HELP}\n(Or run: node scripts/ensure-chromium.mjs)`);
  await ensureWebBuild();
  const server = await startStaticServer(WEB_DIR, 0);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
  } catch (e) {
    await server.close();
    throw new Error(`Chromium at ${found.path} did not start: ${(e as Error).message}`);
  }
  return {
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and CSP violations seen so far, as readable lines. */
  problems(): Promise<string[]>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Opens the app in a fresh context (own localStorage) at 1280×800. */
export async function openApp(harness: Harness, context?: BrowserContext): Promise<AppPage> {
  const ctx = context ?? (await harness.browser.newContext({ viewport: { width: 1280, height: 800 } }));
  const page = await ctx.newPage();
  const seen: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') seen.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => seen.push(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) => seen.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? '?'})`));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations?.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  await page.goto(harness.url);
  return {
    page,
    context: ctx,
    problems: async () => {
      const csp = await page.evaluate(() => window.__cspViolations ?? []).catch(() => [] as string[]);
      return [...seen, ...csp.map((v) => `CSP violation: ${v}`)];
    },
  };
}

/** Saves a full-page screenshot as test-output/e2e/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

export interface E2E {
  /** The file's harness (available inside tests and hooks). */
  readonly harness: Harness;
  /** Opens the app (in `context`, or a new 1280×800 one); it is checked and closed after the test. */
  open(context?: BrowserContext): Promise<AppPage>;
  /** A 1280×800 context whose browser has no File System Access pickers (file input and download paths). */
  contextWithoutPickers(): Promise<BrowserContext>;
}

/**
 * Registers one test file's lifecycle: a harness for the file, and after each test the app
 * it opened is closed and must have logged no console error, exception or CSP violation.
 */
export function useE2E(): E2E {
  let harness: Harness | null = null;
  let app: AppPage | null = null;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  afterEach(async () => {
    if (!app) return;
    const opened = app;
    app = null;
    const problems = await opened.problems();
    await opened.context.close();
    expect(problems, 'the page must log no console errors, exceptions or CSP violations').toEqual([]);
  });
  const current = (): Harness => {
    if (!harness) throw new Error('The e2e harness is not started (use it inside tests).');
    return harness;
  };
  return {
    get harness() {
      return current();
    },
    async open(context) {
      app = await openApp(current(), context);
      return app;
    },
    async contextWithoutPickers() {
      const context = await current().browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      await context.addInitScript(() => {
        Object.defineProperty(window, 'showOpenFilePicker', { value: undefined, configurable: true });
        Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true });
      });
      return context;
    },
  };
}
