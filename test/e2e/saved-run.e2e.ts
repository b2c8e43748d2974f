/**
 * A long run survives a restart, in the browser build: train, pause (the trainer sends a
 * checkpoint, saved in IndexedDB beside the autosave), reload the page, and the app offers
 * to continue; continuing carries on from the same epoch and step, not from 0. Then the same
 * in Korean.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useE2E } from './harness';
import { runState, stepShown, waitFor, waitVisible } from './helpers';

const e2e = useE2E();

/** The step of the saved run in IndexedDB (what a restart would continue from), or -1. */
const savedStep = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('layerlab');
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('kv')) return resolve(-1);
          const get = db.transaction('kv').objectStore('kv').get('saved-run');
          get.onsuccess = () => {
            const record = get.result as { checkpoint?: { step?: number } } | undefined;
            db.close();
            resolve(record?.checkpoint?.step ?? -1);
          };
          get.onerror = () => resolve(-1);
        };
        req.onerror = () => resolve(-1);
      }),
  );

/** Pauses the run and waits until the pause checkpoint is saved; returns its step. */
async function pauseAndSave(page: Page, pauseName: string): Promise<number> {
  await page.getByRole('button', { name: pauseName }).click();
  await waitFor('the run is paused', () => runState(page), (s) => s === 'paused');
  const step = await stepShown(page);
  await waitFor(`the checkpoint of step ${step} is saved`, () => savedStep(page), (s) => s === step);
  return step;
}

describe('a run saved at its last checkpoint', () => {
  it('continues after a page reload from the step where it paused, in English and Korean', async () => {
    const { page } = await e2e.open();
    await page.getByRole('button', { name: 'Train' }).click();
    await waitFor('the run passes step 60', () => stepShown(page), (s) => s >= 60);
    const pausedAt = await pauseAndSave(page, 'Pause');
    expect(pausedAt).toBeGreaterThanOrEqual(60);

    await page.reload();
    const continueButton = page.getByRole('button', { name: 'Continue training', exact: true });
    await waitVisible(continueButton, 'the offer to continue the saved run');
    expect(await page.getByTestId('saved-run').getAttribute('data-step')).toBe(String(pausedAt));
    expect(await page.getByTestId('saved-run').innerText()).toContain(`step ${pausedAt}`);
    expect(await stepShown(page), 'before continuing, nothing runs').toBe(0);
    await screenshot(page, '60-continue-saved-run');

    await continueButton.click();
    await waitFor('the continued run is running', () => runState(page), (s) => s === 'running');
    const firstShown = await stepShown(page);
    expect(firstShown, 'the step counter continues where it was, not from 0').toBeGreaterThanOrEqual(pausedAt);
    await waitFor('the continued run takes more steps', () => stepShown(page), (s) => s >= pausedAt + 20);
    const pausedAgain = await pauseAndSave(page, 'Pause');
    await screenshot(page, '61-continued-run');

    // Korean: the offer is translated; the control keeps its English accessible name.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await page.reload();
    await waitVisible(continueButton, 'the offer to continue, in Korean');
    expect(await continueButton.innerText()).toBe('학습 이어하기');
    expect(await page.getByTestId('saved-run').innerText()).toContain(`단계 ${pausedAgain}`);
    await screenshot(page, '62-continue-saved-run-ko');
    await continueButton.click();
    await waitFor('the continued run is running', () => runState(page), (s) => s === 'running');
    expect(await stepShown(page)).toBeGreaterThanOrEqual(pausedAgain);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    // Reset forgets the saved run: the next start offers nothing.
    await waitFor('the saved run is forgotten', () => savedStep(page), (s) => s === -1);
    await page.reload();
    await waitFor('the run controls are back', () => page.getByRole('button', { name: 'Train' }).count(), (n) => n === 1);
    await page.waitForTimeout(500);
    expect(await continueButton.count()).toBe(0);
  });
});
