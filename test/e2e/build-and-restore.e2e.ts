/**
 * The editor end to end, as a user: from an empty canvas build a 4-8-3 network by dragging
 * and wiring, set activations and the optimizer, train it on iris, undo a change, save,
 * reload the page, restore from autosave and see the same graph (the saved files before and
 * after are identical). Runs the browser build without the File System Access API, so open
 * and save go through file inputs and downloads.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useE2E } from './harness';
import { countEdges, countNodes, dropLayer, nodeText, runState, totalParams, waitFor, waitVisible, wire } from './helpers';

const e2e = useE2E();


/** Clicks Save and returns the downloaded file's text. */
async function saveAndRead(page: Page): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const d = await download;
  const path = await d.path();
  return { name: d.suggestedFilename(), text: await readFile(path, 'utf8') };
}

const autosavedAt = async (page: Page) => Number((await page.getByRole('status', { name: 'Autosave status' }).getAttribute('data-autosaved-at')) ?? 0);

describe('building, training, saving and restoring a network', () => {
  it('builds a 4-8-3 network on iris from an empty canvas and gets it back after a reload', async () => {
    const app = await e2e.open(await e2e.contextWithoutPickers());
    const { page } = app;
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await waitFor('the example is on the canvas', () => countNodes(page), (n) => n === 4);

    // New: an empty canvas that says what to do.
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await waitFor('the canvas is empty', () => countNodes(page), (n) => n === 0);
    await waitVisible(page.getByText(/Drag layers here/), 'the empty-canvas hint');
    await page.getByLabel('Project name').fill('Iris 4-8-3');
    await inspector.getByLabel('Data set', { exact: true }).selectOption('iris');
    await screenshot(page, '10-empty-canvas');

    await dropLayer(page, 'Input', 0.15, 0.45);
    await dropLayer(page, 'Dense', 0.45, 0.45);
    await dropLayer(page, 'Output', 0.75, 0.45);
    await waitFor('three layers are on the canvas', () => countNodes(page), (n) => n === 3);
    await wire(page, 'input-1', 'dense-1');
    await wire(page, 'dense-1', 'output-1');
    await waitFor('two connections are drawn', () => countEdges(page), (n) => n === 2);
    expect(await nodeText(page, 'input-1')).toContain('4 features');

    // The output has 1 unit but iris has 3 classes: the node says how to fix it and Train waits.
    const train = page.getByRole('button', { name: 'Train' });
    await waitVisible(page.locator('.react-flow__node[data-id="output-1"] .layer-problems'), 'the problem on the output layer');
    expect(await nodeText(page, 'output-1')).toMatch(/3 classes/);
    expect(await train.isDisabled()).toBe(true);

    // Hidden layer: 8 tanh units. Output: 3 softmax units. Loss and optimizer to match.
    await page.locator('.react-flow__node[data-id="dense-1"]').click();
    expect(await inspector.getByLabel('Units', { exact: true }).inputValue()).toBe('8');
    await inspector.getByLabel('Activation', { exact: true }).selectOption('tanh');
    await page.locator('.react-flow__node[data-id="output-1"]').click();
    await inspector.getByLabel('Units', { exact: true }).fill('3');
    await inspector.getByLabel('Activation', { exact: true }).selectOption('softmax');
    await inspector.getByLabel('Loss', { exact: true }).selectOption('categorical_crossentropy');
    await inspector.getByLabel('Optimizer', { exact: true }).selectOption('adam');
    await inspector.getByLabel('Learning rate', { exact: true }).fill('0.02');
    await inspector.getByLabel('Epochs', { exact: true }).fill('60');
    await waitFor('Train is enabled once the network is valid', () => train.isEnabled(), Boolean);
    // 4·8+8 + 8·3+3 = 67 trainable parameters.
    expect(await totalParams(page)).toBe(67);
    expect(await nodeText(page, 'dense-1')).toMatch(/Params\s*40/);
    expect(await nodeText(page, 'output-1')).toMatch(/Params\s*27/);
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await screenshot(page, '11-iris-network-wired');

    // Train at full speed on iris; the loss falls.
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('0');
    await train.click();
    await waitFor('the run finishes', () => runState(page), (s) => s === 'done', 60_000);
    const first = Number(await page.getByRole('img', { name: 'Loss chart' }).getAttribute('data-first-loss'));
    const current = Number(await page.getByLabel('Current loss').innerText());
    expect(current, `the loss after training (${current}) is lower than at the start (${first})`).toBeLessThan(first * 0.8);
    await waitFor('Export model is enabled after training', () => page.getByRole('button', { name: 'Export model' }).isEnabled(), Boolean);
    await screenshot(page, '12-iris-trained');

    // Undo a change: 16 units, then Undo brings back 8 units and 67 parameters.
    await page.locator('.react-flow__node[data-id="dense-1"]').click();
    await inspector.getByLabel('Units', { exact: true }).fill('16');
    await waitFor('the layer shows 16 units', () => totalParams(page), (n) => n === 4 * 16 + 16 + 16 * 3 + 3);
    await page.getByRole('button', { name: 'Undo' }).click();
    await waitFor('undo restores 67 parameters', () => totalParams(page), (n) => n === 67);
    expect(await inspector.getByLabel('Units', { exact: true }).inputValue()).toBe('8');

    // Save (a download in this browser): the file is a valid project with the network.
    await waitVisible(page.getByTestId('dirty-marker'), 'the unsaved-changes marker');
    const saved = await saveAndRead(page);
    expect(saved.name).toBe('iris-4-8-3.layerlab.json');
    const project = JSON.parse(saved.text);
    expect(project).toMatchObject({ format: 'layerlab-project', name: 'Iris 4-8-3', dataset: { name: 'iris' } });
    expect(project.graph.nodes.map((n: { type: string }) => n.type)).toEqual(['input', 'dense', 'output']);
    await waitFor('the unsaved-changes marker goes away', () => page.getByTestId('dirty-marker').count(), (n) => n === 0);

    // Autosave has the latest state (written within a few seconds of the last change).
    const savedAt = Date.now();
    await waitFor('autosave writes after the last change', () => autosavedAt(page), (t) => t >= savedAt - 5_000, 10_000);
    await page.waitForTimeout(3_500);

    // Reload: the app offers the autosaved project; restoring shows the same graph.
    await page.reload();
    await waitVisible(page.getByRole('button', { name: 'Restore', exact: true }), 'the offer to restore the last session');
    await screenshot(page, '13-restore-offer');
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await waitFor('the restored network is on the canvas', () => countNodes(page), (n) => n === 3);
    expect(await countEdges(page)).toBe(2);
    expect(await totalParams(page)).toBe(67);
    expect(await page.getByLabel('Project name').inputValue()).toBe('Iris 4-8-3');
    expect(await nodeText(page, 'dense-1')).toMatch(/Units\s*8\s*·\s*Tanh/);
    expect(await nodeText(page, 'output-1')).toMatch(/Units\s*3\s*·\s*Softmax/);
    await page.getByRole('button', { name: 'Fit view' }).click();
    await screenshot(page, '14-restored');
    const again = await saveAndRead(page);
    expect(again.text, 'the restored project saves to exactly the same file').toBe(saved.text);
  });
});
