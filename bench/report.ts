/**
 * Pure functions of the benchmark report: medians, throughput, the loss-agreement verdict,
 * the ratios and the printed table. No I/O, so the tests call them directly.
 */

/** Final losses of two contenders that trained identically must agree this closely. */
export const LOSS_TOLERANCE = 1e-5;

/** Every contender the orchestrator knows, in table order. */
export const CONTENDERS = [
  'engine-float32',
  'engine-float64',
  'tfjs-cpu',
  'tfjs-wasm',
  'torch-float32',
  'torch-float64',
  'sklearn',
] as const;
export type ContenderId = (typeof CONTENDERS)[number];

/** The precision each contender computes in; its loss is checked against the engine's run in that precision. */
export const CONTENDER_PRECISION: Record<ContenderId, 'float32' | 'float64'> = {
  'engine-float32': 'float32',
  'engine-float64': 'float64',
  'tfjs-cpu': 'float32',
  'tfjs-wasm': 'float32',
  'torch-float32': 'float32',
  'torch-float64': 'float64',
  sklearn: 'float64',
};

/** The median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** What one contender process produced for one workload, or why it did not run. */
export type ContenderOutcome =
  | { status: 'ok'; times: number[]; finalLoss: number; steps: number; info: Record<string, string | number | boolean>; comparable: boolean; reason?: string }
  | { status: 'skipped' | 'error'; reason: string };

/** Verdict of the loss check for one contender. */
export type Agreement =
  | { kind: 'reference' }
  | { kind: 'agree'; delta: number }
  | { kind: 'disagree'; delta: number }
  | { kind: 'not-comparable'; delta: number | null; reason: string }
  | { kind: 'no-reference'; reason: string };

/**
 * Compares a contender's final loss with the engine's in the same precision. A difference
 * above LOSS_TOLERANCE·max(1, |engine|) is a disagreement, which the benchmark counts as a
 * failure of the engine (every contender starts from the same weights and sees the same
 * batches). Contenders that cannot reproduce the training exactly say so (`comparable`
 * false) and are reported as not comparable instead.
 */
export function checkAgreement(
  engineLoss: number | null,
  contenderLoss: number,
  comparable = true,
  reason = '',
  tolerance = LOSS_TOLERANCE,
): Agreement {
  const delta = engineLoss === null ? NaN : Math.abs(contenderLoss - engineLoss);
  if (!comparable) return { kind: 'not-comparable', delta: Number.isFinite(delta) ? delta : null, reason };
  if (engineLoss === null || !Number.isFinite(engineLoss)) return { kind: 'no-reference', reason: 'the engine run in this precision is missing' };
  if (!(delta <= tolerance * Math.max(1, Math.abs(engineLoss)))) return { kind: 'disagree', delta };
  return { kind: 'agree', delta };
}

/** One row of the report. */
export interface ReportRow {
  workload: string;
  contender: ContenderId;
  status: 'ok' | 'skipped' | 'error';
  medianSeconds: number | null;
  samplesPerSecond: number | null;
  gflops: number | null;
  finalLoss: number | null;
  /** engine-float32 samples/s ÷ this contender's (> 1: the engine is faster). */
  engineRatio: number | null;
  agreement: Agreement | null;
  note: string;
  times: number[];
  info: Record<string, string | number | boolean>;
}

/**
 * Builds the rows of one workload. `samplesPerRun` = epochs·n; `flops` = FLOPs per sample.
 */
export function summarizeWorkload(
  workload: string,
  samplesPerRun: number,
  flops: number,
  outcomes: Partial<Record<ContenderId, ContenderOutcome>>,
): ReportRow[] {
  const rows: ReportRow[] = [];
  const engineLoss = (p: 'float32' | 'float64'): number | null => {
    const o = outcomes[`engine-${p}`];
    return o && o.status === 'ok' ? o.finalLoss : null;
  };
  const ref = outcomes['engine-float32'];
  const refSpeed = ref && ref.status === 'ok' ? samplesPerRun / median(ref.times) : null;
  for (const contender of CONTENDERS) {
    const o = outcomes[contender];
    if (!o) continue;
    if (o.status !== 'ok') {
      rows.push({
        workload, contender, status: o.status, medianSeconds: null, samplesPerSecond: null, gflops: null,
        finalLoss: null, engineRatio: null, agreement: null, note: o.reason, times: [], info: {},
      });
      continue;
    }
    const seconds = median(o.times);
    const speed = samplesPerRun / seconds;
    const isEngine = contender.startsWith('engine-');
    const agreement: Agreement = isEngine
      ? { kind: 'reference' }
      : checkAgreement(engineLoss(CONTENDER_PRECISION[contender]), o.finalLoss, o.comparable, o.reason ?? '');
    rows.push({
      workload, contender, status: 'ok', medianSeconds: seconds, samplesPerSecond: speed, gflops: (speed * flops) / 1e9,
      finalLoss: o.finalLoss, engineRatio: refSpeed === null ? null : refSpeed / speed, agreement,
      note: o.reason ?? '', times: o.times, info: o.info,
    });
  }
  return rows;
}

