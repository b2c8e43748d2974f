/**
 * The files every contender loads, written once per benchmark run by the orchestrator:
 * `<dir>/<id>/meta.json` (the workload and the shapes), `x.f64`, `y.f64` and `params.f64`
 * (every layer's W `[in][out]` row-major then b `[out]`, in chain order). Binary files are
 * little-endian float64, so the Python runners read them with `numpy.fromfile('<f8')`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayerParams, Workload, WorkloadData } from './workloads';

/** What meta.json holds. */
export interface SharedMeta {
  workload: Workload;
  n: number;
  features: number;
  outputs: number;
  /** Length of every layer's weights and bias in params.f64, in order. */
  layers: { inputs: number; units: number }[];
}

/** Everything a runner needs for one workload. */
export interface SharedWorkload {
  meta: SharedMeta;
  data: WorkloadData;
  params: LayerParams[];
}

/** Copies a typed array into a fresh little-endian byte buffer (x86 and ARM are little-endian). */
function bytesOf(a: Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** Reads a float64 file into a fresh (aligned) Float64Array. */
function readF64(path: string): Float64Array {
  const b = readFileSync(path);
  const out = new Float64Array(b.byteLength / 8);
  new Uint8Array(out.buffer).set(b);
  return out;
}

/** Writes one workload's files under `dir/<id>/`. Creates the folder. */
export function writeShared(dir: string, w: Workload, data: WorkloadData, params: LayerParams[]): void {
  const d = join(dir, w.id);
  mkdirSync(d, { recursive: true });
  const meta: SharedMeta = {
    workload: w,
    n: data.n,
    features: data.features,
    outputs: data.outputs,
    layers: params.map((p) => ({ inputs: p.inputs, units: p.units })),
  };
  writeFileSync(join(d, 'meta.json'), JSON.stringify(meta, null, 1));
  writeFileSync(join(d, 'x.f64'), bytesOf(data.x));
  writeFileSync(join(d, 'y.f64'), bytesOf(data.y));
  const total = params.reduce((s, p) => s + p.weights.length + p.bias.length, 0);
  const flat = new Float64Array(total);
  let o = 0;
  for (const p of params) {
    flat.set(p.weights, o);
    o += p.weights.length;
    flat.set(p.bias, o);
    o += p.bias.length;
  }
  writeFileSync(join(d, 'params.f64'), bytesOf(flat));
}

/** Reads what `writeShared` wrote for workload `id`. */
export function readShared(dir: string, id: string): SharedWorkload {
  const d = join(dir, id);
  const meta = JSON.parse(readFileSync(join(d, 'meta.json'), 'utf8')) as SharedMeta;
  const x = readF64(join(d, 'x.f64'));
  const y = readF64(join(d, 'y.f64'));
  const flat = readF64(join(d, 'params.f64'));
  const params: LayerParams[] = [];
  let o = 0;
  for (const l of meta.layers) {
    const weights = flat.slice(o, o + l.inputs * l.units);
    o += weights.length;
    const bias = flat.slice(o, o + l.units);
    o += bias.length;
    params.push({ inputs: l.inputs, units: l.units, weights, bias });
  }
  let labels: Int32Array | null = null;
  if (meta.workload.task === 'classification') {
    labels = new Int32Array(meta.n);
    for (let r = 0; r < meta.n; r++) {
      if (meta.outputs === 1) labels[r] = y[r];
      else for (let j = 0; j < meta.outputs; j++) if (y[r * meta.outputs + j] === 1) labels[r] = j;
    }
  }
  return { meta, data: { n: meta.n, features: meta.features, outputs: meta.outputs, x, y, labels }, params };
}
