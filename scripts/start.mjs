#!/usr/bin/env node
/**
 * `npm start`: builds the desktop app and launches it with Electron. Where the Electron
 * binary is missing and cannot be fetched (offline machines, CI sandboxes), it says so in
 * plain words and points to the browser build instead of printing a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) {
  console.error('\nLayerLab did not build (see the messages above).');
  process.exit(build.status ?? 1);
}

let electronPath;
try {
  // Electron's package resolves (and on first use downloads) its binary here.
  electronPath = require('electron');
} catch {
  electronPath = null;
}
if (typeof electronPath !== 'string') {
  console.error(`
LayerLab is built, but the Electron binary is not available on this machine.
Electron downloads it on first launch, and that download did not succeed
(no internet access, or a blocked download host).

  - To use the desktop app: connect to the internet and run \`npm start\` again,
    or run \`npx install-electron\` once.
  - To use LayerLab right now in a browser: run \`npm run web\` and open the address it prints.
`);
  process.exit(1);
}

const child = spawn(electronPath, ['.'], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
