/**
 * Helper process: the renderer's frame rate in headless Chromium while a W3-like project
 * (784-128-64-10, ReLU, softmax, Adam; 1,000 of W3's samples so the file stays small) trains
 * in the browser build's Web Worker with the app's normal views open. Frames are counted
 * with requestAnimationFrame in the page: first idle (the ceiling of this headless setup),
 * then while training. The project is opened through the app's own Open command, with the
 * File System Access picker answered by the page's init script.
 *
 * Needs out/web (`npm run build`) and a Chromium (scripts/ensure-chromium.mjs); otherwise it
 * reports why it was skipped.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { buildProject } from './engine-train';
import { runMain, type RunnerResult } from './runner-io';
import { generateData, initialParams, workloadById } from './workloads';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The scripts are loaded from scripts/ at run time rather than bundled: ensure-chromium.mjs
 * runs its own command line when it is the main module, which a bundled copy would be.
 */
async function loadScripts(): Promise<typeof import('../scripts/ensure-chromium.mjs') & typeof import('../scripts/serve-static.mjs')> {
  const load = (name: string) => import(/* @vite-ignore */ pathToFileURL(join(ROOT, 'scripts', name)).href);
  return { ...(await load('ensure-chromium.mjs')), ...(await load('serve-static.mjs')) };
}
const WEB_DIR = join(ROOT, 'out/web');
/** As the e2e harness launches it. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'];
const PROJECT_PATH = '__bench/w3-like.layerlab.json';
const SAMPLES = 1000;

/** Frames per second and the longest frame over `ms`, counted in the page. */
function measureFps(page: Page, ms: number): Promise<{ fps: number; longestFrameMs: number }> {
  return page.evaluate((duration) => new Promise<{ fps: number; longestFrameMs: number }>((done) => {
    let frames = 0;
    let longest = 0;
    const start = performance.now();
    let last = start;
    const tick = (now: number): void => {
      frames++;
      longest = Math.max(longest, now - last);
      last = now;
      if (now - start < duration) requestAnimationFrame(tick);
      else done({ fps: (frames * 1000) / (now - start), longestFrameMs: longest });
    };
    requestAnimationFrame(tick);
  }), ms);
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting until ${what}.`);
}

runMain(async (): Promise<RunnerResult> => {
  const skip = (reason: string): RunnerResult => ({ times: [], finalLoss: NaN, steps: 0, info: { skipped: true, reason } });
  const { findChromium, startStaticServer } = await loadScripts();
  const found = findChromium();
  if (!found.ok) return skip(`no Chromium: ${found.error}`);
  if (!existsSync(join(WEB_DIR, 'index.html'))) return skip('out/web is missing: run `npm run build` first');
  const quick = process.argv.includes('--quick');
  const measureMs = quick ? 3000 : 8000;

  const w = { ...workloadById('W3'), samples: SAMPLES, epochs: 1000 };
  const data = generateData(w, SAMPLES);
  const params = initialParams(w);
  const meta = { workload: w, n: data.n, features: data.features, outputs: data.outputs, layers: params.map((p) => ({ inputs: p.inputs, units: p.units })) };
  const projectText = JSON.stringify(buildProject({ meta, data, params }, 'float32'));

  const server = await startStaticServer(WEB_DIR, 0);
  const browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const base = server.url.endsWith('/') ? server.url : `${server.url}/`;
    await page.route(`${base}${PROJECT_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: projectText }));
    await page.addInitScript((path: string) => {
      const handle = {
        name: 'w3-like.layerlab.json',
        getFile: async () => new File([await (await fetch(path)).text()], 'w3-like.layerlab.json', { type: 'application/json' }),
        createWritable: async () => ({ write: async () => {}, close: async () => {} }),
      };
      const w = window as unknown as Record<string, unknown>;
      w.showOpenFilePicker = async () => [handle];
      w.showSaveFilePicker = async () => handle;
    }, PROJECT_PATH);
    await page.goto(base);
    const train = page.getByRole('button', { name: 'Train' });
    await waitUntil('the app shows Train', () => train.isEnabled());
    const idle = await measureFps(page, Math.min(3000, measureMs));

    await page.keyboard.press('Control+o');
    // 784·128+128 + 128·64+64 + 64·10+10 = 109,386 parameters.
    await waitUntil('the W3-like project is open', async () => (await page.getByTestId('total-params').innerText()).replace(/[^0-9]/g, '') === '109386');
    await waitUntil('Train is enabled', () => train.isEnabled());
    await train.click();
    const state = () => page.locator('[data-state]').first().getAttribute('data-state');
    await waitUntil('the run is running', async () => (await state()) === 'running');
    const stepOf = async () => Number((await page.getByTestId('run-step').innerText()).replace(/[^0-9]/g, ''));
    await new Promise((r) => setTimeout(r, 1000)); // let the first views and charts appear
    const stepsBefore = await stepOf();
    const t0 = Date.now();
    const training = await measureFps(page, measureMs);
    const stepsAfter = await stepOf();
    const seconds = (Date.now() - t0) / 1000;
    const stillRunning = (await state()) === 'running';
    await page.getByRole('button', { name: 'Stop' }).click().catch(() => null);
    return {
      times: [],
      finalLoss: NaN,
      steps: stepsAfter - stepsBefore,
      info: {
        chromium: found.path,
        idleFps: idle.fps,
        trainingFps: training.fps,
        longestFrameMs: training.longestFrameMs,
        trainingSamplesPerSecond: ((stepsAfter - stepsBefore) * w.batchSize) / seconds,
        stillRunning,
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
});
