#!/usr/bin/env node
// `npx layerlab …`: the headless CLI (built to out/main/cli.js by `npm run build`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '../out/main/cli.js');
if (!existsSync(cli)) {
  console.error('The LayerLab CLI is not built yet. Run `npm run build` (or `npm run build:electron`) first.');
  process.exit(2);
}
const { runCli } = await import(pathToFileURL(cli).href);
const io = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };
process.exitCode = await runCli(process.argv.slice(2), io);
