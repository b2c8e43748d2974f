/**
 * Built-in data sets, generated from the spec's own seed (independent of the training
 * seed). Two-dimensional sets lie roughly within [−1.5, 1.5]² (the spiral within radius 3);
 * `noise` is the standard deviation of Gaussian noise added to every input coordinate
 * (regression: to the target). `samples`, `noise` and `classes` are ignored by the fixed
 * sets (the notes' rows, iris, digits), which come back in their file's order.
 * Classes are interleaved (sample i has class i mod k) so an unshuffled pass sees all
 * classes early.
 */
import type { BuiltinDatasetName, DatasetSpec } from '../project';
import { createRng, type Rng } from '../rng';
import { assertNever } from '../tensor';
import { loadDigits } from './digits';
import { loadIris } from './iris';
import type { DataShape, Dataset } from './dataset';

/** The spec of a built-in data set. */
export type BuiltinSpec = Extract<DatasetSpec, { type: 'builtin' }>;

const TWO_CLASS: ReadonlySet<BuiltinDatasetName> = new Set(['spiral', 'circles', 'xor', 'gaussians', 'moons', 'notes_221']);

/** Features, targets and classes of a built-in set, without generating it. */
export function builtinShape(spec: BuiltinSpec): DataShape {
  if (TWO_CLASS.has(spec.name)) return { features: 2, targets: 1, task: 'classification', classes: 2 };
  if (spec.name === 'blobs') return { features: 2, targets: spec.classes, task: 'classification', classes: spec.classes };
  if (spec.name === 'iris') return { features: 4, targets: 3, task: 'classification', classes: 3 };
  if (spec.name === 'digits') return { features: 64, targets: 10, task: 'classification', classes: 10 };
  if (spec.name === 'surface2d' || spec.name === 'saddle') return { features: 2, targets: 1, task: 'regression', classes: 0 };
  return { features: 1, targets: 1, task: 'regression', classes: 0 };
}

/**
 * Spiral size: each arm turns once and reaches radius 3. Chosen by experiment so the
 * 2-8-8-1 tanh example separates it within a few hundred Adam steps for any seed (radius 1
 * or 1.25 turns left it on a plateau for 100+ epochs).
 */
const SPIRAL_TURNS = 1;
const SPIRAL_RADIUS = 3;

/** A point of class `label`, the `k`-th of `m` in its class. */
type PointGenerator = (label: number, k: number, m: number, rng: Rng) => [number, number];

const GENERATORS: Record<'spiral' | 'circles' | 'xor' | 'gaussians' | 'moons', PointGenerator> = {
  // Two arms r = R·s, θ = 2π·turns·s + π·label with s = (k + ½)/m (after TensorFlow Playground's spiral).
  spiral: (label, k, m) => {
    const s = (k + 0.5) / m;
    const r = SPIRAL_RADIUS * s;
    const t = 2 * Math.PI * SPIRAL_TURNS * s + Math.PI * label;
    return [r * Math.sin(t), r * Math.cos(t)];
  },
  // Class 1 inside radius 0.5, class 0 in the ring 0.7 … 1.0 (Playground's circle).
  circles: (label, _k, _m, rng) => {
    const r = label === 1 ? 0.5 * rng.next() : 0.7 + 0.3 * rng.next();
    const t = 2 * Math.PI * rng.next();
    return [r * Math.sin(t), r * Math.cos(t)];
  },
  // Class 1 where x·y > 0; points kept 0.05 away from the axes so the label is unambiguous.
  xor: (label, _k, _m, rng) => {
    const a = 0.05 + 0.95 * rng.next();
    const b = 0.05 + 0.95 * rng.next();
    const sa = rng.next() < 0.5 ? -1 : 1;
    return label === 1 ? [sa * a, sa * b] : [sa * a, -sa * b];
  },
  // Class 1 around (0.5, 0.5), class 0 around (−0.5, −0.5), spread 0.25 per coordinate.
  gaussians: (label, _k, _m, rng) => {
    const c = label === 1 ? 0.5 : -0.5;
    return [c + 0.25 * rng.normal(), c + 0.25 * rng.normal()];
  },
  // scikit-learn's make_moons, shifted so the pair is centred on the origin.
  moons: (label, k, m) => {
    const t = (Math.PI * k) / Math.max(1, m - 1);
    return label === 0 ? [Math.cos(t) - 0.5, Math.sin(t) - 0.25] : [0.5 - Math.cos(t), 0.25 - Math.sin(t)];
  },
};

