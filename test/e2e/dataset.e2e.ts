/**
 * The data set section as a user sees it: the preview follows the chosen set and its noise
 * and seed (scatter plot, table, digit thumbnails), the split and scaling fields validate,
 * undo and save into the project file, everything reads in Korean too, and a run with a test
 * share ends with the test result in the run status.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, useE2E } from './harness';
import { countNodes, runState, waitFor, waitVisible } from './helpers';

const e2e = useE2E();

/** Clicks Save and returns the downloaded file's text. */
async function saveAndRead(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  return readFile(await (await download).path(), 'utf8');
}

/** The preview canvas's pixels as a data URL, to see whether the drawing changed. */
const pixels = (canvas: Locator) => canvas.evaluate((c) => (c as HTMLCanvasElement).toDataURL());

/** Canvas pixels that are coloured (not grey, white or black): the plotted points. */
const colouredPixels = (canvas: Locator) =>
  canvas.evaluate((c) => {
    const el = c as HTMLCanvasElement;
    const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 60) n++;
    return n;
  });

/** Screenshot of the inspector's data set section only. */
async function shootSection(page: Page, name: string): Promise<void> {
  const section = page.locator('.inspector-section', { has: page.getByLabel('Data set preview') }).first();
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

describe('data set section', () => {
  it('previews each set, keeps split and scaling in the project, and reads in Korean', async () => {
    const app = await e2e.open(await e2e.contextWithoutPickers());
    const { page } = app;
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await waitFor('the example is on the canvas', () => countNodes(page), (n) => n === 4);
    const dataset = inspector.getByLabel('Data set', { exact: true });
    const plot = page.getByRole('img', { name: 'Data set preview' });

    // Two spirals: a scatter plot of all 400 points, two classes.
    await dataset.selectOption('circles');
    await dataset.selectOption('spiral');
    await waitVisible(plot, 'the scatter preview');
    expect(await plot.getAttribute('data-kind')).toBe('scatter');
    expect(await plot.getAttribute('data-points')).toBe('400');
    await waitVisible(page.getByText('Scatter plot of 400 of 400 samples, x1 across and x2 up, coloured by class.'), 'the preview description');
    await waitFor('the points are drawn', () => colouredPixels(plot), (n) => n > 500);
    await shootSection(page, '80-dataset-spiral');

    // More noise, then another data seed: each redraws the points.
    const clean = await pixels(plot);
    await inspector.getByLabel('Noise', { exact: true }).fill('0.5');
    await waitFor('more noise redraws the preview', () => pixels(plot), (p) => p !== clean);
    const noisy = await pixels(plot);
    await inspector.getByLabel('Data seed', { exact: true }).fill('8');
    await waitFor('another data seed redraws the preview', () => pixels(plot), (p) => p !== noisy);
    await shootSection(page, '81-dataset-spiral-noisy');

    // A test share above 0.9 is refused with the reason; the project keeps its value.
    const testShare = inspector.getByLabel('Test share', { exact: true });
    const counts = page.getByTestId('split-counts');
    expect(await counts.innerText()).toBe('320 training · 80 validation · 0 test samples (split by the training seed 1, stratified by class)');
    await testShare.fill('1.5');
    await waitVisible(inspector.getByText('Must be at most 0.9.'), 'the test share error');
    expect(await counts.innerText()).toContain('0 test samples');
    await testShare.blur();
    expect(await testShare.inputValue()).toBe('0');

    // 1-D regression: y against x; a 2-D surface: points coloured by their target value.
    await dataset.selectOption('sine1d');
    await waitFor('the sine curve', () => plot.getAttribute('data-kind'), (k) => k === 'curve');
    await waitVisible(page.getByText('y (up) against x (across): 400 of 400 samples.'), 'the curve description');
    await shootSection(page, '81-dataset-sine');
    await dataset.selectOption('saddle');
    await waitVisible(page.getByText(/^Scatter plot of 400 of 400 samples, x1 across and x2 up, coloured by y from orange \(low, -?\d/), 'the surface description');
    await shootSection(page, '81-dataset-saddle');

    // Iris: a table with the feature names as headers and the first flower.
    await dataset.selectOption('iris');
    const table = page.getByRole('table', { name: 'Data set preview' });
    await waitVisible(table, 'the iris table');
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'class']);
    expect(await table.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).toEqual(['5.1', '3.5', '1.4', '0.2', 'setosa']);
    expect(await inspector.getByLabel('Noise', { exact: true }).count(), 'a fixed set has no noise field').toBe(0);
    await shootSection(page, '82-dataset-iris');

    // Digits: 40 thumbnails with their labels.
    await dataset.selectOption('digits');
    await waitFor('the digits preview', () => plot.getAttribute('data-kind'), (k) => k === 'images');
    expect(await plot.getAttribute('data-points')).toBe('40');
    await waitVisible(page.getByText('The first 40 of 1797 images, 8×8 pixels, each with its label.'), 'the digits description');

    // Standardize and hold out a fifth for the test: 1797 → 359 test, 359 validation, 1079 training.
    await inspector.getByLabel('Input scaling', { exact: true }).selectOption('standardize');
    await testShare.fill('0.2');
    await waitFor('the counts follow the shares', () => counts.innerText(), (s) => s.startsWith('1079 training · 359 validation · 359 test samples'));
    await shootSection(page, '83-dataset-digits-split');

    // Undo takes back the test share, redo brings it again.
    await page.getByRole('button', { name: 'Undo' }).click();
    await waitFor('undo restores the test share', () => testShare.inputValue(), (v) => v === '0');
    await page.getByRole('button', { name: 'Redo' }).click();
    await waitFor('redo sets it again', () => testShare.inputValue(), (v) => v === '0.2');

    const project = JSON.parse(await saveAndRead(page));
    expect(project.training).toMatchObject({ normalization: { type: 'standardize' }, testSplit: 0.2, validationSplit: 0.2 });
    expect(project.dataset).toMatchObject({ type: 'builtin', name: 'digits', noise: 0.5, seed: 8 });

    // Korean: translated labels and description; the preview keeps its English name.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await waitVisible(inspector.getByText('분할과 스케일링'), 'the Korean section title');
    expect(await inspector.getByLabel('테스트 비율', { exact: true }).inputValue()).toBe('0.2');
    expect(await inspector.getByLabel('입력 스케일링', { exact: true }).inputValue()).toBe('standardize');
    await waitVisible(page.getByText('이미지 1797개 중 처음 40개 (8×8 픽셀, 각각 레이블 표시).'), 'the Korean description');
    expect(await plot.getAttribute('data-kind')).toBe('images');
    await inspector.getByLabel('데이터 세트', { exact: true }).selectOption('iris');
    await waitVisible(table.getByRole('columnheader', { name: '클래스' }), 'the Korean class header');
    await shootSection(page, '84-dataset-korean');
  });

  it('ends a run with a test share with the test loss and accuracy in the run status', async () => {
    const app = await e2e.open();
    const { page } = app;
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await waitFor('the example is on the canvas', () => countNodes(page), (n) => n === 4);
    await inspector.getByLabel('Test share', { exact: true }).fill('0.2');
    await inspector.getByLabel('Epochs', { exact: true }).fill('20');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('0');
    await page.getByRole('button', { name: 'Train' }).click();
    await waitFor('the run finishes', () => runState(page), (s) => s === 'done', 60_000);
    const result = page.getByTestId('test-result');
    await waitVisible(result, 'the test result');
    // 400 points · 0.2 = 80 held out for the test.
    expect(await result.innerText()).toMatch(/^Test \(80 held-out samples\): loss \d+\.\d+, accuracy \d+\.\d %$/);
    const accuracy = Number(await result.getAttribute('data-accuracy'));
    expect(accuracy >= 0 && accuracy <= 1).toBe(true);
    expect(Number(await result.getAttribute('data-loss'))).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, '85-test-result.png') });
  });
});
