/**
 * The editor's keyboard and clipboard (copy, paste, duplicate, select all, delete, undo and
 * redo, arrow keys, arrange, help), files that must not replace the open project (broken,
 * newer, or refused by the user), and the trained model's export and re-import.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useE2E } from './harness';
import { countNodes, runState, waitFor, waitVisible } from './helpers';

const e2e = useE2E();

async function contextWithoutPickers(): Promise<BrowserContext> {
  const context = await e2e.contextWithoutPickers();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return context;
}

/** Answers the next file input with `text` named `name`, after `open` asks for a file. */
async function chooseFile(page: Page, open: () => Promise<void>, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await open();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const position = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((el) => (el as HTMLElement).style.transform);

describe('keyboard and clipboard', () => {
  it('copies, pastes, duplicates, deletes, moves, arranges and undoes from the keyboard', async () => {
    const app = await e2e.open(await contextWithoutPickers());
    const { page } = app;
    await waitFor('the example is on the canvas', () => countNodes(page), (n) => n === 4);

    await page.locator('.react-flow__node[data-id="hidden1"]').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await waitFor('Ctrl+V pastes a copy of Hidden 1', () => countNodes(page), (n) => n === 5);
    expect(await page.locator('.react-flow__node[data-id="dense-1"]').innerText()).toContain('Hidden 3');
    await page.keyboard.press('Control+d');
    await waitFor('Ctrl+D duplicates the pasted layer', () => countNodes(page), (n) => n === 6);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await waitFor('two undos remove both copies', () => countNodes(page), (n) => n === 4);
    await page.keyboard.press('Control+Shift+z');
    await waitFor('Ctrl+Shift+Z redoes the paste', () => countNodes(page), (n) => n === 5);
    await page.keyboard.press('Control+y');
    await waitFor('Ctrl+Y redoes the duplicate', () => countNodes(page), (n) => n === 6);

    // Shift+click adds to the selection.
    await page.locator('.react-flow__node[data-id="hidden1"]').click();
    await page.locator('.react-flow__node[data-id="hidden2"]').click({ modifiers: ['Shift'] });
    await waitVisible(page.getByText('2 items selected. Select one layer to edit it.'), 'the inspector counting two selected layers');

    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await waitFor('Ctrl+A then Delete empties the canvas', () => countNodes(page), (n) => n === 0);
    await page.keyboard.press('Control+z');
    await waitFor('undo brings every layer back', () => countNodes(page), (n) => n === 6);

    // Arrow keys move the selected layer; the presses in a row are one undo step.
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.locator('.react-flow__node[data-id="hidden2"]').click();
    const before = await position(page, 'hidden2');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await waitFor('arrow keys move the layer', () => position(page, 'hidden2'), (p) => p !== before);
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+z');
    await waitFor('one undo puts it back', () => position(page, 'hidden2'), (p) => p === before);

    // Arrange lays the copies out in columns; undo restores the old layout.
    const copyBefore = await position(page, 'dense-2');
    await page.getByRole('button', { name: 'Arrange' }).click();
    await waitFor('Arrange moves the layers', () => position(page, 'dense-2'), (p) => p !== copyBefore);
    await page.waitForTimeout(400); // the view glides to fit the new layout
    await screenshot(page, '15-arranged');
    await page.keyboard.press('Control+z');
    await waitFor('undo restores the layout', () => position(page, 'dense-2'), (p) => p === copyBefore);

    // F1 lists the shortcuts; Escape closes the list.
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await waitVisible(help, 'the keyboard shortcuts dialog');
    expect(await help.innerText()).toMatch(/Duplicate layers\s*Ctrl\+D/);
    await screenshot(page, '16-shortcuts');
    await page.keyboard.press('Escape');
    await waitFor('Escape closes the dialog', () => help.isVisible(), (v) => !v);

    // The File menu works from the keyboard.
    await page.getByRole('button', { name: 'File', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await waitFor('the first menu item has focus', () => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), (n) => n === 'New project');
    await page.keyboard.press('ArrowDown');
    await screenshot(page, '17-file-menu');
    await page.keyboard.press('Escape');
    await waitFor('Escape closes the menu', () => page.getByRole('menu').count(), (n) => n === 0);
  });
});

describe('files', () => {
  it('refuses broken and newer files without touching the open project, and asks before dropping changes', async () => {
    const app = await e2e.open(await contextWithoutPickers());
    const { page } = app;
    await waitFor('the example is on the canvas', () => countNodes(page), (n) => n === 4);
    const open = () => page.getByRole('button', { name: 'Open', exact: true }).click();

    await chooseFile(page, open, 'broken.layerlab.json', '{"format":"layerlab-project","version":1,"graph":');
    await waitVisible(page.getByText(/Could not open the project: broken\.layerlab\.json: The file is not valid JSON/), 'the reason the file was refused');
    await chooseFile(page, open, 'future.layerlab.json', '{"format":"layerlab-project","version":99}');
    await waitVisible(page.getByText(/future\.layerlab\.json: This project was saved by a newer LayerLab/), 'the newer-version message');
    expect(await countNodes(page)).toBe(4);
    expect(await page.getByLabel('Project name').inputValue()).toBe('Two spirals');

    // With unsaved changes, Open asks first; Cancel keeps everything.
    await page.locator('.react-flow__node[data-id="hidden1"]').click();
    await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Units', { exact: true }).fill('5');
    await open();
    const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    await waitVisible(dialog, 'the discard-changes question');
    await screenshot(page, '18-discard-prompt');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('.react-flow__node[data-id="hidden1"]').innerText()).toMatch(/Units\s*5/);

    // Discard, then open a valid file.
    const chooser = page.waitForEvent('filechooser');
    await open();
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    const project = {
      format: 'layerlab-project',
      version: 1,
      name: 'Tiny',
      graph: {
        nodes: [
          { id: 'in', type: 'input', position: { x: 0, y: 0 }, data: { name: 'In' } },
          { id: 'out', type: 'output', position: { x: 260, y: 0 }, data: { name: 'Out', units: 1, activation: 'sigmoid' } },
        ],
        edges: [{ id: 'e-in-out', source: 'in', target: 'out' }],
      },
      dataset: { type: 'builtin', name: 'xor' },
      training: { loss: 'binary_crossentropy' },
    };
    await (await chooser).setFiles({ name: 'tiny.layerlab.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(project)) });
    await waitFor('the opened project replaces the example', () => countNodes(page), (n) => n === 2);
    expect(await page.getByLabel('Project name').inputValue()).toBe('Tiny');
  });

  it('exports the trained model and imports it to continue training', async () => {
    const app = await e2e.open(await contextWithoutPickers());
    const { page } = app;
    await waitFor('the example is on the canvas', () => countNodes(page), (n) => n === 4);
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('0');
    await page.getByRole('button', { name: 'Train' }).click();
    await waitFor('the run finishes', () => runState(page), (s) => s === 'done', 60_000);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export model' }).click();
    const file = await download;
    const text = await readFile(await file.path(), 'utf8');
    const model = JSON.parse(text);
    expect(file.suggestedFilename()).toBe('two-spirals.layerlab-model.json');
    expect(model).toMatchObject({ format: 'layerlab-model', input: { features: 2 }, output: { task: 'classification' } });
    expect(model.layers.map((l: { type: string; units: number }) => `${l.type}:${l.units}`)).toEqual(['dense:8', 'dense:8', 'dense:1']);

    await page.getByRole('button', { name: 'File', exact: true }).click();
    await chooseFile(page, () => page.getByRole('menuitem', { name: 'Import model' }).click(), 'spirals.layerlab-model.json', text);
    await waitVisible(page.getByText(/Imported spirals\.layerlab-model\.json/), 'the import message');
    expect(await countNodes(page)).toBe(4);
    await page.locator('.react-flow__node[data-id="dense-1"]').click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    expect(await inspector.getByRole('combobox', { name: 'Weight initializer' }).inputValue()).toBe('manual');
    const cell = inspector.getByLabel('Weight initializer row 1 column 1', { exact: true });
    // The cell shows the value rounded; its full value is its title (and its text while focused).
    expect(Number(await cell.getAttribute('title'))).toBe(model.layers[0].weights[0][0]);
    await cell.focus();
    expect(Number(await cell.inputValue())).toBe(model.layers[0].weights[0][0]);
    await screenshot(page, '19-imported-model');

    // Continue training from the imported weights: the first loss is already low.
    await page.getByRole('button', { name: 'Train' }).click();
    await waitFor('the continued run finishes', () => runState(page), (s) => s === 'done', 60_000);
    const first = Number(await page.getByRole('img', { name: 'Loss chart' }).getAttribute('data-first-loss'));
    expect(first, 'training continues from trained weights (binary cross-entropy well below ln 2)').toBeLessThan(0.4);
  });
});
