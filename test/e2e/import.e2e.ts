/**
 * The CSV import as a user does it: iris through the dialog's file input, the species as
 * target, a 4-8-3 softmax network trained to at least 90 % validation accuracy (read from
 * the confusion matrix); a broken file names its row and column and changes nothing; a
 * 100,000 × 50 file is read and imported in the worker with a progress bar while the page
 * keeps answering; a dropped CSV opens the dialog; and the dialog reads in Korean, a broken
 * file's error included.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, screenshot, useE2E } from './harness';
import { countEdges, countNodes, nodeText, runState, stepShown, waitFor, waitVisible, wire } from './helpers';

const e2e = useE2E();
const IRIS_PATH = join(ROOT, 'data/iris.csv');

/** Opens the dialog from the data set section and gives it `path` through its file input. */
async function importFile(page: Page, path: string): Promise<void> {
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import data' });
  await waitVisible(dialog, 'the import dialog');
  await dialog.getByLabel('Data file').setInputFiles(path);
}

/** Writes `text` to test-output/e2e-data/`name` (folders made as needed) and returns its path. */
function writeDataFile(name: string, text: string): string {
  const path = join(ROOT, 'test-output/e2e-data', name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** Iris with the petal_width of spreadsheet row 17 replaced by 'abc', written as `name`. */
function writeBrokenIris(irisText: string, name: string): string {
  const lines = irisText.split('\n');
  lines[16] = lines[16].replace(/,[^,]+,(\w+)(\r?)$/, ',abc,$1$2');
  return writeDataFile(name, lines.join('\n'));
}

const progressFraction = async (page: Page) => Number((await page.getByRole('progressbar', { name: 'Import progress' }).getAttribute('data-fraction')) ?? NaN);

/** Writes a 100,000-row × 50-column CSV (49 numbers and a two-class label) and returns its path. */
function writeLargeCsv(): string {
  const header = [...Array.from({ length: 49 }, (_, j) => `f${j + 1}`), 'label'].join(',');
  const lines = [header];
  for (let i = 0; i < 100_000; i++) {
    const row: string[] = [];
    let sum = 0;
    for (let j = 0; j < 49; j++) {
      const v = ((i * 31 + j * 17) % 997) / 100 - 5; // deterministic, −5 … 4.96
      sum += v;
      row.push(v.toFixed(2));
    }
    row.push(sum > 0 ? 'up' : 'down');
    lines.push(row.join(','));
  }
  return writeDataFile('large-100k-x-50.csv', `${lines.join('\n')}\n`);
}

describe('CSV import', () => {
  it('imports iris, trains a 4-8-3 network on it to at least 90 % validation accuracy', async () => {
    const { page } = await e2e.open(await e2e.contextWithoutPickers());
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await waitFor('the example is on the canvas', () => countNodes(page), (n) => n === 4);

    await importFile(page, IRIS_PATH);
    const dialog = page.getByRole('dialog', { name: 'Import data' });
    const preview = dialog.getByRole('table', { name: 'Data preview' });
    await waitVisible(preview, 'the preview table');
    expect(await dialog.getByTestId('import-file-name').innerText()).toBe('iris.csv');
    expect(await preview.locator('thead th').allInnerTexts()).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species']);
    expect(await preview.locator('tbody tr').first().locator('td').allInnerTexts()).toEqual(['5.1', '3.5', '1.4', '0.2', 'setosa']);
    expect(await dialog.getByRole('combobox', { name: 'Delimiter' }).inputValue()).toBe(',');
    expect(await dialog.getByRole('checkbox', { name: 'First row is a header' }).isChecked()).toBe(true);
    expect(await dialog.getByText('150 rows, 5 columns').count()).toBe(1);
    expect(await dialog.getByRole('combobox', { name: 'Target column' }).inputValue()).toBe('species');
    expect(await dialog.getByRole('combobox', { name: 'Task' }).inputValue()).toBe('classification');
    expect(await dialog.getByRole('combobox', { name: 'Type of petal_width' }).inputValue()).toBe('number');
    expect(await dialog.getByRole('combobox', { name: 'Type of species' }).inputValue()).toBe('category');
    for (const f of ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']) {
      expect(await dialog.getByRole('checkbox', { name: `Use ${f} as a feature` }).isChecked(), f).toBe(true);
    }
    expect(await dialog.getByRole('textbox', { name: 'Data set name' }).inputValue()).toBe('iris');
    await screenshot(page, '90-import-dialog-preview');

    // The species is already the target (the engine's suggestion); choose it explicitly anyway.
    await dialog.getByRole('combobox', { name: 'Target column' }).selectOption('species');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await waitFor('the dialog closes after the import', () => dialog.isVisible(), (v) => !v);
    await waitVisible(page.getByText(/^Imported iris: 150 rows, 4 inputs, 3 classes\./), 'the import notice');
    expect(await nodeText(page, 'input')).toContain('4 features');
    // One undo step: Undo brings back the spirals, Redo the import.
    await page.getByRole('button', { name: 'Undo' }).click();
    await waitFor('undo restores the spirals', () => nodeText(page, 'input'), (t) => t.includes('2 features'));
    expect(await inspector.getByLabel('Data set', { exact: true }).inputValue()).toBe('spiral');
    await page.getByRole('button', { name: 'Redo' }).click();
    await waitFor('redo brings the import back', () => nodeText(page, 'input'), (t) => t.includes('4 features'));

    // The example's output (1 sigmoid unit, binary cross-entropy) does not fit 3 classes: one
    // click fits it (3 softmax units, categorical cross-entropy), as one undo step.
    const fit = page.getByRole('button', { name: 'Fit output to data' });
    await waitVisible(fit, 'the offer to fit the output to the data');
    await fit.click();
    await waitFor('the fit button goes once the output fits', () => fit.isVisible(), (v) => !v);
    // Then make it 4-8-3.
    await page.locator('.react-flow__node[data-id="hidden2"]').click();
    await page.keyboard.press('Delete');
    await waitFor('the second hidden layer is gone', () => countNodes(page), (n) => n === 3);
    await wire(page, 'hidden1', 'output');
    await waitFor('two connections', () => countEdges(page), (n) => n === 2);
    await page.locator('.react-flow__node[data-id="output"]').click();
    expect(await inspector.getByLabel('Units', { exact: true }).inputValue()).toBe('3');
    expect(await inspector.getByLabel('Activation', { exact: true }).inputValue()).toBe('softmax');
    expect(await inspector.getByLabel('Loss', { exact: true }).inputValue()).toBe('categorical_crossentropy');
    await inspector.getByLabel('Learning rate', { exact: true }).fill('0.02');
    await inspector.getByLabel('Epochs', { exact: true }).fill('150');
    const train = page.getByRole('button', { name: 'Train' });
    await waitFor('Train is enabled once the network fits the data', () => train.isEnabled(), Boolean);
    expect(await page.getByTestId('total-params').innerText(), '4·8+8 + 8·3+3 = 67').toBe('67');

    await page.getByRole('button', { name: 'Confusion matrix', exact: true }).click();
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('0');
    await train.click();
    await waitFor('the run finishes', () => runState(page), (s) => s === 'done', 90_000);
    const table = page.getByRole('table', { name: 'Confusion matrix' });
    await waitVisible(table, 'the validation confusion matrix');
    // Accuracy from the cells (correct = diagonal), and as the panel states it.
    const counts = await table.getByRole('button').evaluateAll((cells) =>
      cells.map((c) => {
        const m = /^True (.+), predicted (.+): (\d+) samples$/.exec(c.getAttribute('aria-label') ?? '');
        return m ? { correct: m[1] === m[2], count: Number(m[3]) } : null;
      }),
    );
    expect(counts.every((c) => c !== null), 'every cell names its classes and count').toBe(true);
    expect(counts).toHaveLength(9);
    const total = counts.reduce((a, c) => a + (c?.count ?? 0), 0);
    const correct = counts.reduce((a, c) => a + (c?.correct ? c.count : 0), 0);
    expect(total, '20 % of 150 samples are held out for validation').toBe(30);
    const stated = await page.getByRole('region', { name: 'Confusion matrix' }).getByText(/^Accuracy \d+\.\d %$/).innerText();
    expect(Number(/([\d.]+)/.exec(stated)?.[1])).toBeCloseTo((100 * correct) / total, 1);
    expect(correct / total, `validation accuracy ${correct}/${total}`).toBeGreaterThanOrEqual(0.9);
    await screenshot(page, '91-import-iris-trained');

    // The saved project holds the small set inline.
    const saved = await (async () => {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      return JSON.parse(await readFile(await (await download).path(), 'utf8'));
    })();
    expect(saved.dataset).toMatchObject({ type: 'inline', name: 'iris', task: 'classification', classLabels: ['setosa', 'versicolor', 'virginica'] });
    expect(saved.dataset.x).toHaveLength(150);
  });

  it('shows the row and column of a bad cell and leaves the project as it was', async () => {
    const { page } = await e2e.open(await e2e.contextWithoutPickers());
    await waitFor('the example is on the canvas', () => countNodes(page), (n) => n === 4);
    const broken = writeBrokenIris(await readFile(IRIS_PATH, 'utf8'), 'iris-broken.csv');

    await importFile(page, broken);
    const dialog = page.getByRole('dialog', { name: 'Import data' });
    await waitVisible(dialog.getByRole('table', { name: 'Data preview' }), 'the preview');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await waitVisible(alert, 'the error');
    expect(await alert.innerText()).toBe("row 17, column petal_width: 'abc' is not a number.");
    await screenshot(page, '92-import-error');

    await dialog.getByRole('button', { name: 'Cancel import' }).click();
    await waitFor('the dialog closes', () => dialog.isVisible(), (v) => !v);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    expect(await inspector.getByLabel('Data set', { exact: true }).inputValue(), 'still the spirals').toBe('spiral');
    expect(await nodeText(page, 'input')).toContain('2 features');
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled(), 'nothing entered the history').toBe(true);
    expect(await page.getByTestId('dirty-marker').count(), 'no unsaved change').toBe(0);
  });

  it('imports a 100,000 × 50 CSV in the worker with a progress bar while the page answers', async () => {
    const path = writeLargeCsv();
    const { page } = await e2e.open(await e2e.contextWithoutPickers());
    await waitFor('the example is on the canvas', () => countNodes(page), (n) => n === 4);
    await importFile(page, path);
    const dialog = page.getByRole('dialog', { name: 'Import data' });
    const name = dialog.getByRole('textbox', { name: 'Data set name' });
    await waitFor('reading has started', () => progressFraction(page), (f) => f > 0 && f < 1, 60_000);
    // While the worker reads, the page handles input: a click and typing in the name field.
    await name.click();
    await name.fill('large set');
    const during = await progressFraction(page);
    expect(await name.inputValue()).toBe('large set');
    expect(during, 'the input was handled before reading finished').toBeLessThan(1);
    await waitVisible(dialog.getByRole('table', { name: 'Data preview' }), 'the preview of the large file', 120_000);
    expect(await progressFraction(page), 'reading reached completion').toBe(1);
    expect(await dialog.getByText('100,000 rows, 50 columns').count()).toBe(1);
    expect(await dialog.getByRole('combobox', { name: 'Target column' }).inputValue()).toBe('label');
    await screenshot(page, '93-import-large-read');

    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await waitFor('the import finishes', () => dialog.isVisible(), (v) => !v, 180_000);
    await waitVisible(page.getByText(/^Imported large set: 100,000 rows, 49 inputs, 2 classes\./), 'the import notice');
    expect(await page.getByText(/refers to the file large-100k-x-50\.csv/).count()).toBe(1);
    expect(await nodeText(page, 'input')).toContain('49 features');
    await screenshot(page, '94-import-large-done');
    // The trainer gets the file's text with the run: one step trains on it.
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await waitFor('one step is taken on the file-backed set', () => stepShown(page), (s) => s === 1, 120_000);
  });

  it('asks for the data file of a reopened file-backed project and checks it', async () => {
    // 70,000 × (3 inputs + 1 target) = 280,000 numbers: over the inline limit, so file-backed.
    const rows = ['a,b,c,label'];
    for (let i = 0; i < 70_000; i++) rows.push(`${i % 7},${i % 11},${i % 13},${(i % 7) + (i % 11) > 8 ? 'high' : 'low'}`);
    const dataPath = writeDataFile('medium.csv', `${rows.join('\n')}\n`);
    const changedPath = writeDataFile('changed/medium.csv', `${rows.slice(0, -1).join('\n')}\n`);

    const { page } = await e2e.open(await e2e.contextWithoutPickers());
    await waitFor('the example is on the canvas', () => countNodes(page), (n) => n === 4);
    await importFile(page, dataPath);
    const dialog = page.getByRole('dialog', { name: 'Import data' });
    await waitVisible(dialog.getByRole('table', { name: 'Data preview' }), 'the preview');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await waitVisible(page.getByText(/refers to the file medium\.csv/), 'the file-backed import notice');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const projectPath = await (await download).path();
    expect(JSON.parse(await readFile(projectPath, 'utf8')).dataset).toMatchObject({ type: 'file', path: 'medium.csv', rows: 70_000 });

    // A new page (a new session) opens the saved project: the data file has to be located.
    await page.reload();
    await waitFor('the page is back', () => countNodes(page), (n) => n === 4);
    const opener = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await (await opener).setFiles(projectPath);
    await waitVisible(page.getByText(/keeps its data in medium\.csv, which LayerLab has not read in this session/), 'the missing-file notice');
    const locate = page.getByRole('button', { name: 'Locate data file…' });
    await waitVisible(locate, 'the locate button');

    // Another file of the same name is refused by its hash; the right one is accepted.
    let chooser = page.waitForEvent('filechooser');
    await locate.click();
    await (await chooser).setFiles(changedPath);
    await waitVisible(page.getByText(/^That file cannot be used: medium\.csv has changed since the project was saved/), 'the changed-file message');
    chooser = page.waitForEvent('filechooser');
    await locate.click();
    await (await chooser).setFiles(dataPath);
    await waitVisible(page.getByText(/^medium\.csv is the project’s data file \(checked\)/), 'the located notice');
    await waitFor('the locate button goes away', () => locate.count(), (n) => n === 0);
    await screenshot(page, '96-import-located');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await waitFor('one step is taken on the located file', () => stepShown(page), (s) => s === 1, 60_000);
  });

  it('opens the dialog with a dropped CSV, and reads in Korean', async () => {
    const context = await e2e.contextWithoutPickers();
    await context.addInitScript(() => localStorage.setItem('layerlab.language', 'ko'));
    const { page } = await e2e.open(context);
    await waitFor('the example is on the canvas', () => countNodes(page), (n) => n === 4);
    const text = await readFile(IRIS_PATH, 'utf8');
    await page.evaluate((csv) => {
      const data = new DataTransfer();
      data.items.add(new File([csv], 'dropped-iris.csv', { type: 'text/csv' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
    }, text);
    const dialog = page.getByRole('dialog', { name: 'Import data' });
    await waitVisible(dialog.getByRole('table', { name: 'Data preview' }), 'the preview of the dropped file');
    expect(await dialog.getByRole('heading').innerText()).toBe('데이터 가져오기');
    expect(await dialog.getByText('150개 행, 5개 열').count()).toBe(1);
    expect(await dialog.getByRole('textbox', { name: 'Data set name' }).inputValue()).toBe('dropped-iris');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await waitVisible(page.getByText(/^dropped-iris 가져옴: 150개 행, 입력 4개, 클래스 3개\./), 'the Korean import notice');

    // The File menu offers the import too.
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Import CSV…' }).click();
    await waitVisible(dialog, 'the dialog from the File menu');
    await screenshot(page, '95-import-korean');

    // A broken file: the engine's error, said in Korean with its row, column and cell.
    const broken = writeBrokenIris(text, 'iris-broken-ko.csv');
    await dialog.getByLabel('Data file').setInputFiles(broken);
    await waitFor('the broken file is read', () => dialog.getByTestId('import-file-name').innerText(), (s) => s === 'iris-broken-ko.csv');
    await waitVisible(dialog.getByRole('table', { name: 'Data preview' }), 'the preview of the broken file');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await waitVisible(alert, 'the Korean error');
    expect(await alert.innerText()).toBe("17행, petal_width 열: 'abc'은(는) 숫자가 아닙니다.");
    await screenshot(page, '95-import-error-korean');
    await dialog.getByRole('button', { name: 'Cancel import' }).click();
    await waitFor('the dialog closes', () => dialog.isVisible(), (v) => !v);
  });
});
