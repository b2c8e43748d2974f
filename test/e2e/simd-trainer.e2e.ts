/**
 * The Web Worker trainer runs the engine's WebAssembly SIMD kernels in Chromium under the
 * page's CSP ('wasm-unsafe-eval'): a float32 project trains in the worker to the very weights
 * the engine computes in Node on the same kernels, and not to those of the TS fallback (which
 * sums in float64, so its float32 weights differ in the last bits).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { forceKernelBackend, type KernelBackend } from '../../src-engine/wasm-host';
import type { Project } from '../../src-engine/project';
import { screenshot, useE2E } from './harness';
import { engineWeightSum, openProjectFile, stepAndReadWeightSum, waitFor } from './helpers';

const e2e = useE2E();

/** The same kernels on the same steps agree to the last bit; 1e-12 leaves room for the sum's order. */
const REL_TOL = 1e-12;
const STEPS = 4;

/** Σ|w| over every layer after STEPS steps of `project` in Node on `backend`. */
function weightSum(project: Project, backend: KernelBackend): number {
  forceKernelBackend(backend);
  try {
    return engineWeightSum(project, STEPS);
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
    await openProjectFile(page, project, 'spiral-f32.layerlab.json');
    const node = page.locator('.react-flow__node[data-id="hidden1"]');
    await waitFor('the opened project', () => node.innerText(), (text) => text.includes('hidden1 f32'));
    const shownSum = await stepAndReadWeightSum(page, STEPS);
    await screenshot(page, '97-simd-float32-steps');

    const simd = weightSum(project, 'wasm-simd');
    const ts = weightSum(project, 'ts');
    expect(Math.abs(shownSum - simd) / simd).toBeLessThan(REL_TOL);
    // The fallback's weights differ, so the match above shows the worker ran the SIMD kernels.
    expect(Math.abs(shownSum - ts) / ts).toBeGreaterThan(REL_TOL);
  });
});
