/**
 * What the page shows can be trusted, end to end in Chromium:
 * - the Web Worker trainer computes the very weights the engine computes in Node (the same
 *   project, the same steps: equal to 1e-12 relative);
 * - text from a file (layer and project names full of markup) is shown as text and never
 *   runs as HTML.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { createTrainingSession } from '../../src-engine/training-session';
import { screenshot, useE2E } from './harness';
import { waitFor } from './helpers';

const e2e = useE2E();

const REL_TOL = 1e-12;
const stepShown = async (page: Page) => Number((await page.getByTestId('run-step').innerText()).replace(/,/g, ''));

describe('trust', () => {
  it('trains in the Web Worker to the same weights as the engine in Node', async () => {
    const app = await e2e.open();
    const { page } = app;
    const steps = 4;
    for (let i = 1; i <= steps; i++) {
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await waitFor(`step ${i}`, () => stepShown(page), (s) => s === i);
    }
    const network = page.getByRole('img', { name: 'Network view' });
    const shown = await waitFor(
      'the network view to draw the last step',
      async () => ({ step: Number(await network.getAttribute('data-step')), sum: Number(await network.getAttribute('data-weight-sum')) }),
      (v) => v.step === steps,
    );

    const created = createTrainingSession(createSpiralExample());
    if (!created.ok) throw new Error(created.error);
    for (let i = 0; i < steps; i++) created.session.trainStep();
    let expected = 0;
    for (const layer of created.session.snapshot()) for (const w of layer.weights) expected += Math.abs(w);
    expect(Math.abs(shown.sum - expected) / expected).toBeLessThan(REL_TOL);
  });

  it('shows markup from a project file as text and never runs it', async () => {
    // The file-input path (File System Access pickers are switched off, as in the other tests).
    const app = await e2e.open(await e2e.contextWithoutPickers());
    const { page } = app;
    const project = createSpiralExample();
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    project.name = `Class ${evil}`;
    for (const node of project.graph.nodes) node.data.name = `${node.id} ${evil}`.slice(0, 80);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await (await chooser).setFiles({ name: 'evil.layerlab.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(project)) });
    const node = page.locator('.react-flow__node[data-id="hidden1"]');
    await waitFor('the opened project', () => node.innerText(), (text) => text.includes('hidden1 <img'));
    expect(await node.innerText()).toContain('<img src=x onerror=');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.react-flow__node img, .react-flow__node script').count()).toBe(0);
    await screenshot(page, '60-markup-as-text');
  });
});
