/**
 * Data sets stored in the project file (`{ type: 'inline' }`). Classification targets are
 * either one column of class indices 0 … k−1 or k one-hot columns.
 */
import type { DatasetSpec } from '../project';
import type { DataShape, Dataset, LoadDatasetResult } from './dataset';

/** The spec of an inline data set. */
export type InlineSpec = Extract<DatasetSpec, { type: 'inline' }>;

/** Number of classes of an inline classification set (scans one target column if needed). */
function inlineClasses(spec: InlineSpec): number {
  if (spec.classLabels && spec.classLabels.length > 0) return Math.max(2, spec.classLabels.length);
  if (spec.targetNames.length > 1) return spec.targetNames.length;
  let max = 1;
  for (const row of spec.y) if (row.length > 0 && Number.isFinite(row[0]) && row[0] > max) max = Math.floor(row[0]);
  return max + 1;
}

/** Shape of an inline set: features and targets from the column names. */
export function inlineShape(spec: InlineSpec): DataShape {
  const features = spec.featureNames.length;
  const targets = spec.targetNames.length;
  if (spec.task === 'regression') return { features, targets, task: 'regression', classes: 0 };
  return { features, targets, task: 'classification', classes: inlineClasses(spec) };
}

/** Validates and converts an inline set. Never throws; errors name the row to fix. */
export function loadInline(spec: InlineSpec): LoadDatasetResult {
  const features = spec.featureNames.length;
  const targets = spec.targetNames.length;
  const n = spec.x.length;
  const where = `Data set '${spec.name}'`;
  if (n === 0) return { ok: false, error: `${where} has no rows. Add at least one sample.` };
  if (spec.y.length !== n) {
    return { ok: false, error: `${where} has ${n} input rows but ${spec.y.length} target rows. Give every sample one target row.` };
  }
  const x = new Float64Array(n * features);
  const y = new Float64Array(n * targets);
  for (let i = 0; i < n; i++) {
    if (spec.x[i].length !== features) {
      return { ok: false, error: `${where}, row ${i + 1}: ${spec.x[i].length} inputs, but ${features} feature columns are named. Give every row ${features} values.` };
    }
    if (spec.y[i].length !== targets) {
      return { ok: false, error: `${where}, row ${i + 1}: ${spec.y[i].length} targets, but ${targets} target columns are named. Give every row ${targets} values.` };
    }
    x.set(spec.x[i], i * features);
    y.set(spec.y[i], i * targets);
  }
  let labels: Int32Array | null = null;
  let classLabels: string[] | null = null;
  if (spec.task === 'classification') {
    const classes = inlineClasses(spec);
    labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      if (targets === 1) {
        const v = y[i];
        if (!Number.isInteger(v) || v < 0 || v >= classes) {
          return { ok: false, error: `${where}, row ${i + 1}: class ${v} is not one of 0 … ${classes - 1}. Use class indices starting at 0.` };
        }
        labels[i] = v;
      } else {
        let best = 0;
        let sum = 0;
        for (let j = 0; j < targets; j++) {
          sum += y[i * targets + j];
          if (y[i * targets + j] > y[i * targets + best]) best = j;
        }
        if (Math.abs(sum - 1) > 1e-6) {
          return { ok: false, error: `${where}, row ${i + 1}: the ${targets} target columns must be one-hot (sum to 1), they sum to ${sum}.` };
        }
        labels[i] = best;
      }
    }
    classLabels = spec.classLabels && spec.classLabels.length >= classes
      ? spec.classLabels.slice(0, classes)
      : Array.from({ length: classes }, (_, c) => spec.classLabels?.[c] ?? String(c));
  }
  return {
    ok: true,
    dataset: {
      name: spec.name,
      task: spec.task,
      n,
      features,
      targets,
      x,
      y,
      labels,
      classLabels,
      featureNames: [...spec.featureNames],
      targetNames: [...spec.targetNames],
    },
  };
}

/**
 * The inline spec of a loaded data set (nested arrays `x[n][features]`, `y[n][targets]`),
 * which `loadInline` turns back into the same data. Allocates.
 */
export function toInlineSpec(ds: Dataset): InlineSpec {
  const x: number[][] = new Array(ds.n);
  const y: number[][] = new Array(ds.n);
  for (let i = 0; i < ds.n; i++) {
    x[i] = Array.from(ds.x.subarray(i * ds.features, (i + 1) * ds.features));
    y[i] = Array.from(ds.y.subarray(i * ds.targets, (i + 1) * ds.targets));
  }
  const spec: InlineSpec = { type: 'inline', name: ds.name, task: ds.task, featureNames: [...ds.featureNames], targetNames: [...ds.targetNames], x, y };
  if (ds.classLabels) spec.classLabels = [...ds.classLabels];
  return spec;
}