/** Rows whose loss disagrees with the engine: failures of the engine. */
export function failures(rows: readonly ReportRow[]): ReportRow[] {
  return rows.filter((r) => r.agreement?.kind === 'disagree');
}

/** A number with about 3 significant digits, thousands grouped: 12,300 / 45.6 / 0.789. */
export function formatNumber(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toPrecision(3);
}

/** The agreement column: "ok (3e-9)", "FAIL (2.1e-4)", "n/c: reason", "ref". */
export function formatAgreement(a: Agreement | null, note = ''): string {
  if (!a) return note;
  switch (a.kind) {
    case 'reference': return 'reference';
    case 'agree': return `ok (Δ ${a.delta.toExponential(1)})`;
    case 'disagree': return `FAIL (Δ ${a.delta.toExponential(1)})`;
    case 'not-comparable': return `not comparable${a.delta === null ? '' : ` (Δ ${a.delta.toExponential(1)})`}: ${a.reason}`;
    case 'no-reference': return `unchecked: ${a.reason}`;
  }
}

/** A Markdown table of rows (the same text goes to the terminal and the README). */
export function formatTable(rows: readonly ReportRow[]): string {
  const header = ['workload', 'contender', 'samples/s', 'GFLOP/s', 'final loss', 'engine f32 ÷ this', 'loss check'];
  const lines = [header, header.map(() => '---')];
  for (const r of rows) {
    lines.push([
      r.workload,
      r.contender,
      formatNumber(r.samplesPerSecond),
      r.gflops === null ? '–' : r.gflops.toFixed(r.gflops < 1 ? 3 : 2),
      r.finalLoss === null ? '–' : r.finalLoss.toFixed(6),
      r.engineRatio === null ? '–' : `${r.engineRatio.toFixed(2)}×`,
      r.status === 'ok' ? formatAgreement(r.agreement) : `${r.status}: ${r.note}`,
    ]);
  }
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of a non-empty list, interpolating linearly between the two
 * nearest order statistics (Hyndman & Fan type 7, the default of R and NumPy).
 */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('quantile of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/** Median, quartiles and range of a list of paired ratios. */
export interface RatioSummary {
  count: number;
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}

/** Summarizes a non-empty list of ratios (see `quantile` for the quartiles). */
export function summarizeRatios(values: readonly number[]): RatioSummary {
  return {
    count: values.length,
    median: quantile(values, 0.5),
    q1: quantile(values, 0.25),
    q3: quantile(values, 0.75),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** Issue #8: with live streaming the trainer keeps at least this share of its throughput. */
export const STREAMING_TARGET = 0.9;

/** Whether a workload's streaming ratios meet STREAMING_TARGET: all of the middle half, only the median, or not even that. */
export function streamingVerdict(s: RatioSummary): 'met' | 'median only' | 'missed' {
  if (s.q1 >= STREAMING_TARGET) return 'met';
  return s.median >= STREAMING_TARGET ? 'median only' : 'missed';
}

/**
 * The streaming helper's summary of one workload (run-streaming.ts writes these fields as
 * `<id>.<field>` into its result), or null when the result has none for `id`.
 */
export function streamingSummary(info: Readonly<Record<string, unknown>>, id: string, kind: 'wall' | 'cpu'): RatioSummary | null {
  const field = (name: string): number | null => {
    const v = info[`${id}.${kind}${name}`];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const [count, median, q1, q3, min, max] = ['Pairs', 'Median', 'Q1', 'Q3', 'Min', 'Max'].map(field);
  if (count === null || median === null || q1 === null || q3 === null || min === null || max === null) return null;
  return { count, median, q1, q3, min, max };
}

/**
 * The streaming table: per workload, the throughput kept with streaming on (bare session
 * loop time ÷ trainer host time, per interleaved pair) as median, quartiles and range, in wall
 * time and in the training thread's CPU time; the verdict against STREAMING_TARGET (from the
 * CPU-time ratios where measured, which other processes' load moves less, else wall time);
 * the share of an "on" run spent outside `trainStep` (the host's own work); the rates that flowed.
 */
export function formatStreamingTable(info: Readonly<Record<string, unknown>>, ids: readonly string[]): string {
  const ratio = (s: RatioSummary | null): string => (s === null ? '–' : `${s.median.toFixed(3)} (${s.q1.toFixed(3)}–${s.q3.toFixed(3)}; ${s.min.toFixed(3)}–${s.max.toFixed(3)})`);
  const num = (key: string): string => formatNumber(typeof info[key] === 'number' ? (info[key] as number) : null);
  const share = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '–');
  const header = ['workload', 'pairs', 'off samples/s', 'on samples/s', 'on ÷ off, wall: median (quartiles; range)', 'on ÷ off, CPU time', `≥ ${STREAMING_TARGET.toFixed(2)}`, "host's own work", 'snapshots/s', 'metrics/s'];
  const lines = [header, header.map(() => '---')];
  for (const id of ids) {
    const wall = streamingSummary(info, id, 'wall');
    if (wall === null) continue;
    const cpu = streamingSummary(info, id, 'cpu');
    lines.push([
      id, String(wall.count), num(`${id}.offSamplesPerSecond`), num(`${id}.onSamplesPerSecond`),
      ratio(wall), ratio(cpu), streamingVerdict(cpu ?? wall), share(info[`${id}.hostShare`]), num(`${id}.snapshotsPerSecond`), num(`${id}.metricsPerSecond`),
    ]);
  }
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/**
 * The heap table of run-heap.ts's result (`W1.firstBytes` … per workload): heap in use after a
 * full garbage collection at the first and last of eleven points, the largest, and the growth per
 * 1,000 steps, with a verdict (steady below HEAP_STEADY_BYTES_PER_1000_STEPS).
 */
export function formatHeapTable(result: Record<string, unknown>, ids: readonly string[]): string {
  const num = (key: string): number => Number(result[key]);
  const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(2);
  const lines = ['| workload | steps | heap first (MB) | heap last (MB) | largest (MB) | growth per 1,000 steps | steady |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const id of ids) {
    const growth = num(`${id}.growthPer1000Steps`);
    lines.push(`| ${id} | ${num(`${id}.steps`).toLocaleString('en-US')} | ${mb(num(`${id}.firstBytes`))} | ${mb(num(`${id}.lastBytes`))} | ${mb(num(`${id}.maxBytes`))} | ${growth.toFixed(0)} B | ${growth < HEAP_STEADY_BYTES_PER_1000_STEPS ? 'yes' : 'NO'} |`);
  }
  return lines.join('\n');
}

/**
 * Growth per 1,000 steps below which the heap counts as steady: 16 bytes a step, less than the
 * smallest object V8 allocates, so keeping one object per step fails it; V8's one-off growth as
 * it compiles rarely taken paths (a few KB to tens of KB once) stays under it.
 */
export const HEAP_STEADY_BYTES_PER_1000_STEPS = 16 * 1024;

/** The heap figures of one workload. */
export interface HeapRun {
  steps: number;
  firstBytes: number;
  lastBytes: number;
  maxBytes: number;
  growthPer1000Steps: number;
}

/**
 * First, last, largest and growth per 1,000 steps of heap samples taken evenly over
 * `steps` steps. The growth compares the medians of the first and the last half of the samples
 * (a one-off collection artefact in one sample does not count; a leak moves every later sample),
 * over the steps between the halves' middles.
 */
export function summarizeHeap(samples: readonly number[], steps: number): HeapRun {
  const half = Math.floor(samples.length / 2);
  const median = (a: readonly number[]): number => {
    const s = [...a].sort((x, y) => x - y);
    return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const early = median(samples.slice(0, half));
  const late = median(samples.slice(samples.length - half));
  const apart = ((samples.length - half) * steps) / (samples.length - 1);
  return {
    steps,
    firstBytes: samples[0],
    lastBytes: samples[samples.length - 1],
    maxBytes: Math.max(...samples),
    growthPer1000Steps: apart > 0 ? ((late - early) * 1000) / apart : 0,
  };
}