function classification(name: string, x: number[], labels: number[], classes: number, oneHot: boolean): Dataset {
  const n = labels.length;
  const targets = oneHot ? classes : 1;
  const y = new Float64Array(n * targets);
  for (let i = 0; i < n; i++) {
    if (oneHot) y[i * targets + labels[i]] = 1;
    else y[i] = labels[i];
  }
  return {
    name,
    task: 'classification',
    n,
    features: x.length / n,
    targets,
    x: Float64Array.from(x),
    y,
    labels: Int32Array.from(labels),
    classLabels: Array.from({ length: classes }, (_, c) => String(c)),
    featureNames: x.length / n === 1 ? ['x'] : ['x1', 'x2'],
    targetNames: oneHot ? Array.from({ length: classes }, (_, c) => `class ${c}`) : ['y'],
  };
}

function regression(name: string, x: number[], y: number[], featureNames = ['x']): Dataset {
  return {
    name,
    task: 'regression',
    n: y.length,
    features: featureNames.length,
    targets: 1,
    x: Float64Array.from(x),
    y: Float64Array.from(y),
    labels: null,
    classLabels: null,
    featureNames,
    targetNames: ['y'],
  };
}

/** Generates a built-in data set from `spec` (deterministic in `spec.seed`). Allocates. */
export function generateBuiltin(spec: BuiltinSpec): Dataset {
  const rng = createRng(spec.seed);
  const { samples: n, noise } = spec;
  switch (spec.name) {
    case 'spiral':
    case 'circles':
    case 'xor':
    case 'gaussians':
    case 'moons':
    case 'blobs': {
      const classes = spec.name === 'blobs' ? spec.classes : 2;
      const x: number[] = [];
      const labels: number[] = [];
      for (let i = 0; i < n; i++) {
        const label = i % classes;
        const k = Math.floor(i / classes);
        const m = Math.floor(n / classes) + (label < n % classes ? 1 : 0);
        let p: [number, number];
        if (spec.name === 'blobs') {
          // Centres evenly on the unit circle, spread 0.25 per coordinate.
          const a = (2 * Math.PI * label) / classes;
          p = [Math.cos(a) + 0.25 * rng.normal(), Math.sin(a) + 0.25 * rng.normal()];
        } else {
          p = GENERATORS[spec.name](label, k, m, rng);
        }
        x.push(p[0] + noise * rng.normal(), p[1] + noise * rng.normal());
        labels.push(label);
      }
      return classification(spec.name, x, labels, classes, spec.name === 'blobs');
    }
    case 'linear1d': {
      // y = 2x − 1 on x ∈ [−1, 1).
      const x: number[] = [];
      const y: number[] = [];
      for (let i = 0; i < n; i++) {
        const v = 2 * rng.next() - 1;
        x.push(v);
        y.push(2 * v - 1 + noise * rng.normal());
      }
      return regression('linear1d', x, y);
    }
    case 'sine1d': {
      // y = sin(x) on x ∈ [−3, 3).
      const x: number[] = [];
      const y: number[] = [];
      for (let i = 0; i < n; i++) {
        const v = 6 * rng.next() - 3;
        x.push(v);
        y.push(Math.sin(v) + noise * rng.normal());
      }
      return regression('sine1d', x, y);
    }
    case 'polynomial1d': {
      // y = x³ − x on x ∈ [−1.5, 1.5): two bends, so a straight line fits it badly.
      const x: number[] = [];
      const y: number[] = [];
      for (let i = 0; i < n; i++) {
        const v = 3 * rng.next() - 1.5;
        x.push(v);
        y.push(v * v * v - v + noise * rng.normal());
      }
      return regression('polynomial1d', x, y);
    }
    case 'surface2d':
    case 'saddle': {
      // surface2d: y = sin(x₁)·cos(x₂) on [−3, 3)²; saddle: y = x₁² − x₂² on [−1, 1)².
      const half = spec.name === 'surface2d' ? 3 : 1;
      const x: number[] = [];
      const y: number[] = [];
      for (let i = 0; i < n; i++) {
        const a = half * (2 * rng.next() - 1);
        const b = half * (2 * rng.next() - 1);
        x.push(a, b);
        const clean = spec.name === 'surface2d' ? Math.sin(a) * Math.cos(b) : a * a - b * b;
        y.push(clean + noise * rng.normal());
      }
      return regression(spec.name, x, y, ['x1', 'x2']);
    }
    case 'notes_linear':
      // The notes' toy data for ŷ = b₁X (002, "경사하강법"): exactly these four rows.
      return regression('notes_linear', [2, 1, 3, 4], [5, 2, 6, 6], ['X']);
    case 'notes_221':
      // The notes' 2-2-1 example data: (1, 1) → 1, (2, 2) → 0.
      return classification('notes_221', [1, 1, 2, 2], [1, 0], 2, false);
    case 'iris':
      return loadIris();
    case 'digits':
      return loadDigits();
    default:
      return assertNever(spec.name, 'built-in data set');
  }
}
