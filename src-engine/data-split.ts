/**
 * The training / validation / test split and the target encoding the network trains
 * against. Classification splits are stratified: every class has its overall share in each
 * part, within one sample.
 */
import type { Dataset } from './datasets/dataset';
import type { Rng } from './rng';

/** One part of the data: inputs `[n][features]`, targets `[n][outputs]`, labels `[n]` or null. */
export interface DataPart {
  n: number;
  x: Float64Array;
  y: Float64Array;
  labels: Int32Array | null;
}

/** Sizes of the three parts; they add up to n. */
export interface SplitCounts {
  train: number;
  val: number;
  test: number;
}

/** How to split: shares of n held out (⌊n·share⌋ samples) and whether to stratify by class. */
export interface SplitOptions {
  validationSplit: number;
  /** Default 0. */
  testSplit?: number;
  /** Keep each class's share in every part (needs labels). Default false. */
  stratify?: boolean;
}

/**
 * Samples held out for validation: ⌊n·validationSplit⌋, at least one sample stays for training.
 */
export function validationCount(n: number, validationSplit: number): number {
  return Math.min(Math.max(0, n - 1), Math.floor(n * validationSplit));
}

/**
 * Part sizes: test = ⌊n·testSplit⌋ and validation = ⌊n·validationSplit⌋, but at least one
 * sample stays for training; when both do not fit, validation gives way first.
 */
export function splitCounts(n: number, validationSplit: number, testSplit = 0): SplitCounts {
  const test = Math.min(Math.max(0, n - 1), Math.floor(n * testSplit));
  const val = Math.min(Math.max(0, n - 1 - test), Math.floor(n * validationSplit));
  return { train: n - val - test, val, test };
}

/**
 * Splits `ds` into training, validation and test parts; targets are encoded for a network
 * with `outputs` units: regression as given, classification as the 0/1 label (1 unit) or
 * one-hot (k units). All parts keep the data set's original order, and `rng` is only drawn
 * from when something is held out, so with no validation, no test and no shuffling the
 * network sees the samples exactly as listed.
 *
 * Without stratification the held-out samples are the first ones of a permutation drawn
 * from `rng` (validation, then test), as before test splits existed. With it, the
 * per-class part sizes are rounded so that each lies within one sample of
 * n_class·size_part/n and the sizes still add up (`stratifiedCounts`), then each class's
 * samples are shuffled and dealt out. Advances `rng`; allocates the parts.
 */
export function splitDataset(ds: Dataset, options: SplitOptions, outputs: number, rng: Rng): { train: DataPart; val: DataPart; test: DataPart } {
  const counts = splitCounts(ds.n, options.validationSplit, options.testSplit ?? 0);
  // 0 = train, 1 = validation, 2 = test
  const part = new Uint8Array(ds.n);
  if (counts.val + counts.test > 0) {
    if (options.stratify && ds.labels) assignStratified(ds.labels, counts, rng, part);
    else {
      const perm = new Int32Array(ds.n);
      for (let i = 0; i < ds.n; i++) perm[i] = i;
      rng.shuffle(perm);
      for (let i = 0; i < counts.val; i++) part[perm[i]] = 1;
      for (let i = counts.val; i < counts.val + counts.test; i++) part[perm[i]] = 2;
    }
  }
  const lists: number[][] = [[], [], []];
  for (let i = 0; i < ds.n; i++) lists[part[i]].push(i);
  return { train: gather(ds, lists[0], outputs), val: gather(ds, lists[1], outputs), test: gather(ds, lists[2], outputs) };
}

function assignStratified(labels: Int32Array, counts: SplitCounts, rng: Rng, part: Uint8Array): void {
  const members = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const list = members.get(labels[i]);
    if (list) list.push(i);
    else members.set(labels[i], [i]);
  }
  const classes = [...members.keys()].sort((a, b) => a - b);
  const perClass = stratifiedCounts(classes.map((c) => members.get(c)!.length), counts);
  classes.forEach((c, k) => {
    const indices = Int32Array.from(members.get(c)!);
    rng.shuffle(indices);
    const { val, test } = perClass[k];
    for (let i = 0; i < val; i++) part[indices[i]] = 1;
    for (let i = val; i < val + test; i++) part[indices[i]] = 2;
  });
}

