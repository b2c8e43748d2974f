/**
 * The app opens the two-spirals example, Train streams losses into the chart, and the loss
 * falls; the run controls pause, step, resume, stop and reset a long run.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, useE2E } from './harness';
import { chartPoints, countEdges, countNodes, runState, stepShown, waitFor, waitVisible } from './helpers';

const e2e = useE2E();

describe('training in the browser build', () => {
  it('opens the two-spirals example with a 2-8-8-1 network', async () => {
    const app = await e2e.open();
    const { page } = app;
    await waitFor('the canvas shows the 4 layers of the example', () => countNodes(page), (n) => n === 4);
    for (const id of ['input', 'hidden1', 'hidden2', 'output']) {
      await waitVisible(page.locator(`.react-flow__node[data-id="${id}"]`), `the layer "${id}"`);
    }
    await waitFor('the 3 connections are drawn', () => countEdges(page), (n) => n === 3);
    expect(await page.locator('.react-flow__node[data-id="input"]').innerText()).toContain('2 features');
    expect(await page.locator('.react-flow__node[data-id="hidden1"]').innerText()).toMatch(/Units\s*8/);
    expect(await page.locator('.react-flow__node[data-id="hidden2"]').innerText()).toMatch(/Units\s*8/);
    expect(await page.locator('.react-flow__node[data-id="output"]').innerText()).toMatch(/Units\s*1/);
    expect(await page.getByTestId('total-params').innerText(), '2·8+8 + 8·8+8 + 8·1+1 = 105 parameters').toBe('105');
    await screenshot(page, '01-example-loaded');
  });

  it('trains when Train is pressed and the loss falls', async () => {
    const app = await e2e.open();
    const { page } = app;
    const train = page.getByRole('button', { name: 'Train' });
    await waitFor('Train is enabled', () => train.isEnabled(), Boolean);
    await train.click();
    await waitFor('the loss chart receives points', () => chartPoints(page), (n) => n > 0);
    // Let it train for a few seconds (or until the 500 epochs are done).
    await waitFor('the run finishes or trains for 3 s', () => runState(page), (s) => s === 'done', 3_000).catch(() => null);
    const first = Number(await page.getByRole('img', { name: 'Loss chart' }).getAttribute('data-first-loss'));
    const current = Number(await page.getByLabel('Current loss').innerText());
    expect(Number.isFinite(first), `the first loss should be a number, got ${first}`).toBe(true);
    expect(current, `the loss after training (${current}) should be lower than at the start (${first})`).toBeLessThan(first);
    expect(await stepShown(page)).toBeGreaterThan(0);
    await screenshot(page, '02-trained');
  });

  it('shows the training time of a short run at full speed, in English and Korean', async () => {
    const app = await e2e.open();
    const { page } = app;
    // 20 epochs of 20 batches at full speed: done in tens of ms, often before the UI sees it running.
    await page.getByLabel('Epochs').fill('20');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('0');
    await page.getByRole('button', { name: 'Train' }).click();
    await waitFor('the run finishes', () => runState(page), (s) => s === 'done', 60_000);
    const elapsed = page.getByTestId('run-elapsed');
    const ms = Number(await elapsed.getAttribute('data-ms'));
    expect(ms, 'the trainer counted the time the run took').toBeGreaterThan(0);
    const text = await elapsed.innerText();
    expect(text, `the elapsed time (${ms} ms) is written out, not "0.0 s"`).toMatch(/^(\d+ ms|\d+\.\d s|\d+:\d\d)$/);
    await screenshot(page, '02b-short-run-elapsed');
    // A finished run's time stays as it is; the Korean status line shows the same.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await waitVisible(page.getByRole('group', { name: 'Run status' }).getByText('경과'), 'the Korean "Elapsed" label');
    expect(await elapsed.innerText()).toBe(text);
  });

  it('pauses, steps, resumes, stops and resets a long run', async () => {
    const app = await e2e.open();
    const { page } = app;
    await page.getByLabel('Epochs').fill('100000');
    await page.getByRole('button', { name: 'Train' }).click();
    await waitFor('the run is running', () => runState(page), (s) => s === 'running');
    await page.getByRole('button', { name: 'Pause' }).click();
    await waitFor('the run is paused', () => runState(page), (s) => s === 'paused');
    const before = await stepShown(page);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await waitFor(`Step advances one batch from step ${before}`, () => stepShown(page), (s) => s === before + 1);
    await page.getByRole('button', { name: 'Resume' }).click();
    await waitFor('the run is running again', () => runState(page), (s) => s === 'running');
    await page.getByRole('button', { name: 'Stop' }).click();
    await waitFor('the run is stopped', () => runState(page), (s) => s === 'stopped');
    await screenshot(page, '03-stopped');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await waitFor('Reset clears the chart', () => chartPoints(page), (n) => n === 0);
    expect(await runState(page)).toBe('idle');
  });

  it('refuses an invalid value in the inspector and says why', async () => {
    const app = await e2e.open();
    const { page } = app;
    await page.locator('.react-flow__node[data-id="hidden1"]').click();
    const units = page.getByLabel('Units', { exact: true });
    await units.fill('0');
    await waitVisible(page.getByText('Must be at least 1.'), 'the reason "Must be at least 1."');
    expect(await page.locator('.react-flow__node[data-id="hidden1"]').innerText(), 'the layer keeps its last valid units').toMatch(/Units\s*8/);
    await units.fill('16');
    await waitFor('the layer shows 16 units', () => page.locator('.react-flow__node[data-id="hidden1"]').innerText(), (s) => /Units\s*16/.test(s));
  });
});
