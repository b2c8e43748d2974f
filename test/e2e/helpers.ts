/** Small waiting helpers that fail with a sentence saying what was expected. */
import type { Locator, Page } from 'playwright-core';

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
