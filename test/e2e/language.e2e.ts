/** The language switch shows Korean labels, keeps English accessible names, and is remembered. */
import { describe, expect, it } from 'vitest';
import { screenshot, useE2E } from './harness';
import { countNodes, waitFor } from './helpers';

const e2e = useE2E();

describe('language switch', () => {
  it('shows Korean labels and keeps the controls findable by their English names', async () => {
    const app = await e2e.open();
    const { page } = app;
    await waitFor('the example is on the canvas', () => countNodes(page), (n) => n === 4);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');

    const train = page.getByRole('button', { name: 'Train' });
    await waitFor('the Train button reads 학습 시작', () => train.innerText(), (s) => s.includes('학습 시작'));
    expect(await page.getByRole('button', { name: 'Pause' }).innerText()).toBe('일시정지');
    expect(await page.getByRole('button', { name: 'Dense' }).innerText()).toContain('은닉층');
    expect(await page.getByRole('button', { name: 'Input' }).innerText()).toContain('입력');
    expect(await page.getByRole('button', { name: 'Output' }).innerText()).toContain('출력');
    expect(await page.getByRole('button', { name: 'Dropout' }).innerText()).toContain('드롭아웃');
    expect(await page.getByRole('button', { name: 'Activation' }).innerText()).toContain('활성화');
    expect(await page.locator('.loss-chart .panel-title').innerText()).toBe('손실');
    expect(await page.getByLabel('학습률', { exact: true }).inputValue(), 'the learning-rate field is labelled 학습률').toBe('0.03');
    expect(await page.getByLabel('옵티마이저', { exact: true }).inputValue()).toBe('adam');
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    await screenshot(page, '05-korean');

    await page.reload();
    await waitFor('Korean is remembered after a reload', () => page.getByRole('button', { name: 'Train' }).innerText(), (s) =>
      s.includes('학습 시작'),
    );
    await page.getByRole('combobox', { name: 'Language' }).selectOption('en');
    await waitFor('English is back', () => page.getByRole('button', { name: 'Train' }).innerText(), (s) => s.includes('Train'));
  });

  it('shows a notice made in English in Korean after the switch', async () => {
    const { page } = await e2e.open(await e2e.contextWithoutPickers());
    await waitFor('the example is on the canvas', () => countNodes(page), (n) => n === 4);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await download;
    const notice = page.locator('.notice p').filter({ hasText: /^Saved\.$/ });
    await waitFor('the English notice', () => notice.count(), (n) => n === 1);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await waitFor('the same notice in Korean', () => page.locator('.notice p').allInnerTexts(), (texts) => texts.includes('저장했습니다.'));
  });
});
