/**
 * What every runner process shares: its command line and the one JSON line it prints last
 * on stdout. The Python runners (torch_runner.py, sklearn_runner.py) follow the same format.
 *
 * Command line: `--data DIR --workload W1 --runs 3 --warmup 1 [--epochs N] [--variant V]`.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The parsed command line of a runner. */
export interface RunnerArgs {
  data: string;
  workload: string;
  runs: number;
  warmup: number;
  /** Overrides the workload's epochs (quick runs), or null. */
  epochs: number | null;
  /** Contender-specific choice: 'float32' / 'float64' (engine), 'cpu' / 'wasm' (TF.js). */
  variant: string;
}

/** What a runner reports: one wall time per timed run, the final loss of the last run. */
export interface RunnerResult {
  times: number[];
  finalLoss: number;
  steps: number;
  /** Facts worth printing (threads, backend flags, library versions). */
  info: Record<string, string | number | boolean>;
}

/** Parses `--key value` pairs; throws naming a missing or malformed option. */
export function parseRunnerArgs(argv: readonly string[]): RunnerArgs {
  const get = (key: string): string | undefined => {
    const i = argv.indexOf(`--${key}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const data = get('data');
  const workload = get('workload');
  if (!data || !workload) throw new Error('A runner needs --data DIR and --workload ID.');
  const int = (key: string, fallback: number): number => {
    const raw = get(key);
    if (raw === undefined) return fallback;
    const v = Number(raw);
    if (!Number.isInteger(v) || v < 0) throw new Error(`--${key} must be a whole number ≥ 0, got '${raw}'.`);
    return v;
  };
  const epochs = get('epochs');
  return {
    data,
    workload,
    runs: Math.max(1, int('runs', 3)),
    warmup: int('warmup', 1),
    epochs: epochs === undefined ? null : int('epochs', 1),
    variant: get('variant') ?? '',
  };
}

/** The line the orchestrator looks for; anything printed before it is ignored. */
export const RESULT_PREFIX = 'BENCH_RESULT ';

/** Prints the result line. */
export function printResult(result: RunnerResult): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

/** Runs `main`, printing its result, or its error on stderr with exit code 1. */
export function runMain(main: () => Promise<RunnerResult> | RunnerResult): void {
  Promise.resolve()
    .then(main)
    .then(printResult)
    .catch((e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exit(1);
    });
}

/** `gc()`, exposed without a command-line flag (the orchestrator starts helpers with plain `node`). */
export function exposedGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
