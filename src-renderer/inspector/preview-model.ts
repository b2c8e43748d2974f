/**
 * What the data set preview shows, computed from a loaded data set without touching the DOM:
 * a sample of points for a scatter plot or a curve, the first images with their labels, or
 * the first rows as text. Large sets are sampled (seeded, so the picture is stable), never
 * drawn whole. Pure; the component builds it in a `useMemo` and only draws it.
 */
import { loadDataset, previewFor, type Dataset } from '../../src-engine/datasets';
import type { DatasetSpec } from '../../src-engine/project';
import { createRng } from '../../src-engine/rng';

/** Most points a scatter plot or curve draws. */
export const MAX_PREVIEW_POINTS = 1500;
/** Images in the digits grid (5 rows of 8). */
export const PREVIEW_IMAGES = 40;
/** Rows in the table. */
export const PREVIEW_ROWS = 8;
/** Input columns in the table; the rest are counted, not shown. */
export const PREVIEW_COLUMNS = 8;

/** Points to plot: `x`, `y` per point and its colour key (a class or a target value). */
export interface PreviewPoints {
  /** Samples in the data set. */
  count: number;
  x: Float64Array;
  y: Float64Array;
  /** Class per point (classification), else null. */
  classes: Int32Array | null;
  /** Target value per point (regression scatter), else null. */
  values: Float64Array | null;
  xName: string;
  yName: string;
}

export type PreviewModel =
  | ({ kind: 'scatter'; classLabels: string[] | null; targetName: string; valueMin: number; valueMax: number } & PreviewPoints)
  | ({ kind: 'curve' } & PreviewPoints)
  | {
      kind: 'images';
      count: number;
      side: number;
      /** Intensity of a full pixel. */
      max: number;
      /** The first images, each `side`² intensities row-major. */
      images: Float64Array[];
      labels: string[];
    }
  | {
      kind: 'table';
      count: number;
      /** Column headers: the shown inputs, then the target (null = the translated "class"). */
      inputHeaders: string[];
      targetHeader: string | null;
      rows: string[][];
      hiddenColumns: number;
    };

/**
 * Indices of at most `max` samples of `n`, in ascending order: all of them when they fit,
 * else a seeded random subset (a stride would pick one class only when the classes are
 * interleaved with a period that divides it).
 */
export function sampleIndices(n: number, max: number): Int32Array {
  if (n <= max) return Int32Array.from({ length: n }, (_, i) => i);
  const rng = createRng(1);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  // Partial Fisher–Yates: the first `max` places get a uniform random subset.
  for (let i = 0; i < max; i++) {
    const j = i + Math.floor(rng.next() * (n - i));
    const tmp = perm[i];
    perm[i] = perm[j];
    perm[j] = tmp;
  }
  return perm.subarray(0, max).sort();
}

/** A cell of the table: up to four significant digits, no trailing zeros. */
export function formatCell(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}

/** The name shared by one-hot target columns `name=a`, `name=b` …, else null. */
function oneHotBase(targetNames: readonly string[]): string | null {
  const bases = targetNames.map((n) => (n.includes('=') ? n.slice(0, n.indexOf('=')) : null));
  return bases[0] !== null && bases.every((b) => b === bases[0]) ? bases[0] : null;
}

function points(ds: Dataset, xCol: number, yFrom: 'feature' | 'target'): PreviewPoints {
  const idx = sampleIndices(ds.n, MAX_PREVIEW_POINTS);
  const x = new Float64Array(idx.length);
  const y = new Float64Array(idx.length);
  const classes = ds.labels ? new Int32Array(idx.length) : null;
  const values = ds.labels ? null : new Float64Array(idx.length);
  idx.forEach((i, k) => {
    x[k] = ds.x[i * ds.features + xCol];
    y[k] = yFrom === 'feature' ? ds.x[i * ds.features + 1] : ds.y[i * ds.targets];
    if (classes) classes[k] = ds.labels![i];
    if (values) values[k] = ds.y[i * ds.targets];
  });
  const yName = yFrom === 'feature' ? ds.featureNames[1] : ds.targetNames[0];
  return { count: ds.n, x, y, classes, values, xName: ds.featureNames[xCol], yName };
}

/** The preview of `ds` (see the module comment). Allocates only the shown part. */
export function buildPreviewModel(ds: Dataset): PreviewModel {
  const kind = previewFor(ds);
  switch (kind.kind) {
    case 'scatter': {
      const p = points(ds, 0, 'feature');
      let valueMin = 0;
      let valueMax = 0;
      if (p.values && p.values.length > 0) {
        valueMin = Infinity;
        valueMax = -Infinity;
        for (const v of p.values) {
          valueMin = Math.min(valueMin, v);
          valueMax = Math.max(valueMax, v);
        }
      }
      return { kind: 'scatter', ...p, classLabels: ds.classLabels, targetName: ds.targetNames[0], valueMin, valueMax };
    }
    case 'curve':
      return { kind: 'curve', ...points(ds, 0, 'target') };
    case 'images': {
      const size = kind.side * kind.side;
      const shown = Math.min(PREVIEW_IMAGES, ds.n);
      const images = Array.from({ length: shown }, (_, i) => ds.x.slice(i * ds.features, i * ds.features + size));
      const labels = Array.from({ length: shown }, (_, i) => (ds.labels && ds.classLabels ? ds.classLabels[ds.labels[i]] : formatCell(ds.y[i * ds.targets])));
      return { kind: 'images', count: ds.n, side: kind.side, max: kind.max, images, labels };
    }
    case 'table': {
      const shownColumns = Math.min(PREVIEW_COLUMNS, ds.features);
      const classTarget = ds.labels !== null && ds.classLabels !== null;
      const targetHeader = classTarget
        ? ds.targetNames.length === 1
          ? ds.targetNames[0]
          : oneHotBase(ds.targetNames)
        : ds.targetNames.join(', ');
      const rows: string[][] = [];
      for (let i = 0; i < Math.min(PREVIEW_ROWS, ds.n); i++) {
        const row = Array.from({ length: shownColumns }, (_, j) => formatCell(ds.x[i * ds.features + j]));
        if (classTarget) row.push(ds.classLabels![ds.labels![i]]);
        else row.push(Array.from(ds.y.subarray(i * ds.targets, (i + 1) * ds.targets), formatCell).join(', '));
        rows.push(row);
      }
      return { kind: 'table', count: ds.n, inputHeaders: ds.featureNames.slice(0, shownColumns), targetHeader, rows, hiddenColumns: ds.features - shownColumns };
    }
  }
}

/** Built-in sets read from embedded files: their size is the file's, not `samples`. */
const FIXED_SETS: readonly string[] = ['iris', 'digits', 'notes_linear', 'notes_221'];

/** Samples in the data set `spec` describes (generates only the fixed built-in sets); null when it cannot be loaded. */
export function sampleCount(spec: DatasetSpec): number | null {
  if (spec.type === 'inline') return spec.x.length;
  if (spec.type === 'file') return spec.rows;
  if (!FIXED_SETS.includes(spec.name)) return spec.samples;
  const loaded = loadDataset(spec);
  return loaded.ok ? loaded.dataset.n : null;
}
