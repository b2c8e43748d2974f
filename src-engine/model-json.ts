/**
 * The trained-model file (`.layerlab-model.json`): the layer chain with its weights, enough
 * to predict without the project or the data. `predictFromModel` runs the engine's own
 * layers in the recorded precision, so it reproduces `session.predict` bit for bit.
 *
 * Weights are nested arrays W[in][out] (row i holds the weights leaving input i), as Keras'
 * `Dense.kernel`; biases are b[out]. Dropout layers are kept for the record and are the
 * identity at inference. `input.normalization` is the scaling fitted on the training split
 * (x' = (x − offset) / scale per feature) or null; `predictFromModel` applies it, so it
 * takes raw inputs as the session's `predict` does.
 */
import { z } from 'zod';
import { ACTIVATIONS, formatIssues, type Project } from './project';
import { compileGraph } from './compile';
import { datasetShape, loadDataset } from './datasets';
import { scaleValue } from './normalization';
import { ActivationLayer } from './layers/activation-layer';
import { DenseLayer } from './layers/dense';
import type { Layer } from './layers/layer';
import type { TrainingSession } from './training-session';
import { createTensor, type Tensor } from './tensor';

/** The `format` field every model file carries. */
export const MODEL_FORMAT = 'layerlab-model';
/** The model file version this engine writes and reads. */
export const MODEL_VERSION = 1;

const finite = () => z.number().finite();
const units = () => z.number().int().min(1).max(4096);

/** One layer of a model file. */
export const modelLayerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('dense'),
    name: z.string(),
    units: units(),
    activation: z.enum(ACTIVATIONS),
    alpha: finite(),
    weights: z.array(z.array(finite())),
    bias: z.array(finite()).nullable(),
  }),
  z.object({ type: z.literal('dropout'), name: z.string(), units: units(), rate: z.number().min(0).max(0.99) }),
  z.object({ type: z.literal('activation'), name: z.string(), units: units(), activation: z.enum(ACTIVATIONS), alpha: finite() }),
]);
/** One layer of a parsed model file. */
export type ModelLayer = z.infer<typeof modelLayerSchema>;

/** The whole model file. `precision` is the one the model was trained (and predicts) in. */
export const modelSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  precision: z.enum(['float32', 'float64']).default('float64'),
  layers: z.array(modelLayerSchema).min(1).max(200),
  input: z.object({
    features: units(),
    featureNames: z.array(z.string()),
    normalization: z
      .object({
        type: z.enum(['standardize', 'minmax']),
        offset: z.array(finite()),
        scale: z.array(finite().gt(0)),
      })
      .nullable(),
  }),
  output: z.object({
    task: z.enum(['classification', 'regression']),
    classLabels: z.array(z.string()).nullable(),
  }),
});
/** A parsed model file. */
export type LayerlabModel = z.infer<typeof modelSchema>;

/** Checks that the widths chain up: W has `inputs` rows of `units` values, b has `units`. */
function checkShapes(model: LayerlabModel): string | null {
  let width = model.input.features;
  if (model.input.featureNames.length !== width) {
    return `input.featureNames: has ${model.input.featureNames.length} names for ${width} features.`;
  }
  const norm = model.input.normalization;
  if (norm && (norm.offset.length !== width || norm.scale.length !== width)) {
    return `input.normalization: has ${norm.offset.length} offsets and ${norm.scale.length} scales for ${width} features (one each per feature).`;
  }
  for (const [i, layer] of model.layers.entries()) {
    const at = `layers[${i}]`;
    if (layer.type === 'dense') {
      if (layer.weights.length !== width) return `${at}.weights: has ${layer.weights.length} rows but the layer receives ${width} inputs (one row per input).`;
      const bad = layer.weights.findIndex((row) => row.length !== layer.units);
      if (bad >= 0) return `${at}.weights[${bad}]: has ${layer.weights[bad].length} values but the layer has ${layer.units} units.`;
      if (layer.bias && layer.bias.length !== layer.units) return `${at}.bias: has ${layer.bias.length} values but the layer has ${layer.units} units.`;
      width = layer.units;
    } else if (layer.units !== width) {
      return `${at}.units: is ${layer.units} but the layer receives ${width} values.`;
    }
  }
  if (model.layers[model.layers.length - 1].type !== 'dense') return `layers: the last layer must be the dense output layer.`;
  return null;
}

/** Validates an unknown value (parsed JSON) as a model. Never throws; errors name the field. */
export function parseModel(raw: unknown): { ok: true; value: LayerlabModel } | { ok: false; error: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'The file is not a LayerLab model: expected a JSON object.' };
  }
  const head = raw as { format?: unknown; version?: unknown };
  if (head.format !== MODEL_FORMAT) return { ok: false, error: `The file is not a LayerLab model: "format" must be "${MODEL_FORMAT}".` };
  if (typeof head.version === 'number' && head.version > MODEL_VERSION) {
    return { ok: false, error: `This model was saved by a newer LayerLab (model version ${head.version}; this one reads up to ${MODEL_VERSION}). Update LayerLab to open it.` };
  }
  const parsed = modelSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: formatIssues(parsed.error) };
  const shapeProblem = checkShapes(parsed.data);
  return shapeProblem ? { ok: false, error: shapeProblem } : { ok: true, value: parsed.data };
}

