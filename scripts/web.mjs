#!/usr/bin/env node
/**
 * `npm run web`: builds the browser version (vite build -c vite.web.config.ts) into out/web
 * and serves it on http://127.0.0.1:5317 (or $PORT). Training runs in a Web Worker.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { startStaticServer } from './serve-static.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_PORT = 5317;

const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0–65535); got "${process.env.PORT}".`);
  process.exit(1);
}

try {
  await build({ configFile: join(root, 'vite.web.config.ts'), logLevel: 'warn' });
} catch (e) {
  console.error(`\nThe browser build failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

let server;
try {
  server = await startStaticServer(join(root, 'out/web'), port);
} catch (e) {
  const code = e && typeof e === 'object' && 'code' in e ? e.code : '';
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is in use. Stop the other server or choose another port: PORT=5318 npm run web`
      : `Could not start the web server: ${e instanceof Error ? e.message : String(e)}`,
  );
  process.exit(1);
}

console.log(`LayerLab (browser build) is running at ${server.url}`);
console.log('Press Ctrl+C to stop.');

const shutdown = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
