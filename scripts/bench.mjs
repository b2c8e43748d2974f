#!/usr/bin/env node
/**
 * `npm run bench [-- options]`: bundles the benchmark (bench/*.ts and the engine sources it
 * imports) with vite into out/bench/, then runs out/bench/orchestrator.js with the options
 * (see bench/orchestrator.ts: --workloads, --contenders, --runs, --quick, --no-streaming,
 * --no-fps, --out). The renderer frame-rate part uses out/web: run `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { wat } from './vite-plugin-wat.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRIES = ['orchestrator', 'run-engine', 'run-tfjs', 'run-streaming', 'run-heap', 'run-fps'];

try {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    plugins: [wat()],
    build: {
      ssr: true,
      outDir: join(root, 'out/bench'),
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: {
        input: Object.fromEntries(ENTRIES.map((name) => [name, join(root, 'bench', `${name}.ts`)])),
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  });
} catch (e) {
  console.error(`Building the benchmark failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

const child = spawn(process.execPath, [join(root, 'out/bench/orchestrator.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