function toRows(w: ArrayLike<number>, inputs: number, outUnits: number): number[][] {
  return Array.from({ length: inputs }, (_, i) => Array.from({ length: outUnits }, (_, j) => w[i * outUnits + j]));
}

/**
 * The session's current network as a model file (a plain JSON-ready object). Layer names,
 * activations and dropout rates come from `project` (the one the session was created
 * from), weights from the session. Throws if the project does not compile (it did, or the
 * session would not exist).
 */
export function exportModel(session: TrainingSession, project: Project): LayerlabModel {
  // A file-backed set cannot be loaded here (the engine reads no files): its spec carries the names.
  const spec = project.dataset;
  let ds: { features: number; targets: number; task: 'classification' | 'regression'; featureNames: string[]; classLabels: string[] | null };
  if (spec.type === 'file') {
    const shape = datasetShape(spec);
    ds = { ...shape, featureNames: spec.featureNames, classLabels: spec.task === 'classification' ? (spec.classLabels ?? Array.from({ length: shape.classes }, (_, c) => String(c))) : null };
  } else {
    const loaded = loadDataset(spec);
    if (!loaded.ok) throw new Error(loaded.error);
    ds = loaded.dataset;
  }
  const compiled = compileGraph(project.graph, { features: ds.features, targets: ds.targets, task: ds.task, classes: ds.classLabels?.length ?? 0 }, project.training);
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('\n'));
  const snapshots = new Map(session.snapshot().map((s) => [s.nodeId, s]));
  const layers: ModelLayer[] = compiled.layers.map((l) => {
    if (l.kind === 'dropout') return { type: 'dropout', name: l.name, units: l.units, rate: l.rate };
    if (l.kind === 'activation') return { type: 'activation', name: l.name, units: l.units, activation: l.activation, alpha: l.alpha };
    const s = snapshots.get(l.nodeId);
    if (!s) throw new Error(`The session has no layer '${l.nodeId}'.`);
    return { type: 'dense', name: l.name, units: l.units, activation: l.activation, alpha: l.alpha, weights: toRows(s.weights, l.inputs, l.units), bias: s.bias ? Array.from(s.bias) : null };
  });
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    precision: project.training.precision,
    layers,
    input: {
      features: ds.features,
      featureNames: [...ds.featureNames],
      normalization: session.normalization ? { type: session.normalization.type, offset: [...session.normalization.offset], scale: [...session.normalization.scale] } : null,
    },
    output: { task: ds.task, classLabels: ds.classLabels ? [...ds.classLabels] : null },
  };
}

/** Largest batch `predictFromModel` runs at once (bounds its buffers). */
const PREDICT_CHUNK = 1024;

/**
 * Inference-mode outputs `[n][outputUnits]` for raw inputs `x` `[n][features]`: scaled by
 * `input.normalization` (when set) exactly as the session scales them, then run through the
 * engine's layers in the model's precision. Allocates the layers and the result; throws if
 * `x` is shorter than n·features.
 */
export function predictFromModel(model: LayerlabModel, x: ArrayLike<number>, n: number): Float64Array {
  const features = model.input.features;
  if (x.length < n * features) throw new Error(`predictFromModel: ${n} samples of ${features} features need ${n * features} values, got ${x.length}.`);
  const capacity = Math.max(1, Math.min(n, PREDICT_CHUNK));
  const precision = model.precision;
  const layers: Layer[] = [];
  let width = features;
  for (const [i, l] of model.layers.entries()) {
    if (l.type === 'dense') {
      const d = new DenseLayer({ nodeId: l.name || `layer${i}`, inputs: width, units: l.units, activation: l.activation, alpha: l.alpha, useBias: l.bias !== null, l1: 0, l2: 0 }, precision, capacity);
      l.weights.forEach((row, r) => d.weights.set(row, r * l.units));
      if (d.bias && l.bias) d.bias.set(l.bias);
      layers.push(d);
      width = l.units;
    } else if (l.type === 'activation') {
      layers.push(new ActivationLayer(l.name, width, l.activation, l.alpha, precision, capacity));
    } // dropout: identity at inference
  }
  const input: Tensor = createTensor(precision, capacity * features);
  const norm = model.input.normalization;
  const result = new Float64Array(n * width);
  for (let start = 0; start < n; start += capacity) {
    const rows = Math.min(capacity, n - start);
    for (let k = 0; k < rows * features; k++) {
      const v = x[start * features + k];
      input[k] = norm ? scaleValue(norm, k % features, v) : v;
    }
    let out: Tensor = input;
    for (const layer of layers) out = layer.forward(out, rows, false);
    for (let k = 0; k < rows * width; k++) result[start * width + k] = out[k];
  }
  return result;
}
