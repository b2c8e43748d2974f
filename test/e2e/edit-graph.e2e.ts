/**
 * Editing the network as a user does: drag a layer from the palette onto the canvas, wire it
 * by dragging from one handle to another, add a layer from the keyboard and delete it.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, useE2E } from './harness';
import { centerOf, countEdges, countNodes, waitFor, waitVisible } from './helpers';

const e2e = useE2E();

describe('editing the graph', () => {
  it('adds a layer by dragging it from the palette and wires it to the network', async () => {
    const app = await e2e.open();
    const { page } = app;
    await waitFor('the example is on the canvas', () => countNodes(page), (n) => n === 4);

    // Real mouse drag and drop (HTML5 DnD) from the palette to an empty part of the canvas.
    const pane = page.locator('.react-flow__pane');
    const paneBox = await pane.boundingBox();
    if (!paneBox) throw new Error('The canvas pane is not on screen.');
    await page.getByRole('button', { name: 'Dense' }).dragTo(pane, {
      targetPosition: { x: paneBox.width * 0.55, y: paneBox.height * 0.8 },
    });
    await waitFor('the dropped Dense layer appears on the canvas', () => countNodes(page), (n) => n === 5);
    const added = page.locator('.react-flow__node[data-id="dense-1"]');
    await waitVisible(added, 'the new layer "dense-1"');
    expect(await added.innerText()).toContain('Dense 3');

    // Wire Hidden 2's output handle to the new layer's input handle.
    const from = await centerOf(page.locator('.react-flow__node[data-id="hidden2"] .react-flow__handle.source'), "Hidden 2's output handle");
    const to = await centerOf(added.locator('.react-flow__handle.target'), "the new layer's input handle");
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await page.mouse.move(to.x, to.y, { steps: 10 });
    await page.mouse.up();
    await waitFor('a 4th connection is drawn', () => countEdges(page), (n) => n === 4);

    // Hidden 2 now branches, which the compiler refuses: Train is disabled and says why.
    const train = page.getByRole('button', { name: 'Train' });
    await waitFor('Train is disabled while the graph is invalid', () => train.isDisabled(), Boolean);
    await waitVisible(page.getByText(/Cannot train:/), 'the reason Train is disabled');
    await waitVisible(page.locator('.react-flow__node[data-id="hidden2"] .layer-problems'), 'the problem shown on Hidden 2');
    await screenshot(page, '04-dragged-and-wired');

    // Undo the connection, then the new layer: the graph is the valid example again.
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+z');
    await waitFor('undo removes the connection', () => countEdges(page), (n) => n === 3);
    await page.keyboard.press('Control+z');
    await waitFor('a second undo removes the dropped layer', () => countNodes(page), (n) => n === 4);
    await waitFor('Train is enabled again', () => train.isEnabled(), Boolean);
  });

  it('adds a layer with the keyboard and deletes it with the Delete key', async () => {
    const app = await e2e.open();
    const { page } = app;
    await waitFor('the example is on the canvas', () => countNodes(page), (n) => n === 4);
    await page.getByRole('button', { name: 'Dropout' }).focus();
    await page.keyboard.press('Enter');
    await waitFor('Enter on "Dropout" adds a layer', () => countNodes(page), (n) => n === 5);
    const dropout = page.locator('.react-flow__node[data-id="dropout-1"]');
    await waitVisible(dropout, 'the new Dropout layer');
    // The new layer is selected, so the inspector shows it.
    await waitVisible(page.getByLabel('Dropout rate'), 'the inspector for the new layer');
    await page.keyboard.press('Delete');
    await waitFor('Delete removes the selected layer', () => countNodes(page), (n) => n === 4);
  });
});
