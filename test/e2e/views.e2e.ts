/**
 * Watch it learn, end to end in Chromium: training the two-spirals example changes the
 * network view's weights, the gradient chart, the loss chart and the decision boundary
 * between two screenshots; Step advances exactly one batch and Step epoch to the end of the
 * epoch; a deep sigmoid network shows a far smaller first-layer gradient than the same
 * network with ReLU (and the vanishing-gradient badge); panels enlarge, hide and show; a
 * live learning-rate change is marked on the loss chart; the history slider scrubs back.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useE2E } from './harness';
import { chartPoints, openProjectFile, runState, stepShown, waitFor, waitVisible } from './helpers';

const e2e = useE2E();

const network = (page: Page) => page.getByRole('img', { name: 'Network view' });
const gradients = (page: Page) => page.getByRole('img', { name: 'Gradient norms' });
const boundary = (page: Page) => page.getByRole('img', { name: 'Decision boundary' });
const lossChart = (page: Page) => page.getByRole('img', { name: 'Loss chart' });
const data = async (locator: Locator, name: string) => (await locator.getAttribute(`data-${name}`)) ?? '';

/** What the four live views show now: their pixels and the values they expose. */
async function capture(page: Page) {
  return {
    network: { png: await network(page).screenshot(), weightSum: await data(network(page), 'weight-sum'), step: await data(network(page), 'step') },
    gradients: { png: await gradients(page).screenshot(), points: Number(await data(gradients(page), 'points')) },
    loss: { png: await lossChart(page).screenshot(), points: await chartPoints(page) },
    boundary: { png: await boundary(page).screenshot(), outputSum: await data(boundary(page), 'output-sum'), step: await data(boundary(page), 'step') },
  };
}


/** Spirals, 2 → `depth` dense layers of 8 units with `activation` → 1 sigmoid; everything else the defaults. */
function deepProject(activation: 'sigmoid' | 'relu', depth: number): object {
  const hidden = Array.from({ length: depth }, (_, k) => ({
    id: `h${k + 1}`,
    type: 'dense',
    position: { x: 200 + k * 170, y: 80 },
    data: { name: `H${k + 1}`, units: 8, activation },
  }));
  const nodes = [
    { id: 'in', type: 'input', position: { x: 0, y: 80 }, data: { name: 'In' } },
    ...hidden,
    { id: 'out', type: 'output', position: { x: 200 + depth * 170, y: 80 }, data: { name: 'Out', units: 1, activation: 'sigmoid' } },
  ];
  const edges = nodes.slice(1).map((n, k) => ({ id: `e-${nodes[k].id}-${n.id}`, source: nodes[k].id, target: n.id }));
  return {
    format: 'layerlab-project',
    version: 1,
    name: `Deep ${activation}`,
    graph: { nodes, edges },
    dataset: { type: 'builtin', name: 'spiral' },
    training: { loss: 'binary_crossentropy', epochs: 100 },
  };
}

async function openProject(page: Page, project: object, name: string): Promise<void> {
  await openProjectFile(page, project, name);
  await waitFor(`the project "${name}" is open`, () => page.getByLabel('Project name').inputValue(), (v) => v.startsWith('Deep'));
}

/** Opens `project`, takes one step, and returns the first and last layers' gradient norms shown. */
async function firstStepGradients(page: Page, project: object, name: string) {
  await openProject(page, project, name);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await waitFor('the gradient view shows step 1', () => data(gradients(page), 'step'), (s) => s === '1');
  return { first: Number(await data(gradients(page), 'first-layer-grad')), last: Number(await data(gradients(page), 'last-layer-grad')) };
}

