/**
 * `npm run bench`: generates the workloads' data and initial weights once, runs every
 * contender on every workload in its own process (one after the other: this machine has two
 * cores), checks the final losses against the engine's, prints the table and writes
 * bench/results.json. Then measures the trainer's streaming cost and, when Chromium is
 * available, the renderer's frame rate while W3 trains.
 *
 * Options: --workloads W1,W3  --contenders engine-float32,tfjs-wasm  --runs 3  --warmup 1
 *          --quick (a tenth of the epochs, for a smoke test)  --no-streaming  --no-fps
 *          --out FILE (default bench/results.json)  --data-dir DIR (write the shared files
 *          there and keep them, e.g. to profile one runner by hand).
 * Exit code 1 when a final loss disagrees with the engine's (a failure of the engine).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CONTENDERS,
  failures,
  formatHeapTable,
  formatStreamingTable,
  formatTable,
  summarizeWorkload,
  type ContenderId,
  type ContenderOutcome,
  type ReportRow,
} from './report';
import { RESULT_PREFIX, type RunnerResult } from './runner-io';
import { writeShared } from './shared-files';
import { flopsPerSample, generateData, initialParams, stepsPerEpoch, WORKLOADS, zeroFraction, type Workload } from './workloads';

/** out/bench/ when bundled (scripts/bench.mjs); the repository root is two levels up. */
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const PYTHON = '/usr/bin/python3'; // Debian's, where python3-torch / python3-sklearn install
/** A runner taking longer than this is stopped and reported as an error. */
const RUNNER_TIMEOUT_MS = 20 * 60_000;

interface Options {
  workloads: Workload[];
  contenders: ContenderId[];
  runs: number;
  warmup: number;
  quick: boolean;
  streaming: boolean;
  fps: boolean;
  out: string;
  dataDir: string | null;
}

function parseOptions(argv: readonly string[]): Options {
  const get = (key: string): string | undefined => {
    const i = argv.indexOf(`--${key}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = (key: string): string[] | null => get(key)?.split(',').map((s) => s.trim()).filter(Boolean) ?? null;
  const ids = list('workloads');
  const workloads = ids ? WORKLOADS.filter((w) => ids.includes(w.id)) : [...WORKLOADS];
  const names = list('contenders');
  const unknown = names?.filter((n) => !(CONTENDERS as readonly string[]).includes(n)) ?? [];
  if (unknown.length) throw new Error(`Unknown contender ${unknown.join(', ')}. Use some of ${CONTENDERS.join(', ')}.`);
  const contenders = names ? CONTENDERS.filter((c) => names.includes(c)) : [...CONTENDERS];
  const runs = Math.max(3, Number(get('runs') ?? 3) || 3);
  return {
    workloads,
    contenders,
    runs,
    warmup: Math.max(1, Number(get('warmup') ?? 1) || 1),
    quick: argv.includes('--quick'),
    streaming: !argv.includes('--no-streaming'),
    fps: !argv.includes('--no-fps'),
    out: resolve(get('out') ?? join(ROOT, 'bench/results.json')),
    dataDir: get('data-dir') ? resolve(get('data-dir') as string) : null,
  };
}

/** Epochs of a workload in this run: the issue's, or a tenth of them for --quick. */
function epochsOf(w: Workload, quick: boolean): number {
  return quick ? Math.max(1, Math.round(w.epochs / 10)) : w.epochs;
}

/** Runs a command, passing its output through, and returns its result line (or why not). */
function runProcess(command: string, args: string[], cwd: string): Promise<ContenderOutcome> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), RUNNER_TIMEOUT_MS);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      done({ status: 'error', reason: `could not start ${command}: ${e.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) {
        const why = signal ? `stopped by ${signal}` : `exit code ${code}`;
        // The error's own line (first non-stack line) says more than the stack.
        const lines = err.trim().split('\n').filter((l) => l.trim() && !/^\s+at /.test(l));
        const tail = lines.slice(-2).join(' / ').slice(0, 400);
        done({ status: 'error', reason: `${why}${tail ? `: ${tail}` : ''}` });
        return;
      }
      const r = JSON.parse(line.slice(RESULT_PREFIX.length)) as RunnerResult;
      const comparable = r.info.comparable !== false;
      done({
        status: 'ok', times: r.times, finalLoss: r.finalLoss, steps: r.steps, info: r.info, comparable,
        ...(comparable ? {} : { reason: String(r.info.reason ?? '') }),
      });
    });
  });
}

