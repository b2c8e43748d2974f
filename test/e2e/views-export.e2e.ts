/**
 * The live views' details, end to end in Chromium: hovering a weight shows its gradient,
 * every panel saves a real PNG and the metric history a CSV (captured downloads), the
 * history slider moves the loss chart too and shows the exact values there, hovering the
 * distributions shows a bin, and the dock stays usable with all six panels open.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, screenshot, useE2E } from './harness';
import { runState, stepShown, waitFor, waitVisible } from './helpers';

const e2e = useE2E();

const PANELS = ['Loss and accuracy', 'Network view', 'Gradients', 'Decision boundary', 'Distributions', 'Confusion matrix'] as const;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Four significant digits are shown (formatLoss). */
const SHOWN_REL_TOL = 1e-3;

const network = (page: Page) => page.getByRole('img', { name: 'Network view' });
const lossChart = (page: Page) => page.getByRole('img', { name: 'Loss chart' });

async function downloadedBytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  if (!path) throw new Error(`The download ${download.suggestedFilename()} has no file.`);
  return readFile(path);
}

/** Opens every panel that is not open yet. */
async function openAllPanels(page: Page): Promise<void> {
  for (const name of PANELS) {
    const toggle = page.getByRole('button', { name, exact: true });
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  }
}

describe('live view details', () => {
  for (const language of ['en', 'ko'] as const) {
    it(`shows a hovered weight’s gradient (${language})`, async () => {
      const context = await e2e.harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript((lang) => localStorage.setItem('layerlab.language', lang), language);
      const { page } = await e2e.open(context);
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await waitFor('the network view shows step 1', async () => network(page).getAttribute('data-step'), (s) => s === '1');
      await page.getByRole('button', { name: 'Enlarge Network view' }).click();
      await waitFor('the panel is enlarged', async () => (await page.getByRole('region', { name: 'Network view' }).boundingBox())?.height ?? 0, (h) => h > 500);
      const box = await network(page).boundingBox();
      if (!box) throw new Error('The network view is not on screen.');
      // Between the input column and the first hidden layer every line is a weight.
      const tip = page.getByRole('tooltip');
      const gradient = language === 'en' ? /gradient ∂L\/∂w = -?[\d.]+(e[-+]\d+)?/ : /그래디언트 ∂L\/∂w = -?[\d.]+(e[-+]\d+)?/;
      let text = '';
      for (let fy = 0.2; fy < 0.85 && !gradient.test(text); fy += 0.01) {
        await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * fy);
        text = (await tip.count()) > 0 ? await tip.innerText() : '';
      }
      expect(text, 'the tooltip of a hovered weight').toMatch(gradient);
      await screenshot(page, `70-weight-gradient-${language}`);
      await page.keyboard.press('Escape');
    });
  }

  it('saves every panel as a PNG and the metric history as CSV', async () => {
    const app = await e2e.open(await e2e.contextWithoutPickers());
    const { page } = app;
    await openAllPanels(page);
    // Three epochs of the spirals at full speed: 400 samples, 20 % held out, batches of 16 → 20 steps an epoch.
    await page.getByLabel('Epochs').fill('3');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('0');
    await page.getByRole('button', { name: 'Train' }).click();
    await waitFor('the run completes', () => runState(page), (s) => s === 'done');
    await waitVisible(page.getByRole('table', { name: 'Confusion matrix' }), 'the confusion matrix');

    for (const name of PANELS) {
      const region = page.getByRole('region', { name });
      const size = await region.boundingBox();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: `Save ${name} as PNG` }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.png$/);
      const bytes = await downloadedBytes(file);
      await writeFile(join(SCREENSHOT_DIR, `74-export-${name.toLowerCase().replace(/ /g, '-')}.png`), bytes);
      expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), `${name}: a PNG file`).toBe(true);
      // IHDR: width and height (big-endian) at bytes 16 and 20; the image is the panel's body at device resolution.
      const width = bytes.readUInt32BE(16);
      const height = bytes.readUInt32BE(20);
      expect(width, `${name}: width`).toBeGreaterThan(0.5 * (size?.width ?? 0));
      expect(width, `${name}: width`).toBeLessThanOrEqual(Math.ceil(size?.width ?? 0) + 1);
      expect(height, `${name}: height`).toBeGreaterThan(0.3 * (size?.height ?? 0));
      expect(bytes.length, `${name}: more than a blank image`).toBeGreaterThan(2000);
    }

    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export metrics CSV' }).click();
    const csv = (await downloadedBytes(await csvDownload)).toString('utf8');
    const [header, ...rows] = csv.trim().split('\n');
    expect(header).toBe('step,epoch,step_loss,train_loss,val_loss,train_accuracy,val_accuracy,change');
    expect(rows.length, 'one row per step: 3 epochs × 20 steps').toBe(60);
    const epochRows = rows.map((r) => r.split(',')).filter((c) => c[1] !== '');
    expect(epochRows.map((c) => [Number(c[0]), Number(c[1])])).toEqual([
      [20, 1],
      [40, 2],
      [60, 3],
    ]);
    for (const c of epochRows) {
      expect(Number(c[3]), 'a training loss').toBeGreaterThan(0);
      expect(Number(c[5]), 'a training accuracy').toBeGreaterThanOrEqual(0);
      expect(Number(c[5])).toBeLessThanOrEqual(1);
    }
  });

  it('moves the loss chart with the history slider and shows the exact values there', async () => {
    const app = await e2e.open();
    const { page } = app;
    for (let k = 1; k <= 3; k++) {
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await waitFor(`step ${k} is drawn`, async () => network(page).getAttribute('data-step'), (s) => s === String(k));
    }
    expect(await runState(page)).toBe('paused');
    const slider = page.getByRole('slider', { name: 'History' });
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await waitFor('the views show step 1', async () => network(page).getAttribute('data-step'), (s) => s === '1');
    await waitFor('the loss chart marks step 1', async () => lossChart(page).getAttribute('data-scrub-step'), (s) => s === '1');
    const values = page.getByRole('status', { name: 'Values at history step' });
    await waitVisible(values, 'the values at the scrubbed step');
    expect(await values.getAttribute('data-step')).toBe('1');
    const text = await values.innerText();
    expect(text).toContain('At step 1');
    const shown = Number(/Per step: (\S+)/.exec(text)?.[1]);
    const firstLoss = Number(await lossChart(page).getAttribute('data-first-loss'));
    expect(Math.abs(shown - firstLoss) / firstLoss, `shown ${shown}, first loss ${firstLoss}`).toBeLessThan(SHOWN_REL_TOL);
    await screenshot(page, '71-loss-chart-scrubbed');
    await page.getByRole('button', { name: 'Live', exact: true }).click();
    await waitFor('the marker goes with Live', async () => lossChart(page).getAttribute('data-scrub-step'), (s) => s === '');
    expect(await values.count()).toBe(0);
  });

  it('shows exact values when hovering the loss, gradient and distributions charts', async () => {
    const app = await e2e.open();
    const { page } = app;
    await page.getByRole('button', { name: 'Distributions', exact: true }).click();
    await page.getByRole('button', { name: 'Step epoch' }).click();
    await waitFor('one epoch is trained', () => stepShown(page), (s) => s === 20);
    await waitFor('the distributions arrive', () => page.getByRole('img', { name: 'Distributions' }).getAttribute('data-frames'), (n) => Number(n) >= 1);
    // Where to point (a share of the width): mid-plot, or the middle of the first layer's ridges.
    const charts: [string, number, RegExp][] = [
      // Text content: the tip's lines run together.
      ['Loss chart', 0.5, /Step \d+\s*Per step: [\d.]+/],
      ['Gradient norms', 0.5, /Step \d+\s*1: [\d.e+-]+/],
      ['Distributions', 0.18, /Weights: [\d.e+-]+\s*\[[\d.e+-]+, [\d.e+-]+\): \d+ values/],
    ];
    for (const [name, fx, pattern] of charts) {
      // Five panels: the row scrolls sideways to the ones past the edge.
      await page.getByRole('img', { name }).scrollIntoViewIfNeeded();
      const box = await page.getByRole('img', { name }).boundingBox();
      if (!box) throw new Error(`${name} is not on screen.`);
      await page.mouse.move(box.x + box.width * (fx - 0.02), box.y + box.height * 0.5);
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * 0.5);
      const tip = page.locator('.view-tip:not([hidden])').filter({ hasText: pattern });
      await waitVisible(tip.first(), `the hover values of ${name}`);
    }
  });

  it('resets to the same initial weights, or to new ones with a new seed', async () => {
    const { page } = await e2e.open();
    const weightSumAfterOneStep = async () => {
      await waitFor('the views are empty', async () => network(page).getAttribute('data-step'), (s) => !s);
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await waitFor('the network view shows step 1', async () => network(page).getAttribute('data-step'), (s) => s === '1');
      return network(page).getAttribute('data-weight-sum');
    };
    const first = await weightSumAfterOneStep();
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    const again = await weightSumAfterOneStep();
    expect(again, 'the same seed gives the same start and the same first batch').toBe(first);
    await page.getByRole('button', { name: 'Reset (new seed)' }).click();
    const other = await weightSumAfterOneStep();
    expect(other, 'a new seed gives other weights').not.toBe(first);
  });

  it('keeps the dock usable with all six panels open at 1280×800', async () => {
    const app = await e2e.open();
    const { page } = app;
    await openAllPanels(page);
    await page.getByRole('button', { name: 'Train' }).click();
    await waitFor('the run trains', () => stepShown(page), (s) => s >= 100);
    await screenshot(page, '72-dock-six-panels');
    const scroll = await page.evaluate(() => ({ page: document.scrollingElement?.scrollTop ?? 0, height: document.documentElement.scrollHeight }));
    expect(scroll.page, 'the page itself never scrolls').toBe(0);
    expect(scroll.height).toBeLessThanOrEqual(800);
    for (const name of PANELS) {
      const region = page.getByRole('region', { name });
      await region.scrollIntoViewIfNeeded();
      const box = await region.boundingBox();
      expect(box?.width ?? 0, `${name} is wide enough to read`).toBeGreaterThanOrEqual(190);
      expect(box?.height ?? 0, `${name} is tall enough to read`).toBeGreaterThanOrEqual(220);
      expect((box?.y ?? 0) + (box?.height ?? 0), `${name} stays on the page`).toBeLessThanOrEqual(800);
    }
    await page.getByRole('button', { name: 'Enlarge Confusion matrix' }).click();
    const confusion = page.getByRole('region', { name: 'Confusion matrix' });
    await waitFor('the enlarged panel covers the canvas', async () => (await confusion.boundingBox())?.height ?? 0, (h) => h > 500);
    await screenshot(page, '73-dock-confusion-enlarged');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Stop' }).click();
  });
});
