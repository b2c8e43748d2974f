/**
 * The Web Worker trainer runs the engine's WebAssembly SIMD kernels in Chromium under the
 * page's CSP ('wasm-unsafe-eval'): a float32 project trains in the worker to the very weights
 * the engine computes in Node on the same kernels, and not to those of the TS fallback (which
 * sums in float64, so its float32 weights differ in the last bits).
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { createTrainingSession } from '../../src-engine/training-session';
import { forceKernelBackend, type KernelBackend } from '../../src-engine/wasm-host';
import type { Project } from '../../src-engine/project';
import { screenshot, useE2E } from './harness';
import { waitFor } from './helpers';

const e2e = useE2E();

/** The same kernels on the same steps agree to the last bit; 1e-12 leaves room for the sum's order. */
const REL_TOL = 1e-12;
const STEPS = 4;
const stepShown = async (page: Page) => Number((await page.getByTestId('run-step').innerText()).replace(/,/g, ''));

/** Σ|w| over every layer after STEPS steps of `project` in Node on `backend`. */
function weightSum(project: Project, backend: KernelBackend): number {
  forceKernelBackend(backend);
  try {
    const created = createTrainingSession(project);
    if (!created.ok) throw new Error(created.error);
    for (let i = 0; i < STEPS; i++) created.session.trainStep();
    let sum = 0;
    for (const layer of created.session.snapshot()) for (const w of layer.weights) sum += Math.abs(w);
    return sum;
  } finally {
    forceKernelBackend(null);
  }
}

afterEach(() => forceKernelBackend(null));

describe('SIMD kernels in the Web Worker', () => {
  it('train a float32 project to the weights of the SIMD kernels in Node', async () => {
    const project = createSpiralExample();
    project.training.precision = 'float32';
    const hidden = project.graph.nodes.find((n) => n.id === 'hidden1');
    if (!hidden) throw new Error('The spiral example has no node hidden1.');
    hidden.data.name = 'hidden1 f32';
    const app = await e2e.open(await e2e.contextWithoutPickers());
    const { page } = app;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await (await chooser).setFiles({ name: 'spiral-f32.layerlab.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(project)) });
    const node = page.locator('.react-flow__node[data-id="hidden1"]');
    await waitFor('the opened project', () => node.innerText(), (text) => text.includes('hidden1 f32'));
    for (let i = 1; i <= STEPS; i++) {
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await waitFor(`step ${i}`, () => stepShown(page), (s) => s === i);
    }
    const network = page.getByRole('img', { name: 'Network view' });
    const shown = await waitFor(
      'the network view to draw the last step',
      async () => ({ step: Number(await network.getAttribute('data-step')), sum: Number(await network.getAttribute('data-weight-sum')) }),
      (v) => v.step === STEPS,
    );
    await screenshot(page, '97-simd-float32-steps');

    const simd = weightSum(project, 'wasm-simd');
    const ts = weightSum(project, 'ts');
    expect(Math.abs(shown.sum - simd) / simd).toBeLessThan(REL_TOL);
    // The fallback's weights differ, so the match above shows the worker ran the SIMD kernels.
    expect(Math.abs(shown.sum - ts) / ts).toBeGreaterThan(REL_TOL);
  });
});
