/** Small waiting helpers that fail with a sentence saying what was expected. */
import type { Locator, Page } from 'playwright-core';
import type { Project } from '../../src-engine/project';
import { createTrainingSession } from '../../src-engine/training-session';

const DEFAULT_TIMEOUT_MS = 15_000;

/** Polls `read` until `accept` holds; throws `what` with the last value seen. */
export async function waitFor<T>(what: string, read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown = null;
  while (Date.now() < end) {
    try {
      last = await read();
      lastError = null;
      if (accept(last)) return last;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const detail = lastError ? `last error: ${(lastError as Error).message}` : `last value: ${JSON.stringify(last)}`;
  throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what} (${detail}).`);
}

/** Waits until `locator` is visible. */
export async function waitVisible(locator: Locator, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  try {
    await locator.waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    throw new Error(`Expected ${what} to be visible within ${timeoutMs} ms, but it was not.`);
  }
}

export const countNodes = (page: Page) => page.locator('.react-flow__node').count();
export const countEdges = (page: Page) => page.locator('.react-flow__edge').count();

/** The run state shown in the status line ('idle', 'running', 'done', …). */
export const runState = (page: Page) => page.locator('[data-state]').first().getAttribute('data-state');

/** Number of step points the loss chart holds (its data-points attribute). */
export async function chartPoints(page: Page): Promise<number> {
  return Number(await page.getByRole('img', { name: 'Loss chart' }).getAttribute('data-points'));
}

/** Center of an element in page coordinates. */
export async function centerOf(locator: Locator, what: string): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`Expected ${what} to be on screen, but it has no bounding box.`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a palette item onto the canvas at a fraction of the pane's size (real HTML5 DnD). */
export async function dropLayer(page: Page, name: string, fx: number, fy: number): Promise<void> {
  const pane = page.locator('.react-flow__pane');
  const box = await pane.boundingBox();
  if (!box) throw new Error('The canvas pane is not on screen.');
  await page.getByRole('button', { name, exact: true }).dragTo(pane, { targetPosition: { x: box.width * fx, y: box.height * fy } });
}

/** Wires the output handle of one node to the input handle of another with the mouse. */
export async function wire(page: Page, fromId: string, toId: string): Promise<void> {
  const from = await centerOf(page.locator(`.react-flow__node[data-id="${fromId}"] .react-flow__handle.source`), `the output handle of "${fromId}"`);
  const to = await centerOf(page.locator(`.react-flow__node[data-id="${toId}"] .react-flow__handle.target`), `the input handle of "${toId}"`);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}

/** The text of a node card on the canvas. */
export const nodeText = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`).innerText();

/** The number shown as the total parameter count. */
export async function totalParams(page: Page): Promise<number> {
  return Number((await page.getByTestId('total-params').innerText()).replace(/,/g, ''));
}

/** The step number the status line shows (read without its digit grouping, in any language). */
export async function stepShown(page: Page): Promise<number> {
  return Number((await page.getByTestId('run-step').innerText()).replace(/\D/g, ''));
}

/**
 * Opens `project` as the JSON file `name` through the Open button's file input (the page's
 * context must have the File System Access pickers switched off). Does not wait for it.
 */
export async function openProjectFile(page: Page, project: object, name: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(project)) });
}

/** Clicks Step `steps` times, each once the last is shown, and returns Σ|w| the network view drew after the last. */
export async function stepAndReadWeightSum(page: Page, steps: number): Promise<number> {
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
  return shown.sum;
}

/** Σ|w| over every layer after `steps` training steps of `project` in the engine, in Node. */
export function engineWeightSum(project: Project, steps: number): number {
  const created = createTrainingSession(project);
  if (!created.ok) throw new Error(created.error);
  for (let i = 0; i < steps; i++) created.session.trainStep();
  let sum = 0;
  for (const layer of created.session.snapshot()) for (const w of layer.weights) sum += Math.abs(w);
  return sum;
}
