/**
 * Classroom mode in Chromium: the 2-2-1 lesson walked through in Step mode to the weight
 * updates (the notes' 0.1006995 and 0.3000264 read off the screen), the gradient check, the
 * optimizer race with eight curves, presentation mode, and the whole classroom in Korean
 * with no English word left on screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useE2E } from './harness';
import { waitFor, waitVisible } from './helpers';

const e2e = useE2E();

/** Opens a lesson from the Lessons list by its English title (its accessible name). */
async function openLesson(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: title, exact: true }).click();
}

/** The plain-text result of a Step-mode formula line, e.g. 'w2_1_1'. */
const resultOf = (page: Page, name: string) => page.getByTestId(`value-${name}`).innerText();

/** Waits until Step mode shows a traced step. */
async function waitForTrace(page: Page): Promise<void> {
  const panel = page.getByRole('region', { name: 'Step mode' });
  await waitFor('Step mode has traced a step', () => panel.getAttribute('data-status'), (s) => s === 'ready', 30_000);
}

/** Clicks Next stage until stage `index` (0-based) is shown. */
async function goToStage(page: Page, index: number): Promise<void> {
  const panel = page.getByRole('region', { name: 'Step mode' });
  while (Number(await panel.getAttribute('data-stage-index')) < index) await page.getByRole('button', { name: 'Next stage' }).click();
  await waitFor(`stage ${index + 1} is shown`, () => panel.getAttribute('data-stage-index'), (s) => Number(s) === index);
}

/**
 * English words a Korean screen may keep: proper names and abbreviations, each as it is
 * written in Korean texts too. Everything else in Latin letters fails the walk.
 */
const ALLOWED_ENGLISH = new Set([
  'LayerLab', // the product
  'React', 'Flow', // React Flow's attribution link on the canvas
  'SGD', 'NAG', 'Adagrad', 'RMSprop', 'Adadelta', 'Adam', 'AdamW', 'NAdam', // optimizer names
  'ReLU', 'Tanh', 'tanh', 'ELU', 'GELU', // activation function names
  'Dense', // the layer type's name as Keras writes it, shown in brackets beside 은닉층
  'XOR', 'Xavier', 'He', 'Glorot', 'LeCun', 'Huber', // problem and initializer names
  'AMSGrad', 'Nesterov', // option names
  'Enter', 'Delete', 'Ctrl', 'Shift', 'Alt', 'Esc', 'Space', 'Tab', // key names, as printed on Korean keyboards
  'CSV', 'PNG', 'JSON', // file formats
]);

/**
 * Every visible English word on the page, with where it was found. Skipped, as data rather
 * than labels: typeset formulas (.katex), layer and project names (user text: .layer-name,
 * [data-user-text]), the trainer's host id (.trainer-badge), text marked lang="en" on
 * purpose (the glossary's English column, the language menu's "English"), and tokens with
 * digits (numbers, float32, 1e-8). Single letters (x, w, b, E) are symbols, not words.
 */