describe('watching the network learn', () => {
  it('changes the weights, gradients, loss and decision boundary while the spirals train', async () => {
    const app = await e2e.open();
    const { page } = app;
    for (const name of ['Network view', 'Gradients', 'Decision boundary', 'Loss and accuracy']) {
      expect(await page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed'), `the ${name} panel is open by default`).toBe('true');
    }
    await page.getByRole('button', { name: 'Train' }).click();
    await waitFor('the decision boundary is drawn', () => data(boundary(page), 'step'), (s) => Number(s) > 0);
    await waitFor('the gradient chart has a few points', () => data(gradients(page), 'points'), (n) => Number(n) >= 3);
    const before = await capture(page);
    await screenshot(page, '30-views-training-early');
    // Let the run go on for a while (100 steps/s by default).
    await waitFor('the run trains 150 more steps', () => stepShown(page), (s) => s >= Number(before.network.step) + 150);
    await waitFor('the boundary view catches up', () => data(boundary(page), 'step'), (s) => Number(s) >= Number(before.boundary.step) + 150);
    const after = await capture(page);
    await screenshot(page, '31-views-training-later');

    expect(after.network.weightSum, 'the weights moved').not.toBe(before.network.weightSum);
    expect(after.network.png.equals(before.network.png), 'the network view was redrawn with the new weights').toBe(false);
    expect(after.gradients.points).toBeGreaterThan(before.gradients.points);
    expect(after.gradients.png.equals(before.gradients.png), 'the gradient chart grew').toBe(false);
    expect(after.loss.points).toBeGreaterThan(before.loss.points);
    expect(after.loss.png.equals(before.loss.png), 'the loss chart grew').toBe(false);
    expect(after.boundary.outputSum, 'the network’s outputs over the plane changed').not.toBe(before.boundary.outputSum);
    expect(after.boundary.png.equals(before.boundary.png), 'the decision boundary heatmap changed').toBe(false);
    expect(await data(boundary(page), 'kind')).toBe('plane');
    expect(await data(boundary(page), 'projection')).toBe('inputs');

    // Pause: the views show the weights of the paused step.
    await page.getByRole('button', { name: 'Pause' }).click();
    await waitFor('the run pauses', () => runState(page), (s) => s === 'paused');
    const paused = await stepShown(page);
    await waitFor('the network view shows the paused step', () => data(network(page), 'step'), (s) => Number(s) === paused);
    await page.getByRole('button', { name: 'Stop' }).click();
  });

  it('steps exactly one batch, then to the end of the epoch', async () => {
    const app = await e2e.open();
    const { page } = app;
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await waitFor('one step is shown', () => stepShown(page), (s) => s === 1);
    await waitFor('the network view shows step 1', () => data(network(page), 'step'), (s) => s === '1');
    expect(await chartPoints(page), 'exactly one loss point').toBe(1);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await waitFor('a second step is shown', () => stepShown(page), (s) => s === 2);
    await page.waitForTimeout(300);
    expect(await stepShown(page), 'Step takes one batch and stops').toBe(2);
    expect(await runState(page)).toBe('paused');
    // The example: 400 samples, 20 % held out, batches of 16 → 20 steps per epoch.
    await page.getByRole('button', { name: 'Step epoch' }).click();
    await waitFor('Step epoch trains to the end of the first epoch', () => stepShown(page), (s) => s === 20);
    await page.waitForTimeout(300);
    expect(await stepShown(page)).toBe(20);
    expect(await page.getByRole('group', { name: 'Run status' }).innerText()).toMatch(/Epoch\s*1\s*\/\s*500/);
    await waitFor('the views show step 20', () => data(gradients(page), 'step'), (s) => s === '20');
    await screenshot(page, '32-views-after-step-epoch');
  });

  it('shows a deep sigmoid network’s first-layer gradient far below a ReLU network’s of the same shape', async () => {
    const app = await e2e.open(await e2e.contextWithoutPickers());
    const { page } = app;
    const sigmoid = await firstStepGradients(page, deepProject('sigmoid', 6), 'deep-sigmoid.layerlab.json');
    await waitVisible(page.getByRole('status', { name: 'Vanishing gradients' }), 'the vanishing-gradient badge');
    await screenshot(page, '33-views-deep-sigmoid');
    const relu = await firstStepGradients(page, deepProject('relu', 6), 'deep-relu.layerlab.json');
    await screenshot(page, '34-views-deep-relu');
    expect(sigmoid.first, `sigmoid first-layer ‖∇‖ ${sigmoid.first} vs ReLU ${relu.first}`).toBeLessThan(relu.first / 10);
    expect(sigmoid.first / sigmoid.last, 'the sigmoid gradient shrinks towards the input').toBeLessThan(1e-2);
    expect(relu.first / relu.last, 'the ReLU gradient does not vanish').toBeGreaterThan(sigmoid.first / sigmoid.last);
    expect(await page.getByRole('status', { name: 'Vanishing gradients' }).count(), 'no badge for the ReLU network').toBe(0);
  });

  it('enlarges, hides and shows panels, marks a live change and scrubs back through the run', async () => {
    const app = await e2e.open();
    const { page } = app;
    await page.getByLabel('Epochs').fill('100000');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('1000');
    await page.getByRole('button', { name: 'Train' }).click();
    await waitFor('the run has trained 400 steps', () => stepShown(page), (s) => s >= 400);

    // A live learning-rate change, marked on the loss chart.
    await page.getByRole('button', { name: 'Live changes' }).click();
    await page.getByRole('textbox', { name: 'Live learning rate' }).fill('0.005');
    await page.getByRole('button', { name: 'Apply live changes' }).click();
    await waitFor('the loss chart marks the change', () => data(lossChart(page), 'marks'), (n) => n === '1');
    expect(await page.getByLabel('Learning rate', { exact: true }).inputValue(), 'the project takes the new rate').toBe('0.005');

    // Enlarge the network view; hovering a weight shows its value.
    await page.getByRole('button', { name: 'Enlarge Network view' }).click();
    const panel = page.getByRole('region', { name: 'Network view' });
    await waitFor('the enlarged panel covers the canvas', async () => (await panel.boundingBox())?.height ?? 0, (h) => h > 500);
    await page.getByRole('spinbutton', { name: 'Sample' }).fill('3');
    await waitFor('the network view draws the sample’s activations', () => data(network(page), 'step'), (s) => Number(s) > 0);
    const tip = page.getByRole('tooltip');
    const box = await network(page).boundingBox();
    if (!box) throw new Error('The network view is not on screen.');
    for (let fx = 0.3; fx < 0.7 && !(await tip.isVisible()); fx += 0.013) {
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * 0.5);
    }
    await waitVisible(tip, 'the tooltip of a hovered weight or neuron');
    expect(await tip.innerText()).toMatch(/w \d+ → \d+ = |Unit \d+|Input \d+/);
    await screenshot(page, '35-views-network-enlarged');
    await page.keyboard.press('Escape');
    await waitFor('Escape restores the panel', async () => (await panel.boundingBox())?.height ?? 0, (h) => h < 400);

    // Hide the gradients, show the distributions and the confusion matrix.
    await page.getByRole('button', { name: 'Hide Gradients' }).click();
    await waitFor('the gradient panel is hidden', () => gradients(page).count(), (n) => n === 0);
    await page.getByRole('button', { name: 'Distributions', exact: true }).click();
    await page.getByRole('button', { name: 'Confusion matrix', exact: true }).click();
    await waitFor('the distributions arrive', () => page.getByRole('img', { name: 'Distributions' }).getAttribute('data-frames'), (n) => Number(n) >= 2);
    const table = page.getByRole('table', { name: 'Confusion matrix' });
    await waitVisible(table, 'the confusion matrix');
    await table.getByRole('button').first().click();
    await waitVisible(page.getByText(/^\d+ samples$/).first(), 'the samples of the chosen cell');
    await screenshot(page, '36-views-distributions-confusion');

    // Scrub back: the views show an earlier recorded step.
    await page.getByRole('button', { name: 'Pause' }).click();
    await waitFor('the run pauses', () => runState(page), (s) => s === 'paused');
    const slider = page.getByRole('slider', { name: 'History' });
    await slider.focus();
    await page.keyboard.press('Home');
    await waitFor('the boundary shows an early step', () => data(boundary(page), 'step'), (s) => Number(s) < 100);
    await screenshot(page, '37-views-history-scrubbed');
    await page.getByRole('button', { name: 'Live', exact: true }).click();
    await waitFor('Live returns to the newest step', () => data(boundary(page), 'step'), (s) => Number(s) >= 400);
  });

  it('shows the views in Korean, found by the same English names', async () => {
    const context = await e2e.harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => localStorage.setItem('layerlab.language', 'ko'));
    const app = await e2e.open(context);
    const { page } = app;
    await page.getByRole('button', { name: 'Train' }).click();
    await waitFor('the decision boundary is drawn', () => data(boundary(page), 'step'), (s) => Number(s) > 0);
    expect(await page.getByRole('button', { name: 'Gradients', exact: true }).innerText()).toBe('그래디언트');
    expect(await page.getByRole('button', { name: 'Step epoch' }).innerText()).toBe('한 에포크');
    expect(await page.getByRole('region', { name: 'Decision boundary' }).innerText()).toContain('결정 경계');
    await screenshot(page, '38-views-korean');
    await page.getByRole('button', { name: 'Stop' }).click();
  });
});
