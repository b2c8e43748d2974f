#!/usr/bin/env node
/**
 * Makes sure a Chromium-family browser is available for the end-to-end tests, which drive
 * the browser build with playwright-core (no bundled browser download).
 *
 * Order: $LAYERLAB_CHROMIUM, $CHROME_PATH, then the usual install locations. When none is
 * found and we are root on Linux with apt-get, it runs `apt-get update && apt-get install -y
 * chromium`. Otherwise it exits 1 and says how to install one. It never skips silently.
 *
 * Imported by the e2e tests for `findChromium`; run directly by `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const ENV_VARS = ['LAYERLAB_CHROMIUM', 'CHROME_PATH'];

export const CANDIDATE_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

function isExecutable(path) {
  try {
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds a browser. An environment variable that names a missing file is an error (returned,
 * not skipped), so a typo does not quietly fall back to another browser.
 * @param {Record<string, string | undefined>} [env]
 * @returns {{ ok: true, path: string, source: string } | { ok: false, error: string }}
 */
export function findChromium(env = process.env) {
  for (const name of ENV_VARS) {
    const value = env[name];
    if (!value) continue;
    if (isExecutable(value)) return { ok: true, path: value, source: `$${name}` };
    return { ok: false, error: `$${name} is set to "${value}", but no executable browser is there. Fix or unset it.` };
  }
  for (const path of CANDIDATE_PATHS) {
    if (isExecutable(path)) return { ok: true, path, source: 'default location' };
  }
  return { ok: false, error: 'No Chromium or Chrome was found.' };
}

export const INSTALL_HELP = [
  'The end-to-end tests need Chromium or Google Chrome. Either:',
  '  - Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium   (or chromium-browser)',
  '  - Fedora:         sudo dnf install chromium',
  '  - macOS:          brew install --cask chromium   (or install Google Chrome)',
  '  - Windows:        install Google Chrome',
  'or point LAYERLAB_CHROMIUM at an installed browser, e.g.',
  '  LAYERLAB_CHROMIUM=/path/to/chrome npm test',
].join('\n');

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

function main() {
  const found = findChromium();
  if (found.ok) {
    console.log(`Browser for e2e tests: ${found.path} (${found.source})`);
    return 0;
  }
  if (ENV_VARS.some((name) => process.env[name])) {
    console.error(`${found.error}\n\n${INSTALL_HELP}`);
    return 1;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform === 'linux' && isRoot && hasAptGet()) {
    console.log('No browser found; installing Chromium with apt-get (needed by the e2e tests)…');
    const install = spawnSync('sh', ['-c', 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium'], {
      stdio: 'inherit',
    });
    const after = findChromium();
    if (install.status === 0 && after.ok) {
      console.log(`Browser for e2e tests: ${after.path}`);
      return 0;
    }
    console.error(`\nInstalling Chromium with apt-get failed (exit ${install.status}).\n\n${INSTALL_HELP}`);
    return 1;
  }
  console.error(`${found.error}\n\n${INSTALL_HELP}`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(main());
}
