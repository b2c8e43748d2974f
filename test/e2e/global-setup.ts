/**
 * Builds the browser version once for the whole end-to-end run (never a stale out/web),
 * then tells every test file's harness to reuse it.
 */
import { ensureWebBuild } from './harness';

export default async function setup(): Promise<void> {
  await ensureWebBuild();
  process.env.LAYERLAB_E2E_SKIP_BUILD = '1';
}