async function englishLeft(page: Page): Promise<string[]> {
  return page.evaluate((allowed) => {
    // <html lang> is the UI language itself; only elements inside it marked English are skipped.
    const SKIP = '.katex, .layer-name, [data-user-text], .trainer-badge, :not(html)[lang="en"], script, style, option';
    const found: string[] = [];
    const check = (text: string, where: Element) => {
      for (const token of text.split(/[\s()[\]{}:;,.·/|'"“”‘’!?+=×→←–—…%#@*<>]+/)) {
        if (!token || /\d/.test(token)) continue;
        for (const word of token.split(/[^A-Za-z]+/)) {
          if (word.length < 2 || allowed.includes(word)) continue;
          found.push(`${word} in "${text.trim().slice(0, 60)}" (${where.tagName.toLowerCase()}.${String(where.className).split(' ')[0]})`);
        }
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(SKIP) || !node.textContent?.trim()) continue;
      if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const rect = parent.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      check(node.textContent, parent);
    }
    // A closed select shows its chosen option only; placeholders are visible text too.
    for (const select of document.querySelectorAll('select')) {
      if (select.closest(SKIP) || !select.checkVisibility()) continue;
      const chosen = select.selectedOptions[0];
      if (chosen && !chosen.closest(':not(html)[lang="en"]')) check(chosen.textContent ?? '', select);
    }
    for (const input of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      if (input.checkVisibility() && !input.value) check(input.placeholder, input);
    }
    return [...new Set(found)];
  }, [...ALLOWED_ENGLISH]);
}

describe('classroom mode', () => {
  it('walks the 2-2-1 lesson to the weight updates and shows the notes’ values', async () => {
    const app = await e2e.open();
    const { page } = app;
    await openLesson(page, '2-2-1 worked example');
    await waitForTrace(page);
    await waitVisible(page.getByRole('region', { name: 'Lesson notes' }).or(page.locator('.lesson-notes')).first(), 'the lesson’s notes');

    // Stage 1, forward through the hidden layer: z = 0.3·1 + 0.2·1 = 0.5, h = σ(0.5).
    expect(await resultOf(page, 'z1_1')).toBe('0.5000000');
    expect(await resultOf(page, 'a1_1')).toBe('0.6224593');
    expect(await page.locator('.react-flow__node[data-id="hidden"] > *').evaluate((el) => getComputedStyle(el).boxShadow), 'the canvas highlights the hidden layer').not.toBe('none');
    await screenshot(page, '40-step-forward');

    // The arrow keys move between stages too.
    await page.getByRole('button', { name: 'Next stage' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await waitFor('the arrow keys reach the loss stage', () => page.getByRole('region', { name: 'Step mode' }).getAttribute('data-stage-index'), (s) => s === '2');
    expect(await resultOf(page, 'E')).toBe('0.1028088');
    await page.keyboard.press('ArrowLeft');
    await waitFor('← goes back', () => page.getByRole('region', { name: 'Step mode' }).getAttribute('data-stage-index'), (s) => s === '1');
    expect(await resultOf(page, 'yhat_1')).toBe('0.5465493');

    // Backward through the output: δ = (ŷ − y)·ŷ(1 − ŷ), ∂E/∂w2_11 as a product of three factors.
    await goToStage(page, 3);
    expect(await resultOf(page, 'delta2_1')).toBe('−0.1123801');
    expect(await resultOf(page, 'dw2_1_1')).toBe('−0.0699521');
    await screenshot(page, '41-step-backward');

    // The updates: output layer first, then the hidden layer.
    await goToStage(page, 5);
    expect(await resultOf(page, 'w2_1_1')).toBe('0.1006995');
    expect(await page.locator('.react-flow__node[data-id="output"] > *').evaluate((el) => getComputedStyle(el).boxShadow)).not.toBe('none');
    await screenshot(page, '42-step-update-output');
    await goToStage(page, 6);
    expect(await resultOf(page, 'w1_1_1')).toBe('0.3000264');
    await screenshot(page, '43-step-update-hidden');

    // Fewer decimals: the same engine values, rounded.
    await page.getByRole('combobox', { name: 'Decimals' }).selectOption('4');
    expect(await resultOf(page, 'w1_1_1')).toBe('0.3000');

    // The gradient check agrees with backpropagation for every weight.
    await page.getByRole('button', { name: 'Check gradients' }).click();
    const summary = page.getByTestId('gradient-check-summary');
    await waitFor('the gradient check reports', () => summary.getAttribute('data-passed'), (s) => s !== null);
    expect(await summary.getAttribute('data-passed')).toBe('true');
    expect(await page.locator('.gradient-table tbody tr').count()).toBe(6);
    await page.locator('.gradient-check').scrollIntoViewIfNeeded();
    await screenshot(page, '44-gradient-check');

    // Rewind repeats the same initial weights; another step continues from the update.
    await page.getByRole('button', { name: 'Next step' }).click();
    await waitFor('step 2 is traced', () => page.locator('.step-facts dt').innerText(), (s) => s.includes('Step 2'));
    await page.getByRole('button', { name: 'Rewind' }).click();
    await waitFor('step 1 is traced again', () => page.locator('.step-facts dt').innerText(), (s) => s.includes('Step 1'));
    await page.getByRole('combobox', { name: 'Decimals' }).selectOption('7');
    await goToStage(page, 5);
    expect(await resultOf(page, 'w2_1_1')).toBe('0.1006995');
  });

  it('races eight optimizers with one curve each', async () => {
    const app = await e2e.open();
    const { page } = app;
    await openLesson(page, 'Optimizers race');
    await page.getByRole('button', { name: 'Start race' }).click();
    const chart = page.getByRole('img', { name: 'Comparison chart' });
    await waitFor('all eight lanes have finished', () => page.locator('.lane-item[data-state="done"]').count(), (n) => n === 8, 60_000);
    await waitFor('the chart draws eight curves', () => chart.getAttribute('data-series'), (s) => s === '8');
    expect((await chart.getAttribute('data-points'))?.split(',')).toEqual(Array(8).fill('60'));
    expect(await page.locator('.compare-plot canvas').count()).toBe(1);
    expect(await page.getByRole('img', { name: 'Loss surface' }).locator('polyline').count()).toBe(8);
    await screenshot(page, '45-optimizer-race');
  });

  it('shows Step mode large and high-contrast in presentation mode', async () => {
    const app = await e2e.open();
    const { page } = app;
    await openLesson(page, '2-2-1 worked example');
    await waitForTrace(page);
    await goToStage(page, 3);
    await page.getByRole('button', { name: 'Presentation mode' }).click();
    expect(await page.locator('html').getAttribute('data-presentation')).toBe('on');
    await waitFor('the palette makes room', async () => (await page.locator('.palette').boundingBox())?.width ?? 0, (w) => w < 2);
    await screenshot(page, '46-presentation');
    await page.reload();
    await waitFor('presentation mode is remembered', () => page.locator('html').getAttribute('data-presentation'), (s) => s === 'on');
    await page.getByRole('button', { name: 'Presentation mode' }).click();
    expect(await page.locator('html').getAttribute('data-presentation')).toBeNull();
  });

  it('leaves no English word on screen in Korean, in every classroom view', async () => {
    const app = await e2e.open();
    const { page } = app;
    // The walker does see English: in English it finds the classroom's own labels.
    await page.getByRole('button', { name: 'Lessons' }).click();
    expect(await englishLeft(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^Lessons in/), expect.stringMatching(/^Glossary in/)]));
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await waitFor('the UI is in Korean', () => page.getByRole('button', { name: 'Lessons' }).innerText(), (s) => s.includes('수업'));
    const left: Record<string, string[]> = {};

    await page.getByRole('button', { name: 'Lessons' }).click();
    left['lesson list'] = await englishLeft(page);
    await screenshot(page, '47-ko-lessons');
    await page.getByRole('button', { name: '2-2-1 worked example', exact: true }).click();
    await waitForTrace(page);
    for (let stage = 0; stage < 7; stage++) {
      await goToStage(page, stage);
      left[`step stage ${stage + 1}`] = await englishLeft(page);
    }
    await page.getByRole('button', { name: 'Check gradients' }).click();
    await waitFor('the gradient check reports', () => page.getByTestId('gradient-check-summary').count(), (n) => n === 1);
    left['gradient check'] = await englishLeft(page);
    await screenshot(page, '48-ko-step');

    await page.getByRole('button', { name: 'Close panel' }).click();
    left['lesson card'] = await englishLeft(page);

    await openLesson(page, 'Optimizers race');
    await page.getByRole('button', { name: 'Start race' }).click();
    await waitFor('the race has finished', () => page.locator('.lane-item[data-state="done"]').count(), (n) => n === 8, 60_000);
    left['race'] = await englishLeft(page);
    await screenshot(page, '49-ko-race');

    await page.getByRole('button', { name: 'Glossary' }).click();
    left['glossary'] = await englishLeft(page);
    await screenshot(page, '50-ko-glossary');

    const found = Object.entries(left).filter(([, words]) => words.length > 0);
    expect(Object.fromEntries(found), 'English words left on the Korean screen').toEqual({});
  });
});