/** Whether Debian's Python can import `module`; else the reason to print. */
function pythonModuleProblem(module: string, aptPackage: string): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found (apt-get install -y python3 ${aptPackage})`;
  const r = spawnSync(PYTHON, ['-c', `import ${module}`], { encoding: 'utf8' });
  return r.status === 0 ? null : `${module} is not installed for ${PYTHON} (apt-get install -y ${aptPackage})`;
}

/** The command that runs `contender` on one workload. */
function commandFor(contender: ContenderId, base: string[]): { command: string; args: string[] } {
  const node = (file: string, variant: string) => ({ command: process.execPath, args: [join(HERE, file), ...base, '--variant', variant] });
  const py = (file: string, variant: string) => ({ command: PYTHON, args: [join(ROOT, 'bench', file), ...base, '--variant', variant] });
  switch (contender) {
    case 'engine-float32': return node('run-engine.js', 'float32');
    case 'engine-float64': return node('run-engine.js', 'float64');
    case 'tfjs-cpu': return node('run-tfjs.js', 'cpu');
    case 'tfjs-wasm': return node('run-tfjs.js', 'wasm');
    case 'torch-float32': return py('torch_runner.py', 'float32');
    case 'torch-float64': return py('torch_runner.py', 'float64');
    case 'sklearn': return py('sklearn_runner.py', 'float64');
  }
}

/**
 * How many cores other processes keep busy, from /proc/stat over one second (Linux); the
 * 1-minute load average (which lags) elsewhere.
 */
async function busyCores(): Promise<number> {
  const read = (): number[] | null => {
    try {
      const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
      return line.trim().split(/\s+/).slice(1).map(Number);
    } catch {
      return null;
    }
  };
  const a = read();
  await new Promise((r) => setTimeout(r, 1000));
  const b = read();
  if (!a || !b) return loadavg()[0];
  const total = b.reduce((s, v) => s + v, 0) - a.reduce((s, v) => s + v, 0);
  const idle = b[3] + (b[4] ?? 0) - (a[3] + (a[4] ?? 0)); // idle + iowait
  return total > 0 ? (1 - idle / total) * cpus().length : 0;
}

/** Runs a Node helper (streaming, fps) and returns its parsed result line, or an error text. */
async function runHelper(file: string, args: string[]): Promise<Record<string, unknown>> {
  const o = await runProcess(process.execPath, [join(HERE, file), ...args], ROOT);
  if (o.status !== 'ok') return { status: o.status, reason: o.reason };
  return { status: 'ok', ...o.info };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'layerlab-bench-'));
  const pythonProblems: Record<string, string | null> = {
    torch: options.contenders.some((c) => c.startsWith('torch')) ? pythonModuleProblem('torch', 'python3-torch') : null,
    sklearn: options.contenders.includes('sklearn') ? pythonModuleProblem('sklearn', 'python3-sklearn') : null,
  };
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    date: new Date().toISOString(),
    /** Cores kept busy by other processes just before the run (see `busyCores`). */
    busyCoresBefore: await busyCores(),
    /** 1-minute load average after the run (the benchmark itself keeps about one core busy). */
    loadAfter: NaN,
  };
  console.log(`LayerLab benchmark on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}`);
  if (machine.busyCoresBefore > 0.3) {
    console.log(`Note: other processes keep ${machine.busyCoresBefore.toFixed(1)} of ${machine.cores} cores busy: times will be noisy.`);
  }
  console.log(`runs: warm-up ${options.warmup} + ${options.runs} timed (median)${options.quick ? ', QUICK (a tenth of the epochs)' : ''}`);

  const allRows: ReportRow[] = [];
  const workloads: unknown[] = [];
  try {
    for (const w of options.workloads) {
      const data = generateData(w);
      writeShared(dir, w, data, initialParams(w));
      const epochs = epochsOf(w, options.quick);
      const samplesPerRun = epochs * w.samples;
      const flops = flopsPerSample(w);
      console.log(`\n${w.id} ${w.title}: ${w.samples} samples × ${epochs} epochs, batch ${w.batchSize} (${epochs * stepsPerEpoch(w)} steps), ${flops} FLOP/sample${w.id === 'W3' ? `, ${(100 * zeroFraction(data.x)).toFixed(0)}% zero inputs` : ''}`);
      const base = ['--data', dir, '--workload', w.id, '--runs', String(options.runs), '--warmup', String(options.warmup), '--epochs', String(epochs)];
      const outcomes: Partial<Record<ContenderId, ContenderOutcome>> = {};
      for (const c of options.contenders) {
        const problem = c.startsWith('torch') ? pythonProblems.torch : c === 'sklearn' ? pythonProblems.sklearn : null;
        if (problem) {
          outcomes[c] = { status: 'skipped', reason: problem };
          console.log(`  ${c}: skipped (${problem})`);
          continue;
        }
        const { command, args } = commandFor(c, base);
        const started = performance.now();
        const o = await runProcess(command, args, join(ROOT, 'bench'));
        outcomes[c] = o;
        const took = ((performance.now() - started) / 1000).toFixed(0);
        console.log(o.status === 'ok'
          ? `  ${c}: median ${(samplesPerRun / (o.times.slice().sort((a, b) => a - b)[o.times.length >> 1])).toFixed(0)} samples/s, loss ${o.finalLoss.toFixed(6)} (${took} s)`
          : `  ${c}: ${o.status}: ${o.reason}`);
      }
      const rows = summarizeWorkload(w.id, samplesPerRun, flops, outcomes);
      allRows.push(...rows);
      workloads.push({
        id: w.id, title: w.title, epochs, samples: w.samples, batchSize: w.batchSize, steps: epochs * stepsPerEpoch(w),
        flopsPerSample: flops, ...(w.id === 'W3' ? { zeroInputFraction: zeroFraction(data.x) } : {}), rows,
      });
    }
  } finally {
    if (!options.dataDir) rmSync(dir, { recursive: true, force: true });
  }

  console.log(`\n${formatTable(allRows)}\n`);

  let streaming: Record<string, unknown> = { status: 'skipped', reason: '--no-streaming' };
  if (options.streaming) {
    console.log('Streaming cost (trainer host with snapshots vs. the bare session loop, interleaved pairs)…');
    streaming = await runHelper('run-streaming.js', options.quick ? ['--quick'] : []);
    console.log(streaming.status === 'ok' ? `\n${formatStreamingTable(streaming, ['W1', 'W3'])}\n` : JSON.stringify(streaming, null, 1));
  }
  let heap: Record<string, unknown> = { status: 'skipped', reason: '--no-streaming' };
  if (options.streaming) {
    console.log('Heap over a long run (after a full garbage collection, ten points)…');
    heap = await runHelper('run-heap.js', options.quick ? ['--quick'] : []);
    console.log(heap.status === 'ok' ? `\n${formatHeapTable(heap, ['W1', 'W3'])}\n` : JSON.stringify(heap, null, 1));
  }
  let renderer: Record<string, unknown> = { status: 'skipped', reason: '--no-fps' };
  if (options.fps) {
    console.log('Renderer frame rate in Chromium while W3 trains…');
    renderer = await runHelper('run-fps.js', options.quick ? ['--quick'] : []);
    console.log(JSON.stringify(renderer, null, 1));
  }

  machine.loadAfter = loadavg()[0];
  const failed = failures(allRows);
  writeFileSync(options.out, JSON.stringify({ machine, options: { ...options, workloads: options.workloads.map((w) => w.id) }, workloads, streaming, heap, renderer, failures: failed.map((r) => `${r.workload} ${r.contender}`) }, null, 1));
  console.log(`Wrote ${options.out}`);
  if (failed.length) {
    console.error(`\nENGINE FAILURE: the final loss of ${failed.map((r) => `${r.workload}/${r.contender}`).join(', ')} disagrees with the engine's beyond the tolerance.`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