/**
 * Rounds the table share[c][p] = classSizes[c]·size_p/n to integers, each entry up or down,
 * keeping every row sum (the class sizes) and column sum (the part sizes). Such a rounding
 * always exists (the fractional table is a feasible flow, so an integral one exists: Cox's
 * controlled rounding); it is found as a maximum flow from classes to parts over the
 * entries with a fractional part. Integer arithmetic throughout, so it is exact.
 */
export function stratifiedCounts(classSizes: readonly number[], counts: SplitCounts): SplitCounts[] {
  const n = classSizes.reduce((a, b) => a + b, 0);
  const sizes = [counts.train, counts.val, counts.test];
  const k = classSizes.length;
  const table = classSizes.map((m) => sizes.map((s) => Math.floor((m * s) / n)));
  // Nodes: 0 = source, 1 … k = classes, k+1 … k+3 = parts, k+4 = sink.
  const sink = k + 4;
  const graph = new FlowGraph(k + 5);
  const entryEdges: number[][] = [];
  for (let c = 0; c < k; c++) {
    graph.add(0, 1 + c, classSizes[c] - table[c][0] - table[c][1] - table[c][2]);
    entryEdges.push(sizes.map((s, p) => ((classSizes[c] * s) % n === 0 ? -1 : graph.add(1 + c, k + 1 + p, 1))));
  }
  let demand = 0;
  for (let p = 0; p < 3; p++) {
    let floors = 0;
    for (let c = 0; c < k; c++) floors += table[c][p];
    graph.add(k + 1 + p, sink, sizes[p] - floors);
    demand += sizes[p] - floors;
  }
  const flow = graph.maxFlow(0, sink);
  if (flow !== demand) throw new Error(`stratifiedCounts: rounding found ${flow} of ${demand} units (cannot happen).`);
  return table.map((row, c) => {
    const r = row.map((v, p) => v + (entryEdges[c][p] >= 0 ? graph.flowOn(entryEdges[c][p]) : 0));
    return { train: r[0], val: r[1], test: r[2] };
  });
}

/** A small flow network for `stratifiedCounts` (Edmonds–Karp: shortest augmenting paths). */
class FlowGraph {
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly initial: number[] = [];
  private readonly adjacent: number[][];

  constructor(nodes: number) {
    this.adjacent = Array.from({ length: nodes }, () => []);
  }

  /** Adds edge a → b with `capacity` (and its residual twin); returns the edge's id. */
  add(a: number, b: number, capacity: number): number {
    const id = this.to.length;
    this.to.push(b, a);
    this.cap.push(capacity, 0);
    this.initial.push(capacity, 0);
    this.adjacent[a].push(id);
    this.adjacent[b].push(id + 1);
    return id;
  }

  /** Flow sent along edge `id`. */
  flowOn(id: number): number {
    return this.initial[id] - this.cap[id];
  }

  maxFlow(source: number, sink: number): number {
    let total = 0;
    const via = new Int32Array(this.adjacent.length);
    for (;;) {
      via.fill(-1);
      const queue = [source];
      via[source] = -2;
      for (let q = 0; q < queue.length && via[sink] === -1; q++) {
        for (const e of this.adjacent[queue[q]]) {
          if (this.cap[e] > 0 && via[this.to[e]] === -1) {
            via[this.to[e]] = e;
            queue.push(this.to[e]);
          }
        }
      }
      if (via[sink] === -1) return total;
      let push = Infinity;
      for (let v = sink; v !== source; v = this.to[via[v] ^ 1]) push = Math.min(push, this.cap[via[v]]);
      for (let v = sink; v !== source; v = this.to[via[v] ^ 1]) {
        this.cap[via[v]] -= push;
        this.cap[via[v] ^ 1] += push;
      }
      total += push;
    }
  }
}

function gather(ds: Dataset, indices: number[], outputs: number): DataPart {
  const n = indices.length;
  const f = ds.features;
  const x = new Float64Array(n * f);
  const y = new Float64Array(n * outputs);
  const labels = ds.labels ? new Int32Array(n) : null;
  for (let r = 0; r < n; r++) {
    const i = indices[r];
    x.set(ds.x.subarray(i * f, (i + 1) * f), r * f);
    if (ds.labels && labels) {
      const label = ds.labels[i];
      labels[r] = label;
      if (outputs === 1) y[r] = label;
      else if (label < outputs) y[r * outputs + label] = 1;
    } else {
      y.set(ds.y.subarray(i * ds.targets, i * ds.targets + Math.min(outputs, ds.targets)), r * outputs);
    }
  }
  return { n, x, y, labels };
}
