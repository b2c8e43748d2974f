/**
 * What the page shows can be trusted, end to end in Chromium:
 * - the Web Worker trainer computes the very weights the engine computes in Node (the same
 *   project, the same steps: equal to 1e-12 relative);
 * - text from a file (layer and project names full of markup) is shown as text and never
 *   runs as HTML.
 */
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { screenshot, useE2E } from './harness';
import { engineWeightSum, openProjectFile, stepAndReadWeightSum, waitFor } from './helpers';

const e2e = useE2E();

const REL_TOL = 1e-12;

describe('trust', () => {
  it('trains in the Web Worker to the same weights as the engine in Node', async () => {
    const app = await e2e.open();
    const { page } = app;
    const steps = 4;
    const shownSum = await stepAndReadWeightSum(page, steps);
    const expected = engineWeightSum(createSpiralExample(), steps);
    expect(Math.abs(shownSum - expected) / expected).toBeLessThan(REL_TOL);
  });

  it('shows markup from a project file as text and never runs it', async () => {
    // The file-input path (File System Access pickers are switched off, as in the other tests).
    const app = await e2e.open(await e2e.contextWithoutPickers());
    const { page } = app;
    const project = createSpiralExample();
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    project.name = `Class ${evil}`;
    for (const node of project.graph.nodes) node.data.name = `${node.id} ${evil}`.slice(0, 80);
    await openProjectFile(page, project, 'evil.layerlab.json');
    const node = page.locator('.react-flow__node[data-id="hidden1"]');
    await waitFor('the opened project', () => node.innerText(), (text) => text.includes('hidden1 <img'));
    expect(await node.innerText()).toContain('<img src=x onerror=');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.react-flow__node img, .react-flow__node script').count()).toBe(0);
    await screenshot(page, '60-markup-as-text');
  });
});
