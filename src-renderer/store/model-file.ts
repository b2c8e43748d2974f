/**
 * The trained model (the engine's model JSON, `.layerlab-model.json`) to and from the editor:
 * - export: the run's project plus the latest weights snapshot become a model file;
 * - import: a model file becomes a project whose dense layers start from the model's weights
 *   (manual initializers), so it can be inspected on the canvas or trained further.
 * Pure; validated with the engine's own `parseModel` both ways.
 */
import { compileGraph } from '../../src-engine/compile';
import { datasetShape, loadDataset } from '../../src-engine/datasets';
import { MODEL_FORMAT, MODEL_VERSION, parseModel, type LayerlabModel, type ModelLayer } from '../../src-engine/model-json';
import {
  BUILTIN_DATASETS,
  layerDataSchemas,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  projectSchema,
  type DatasetSpec,
  type GraphEdge,
  type GraphNode,
  type Project,
} from '../../src-engine/project';
import type { SnapshotView } from './types';

export type ModelResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Names of the data's features and classes, from the data itself when it can be loaded. */
function dataNames(spec: DatasetSpec, features: number): { featureNames: string[]; classLabels: string[] | null } {
  const loaded = spec.type === 'file' ? null : loadDataset(spec);
  if (loaded?.ok) return { featureNames: [...loaded.dataset.featureNames], classLabels: loaded.dataset.classLabels ? [...loaded.dataset.classLabels] : null };
  if (spec.type !== 'builtin') return { featureNames: [...spec.featureNames], classLabels: spec.classLabels ? [...spec.classLabels] : null };
  return { featureNames: Array.from({ length: features }, (_, i) => `x${i + 1}`), classLabels: null };
}

/** W as rows W[in][out] from a row-major array. */
function toRows(w: ArrayLike<number>, inputs: number, units: number): number[][] {
  return Array.from({ length: inputs }, (_, i) => Array.from({ length: units }, (_, j) => Number(w[i * units + j])));
}

/**
 * The model file of a run: layer chain of `project` (the project the run started with) and
 * the weights of `snapshot`. Refuses when the snapshot does not cover every dense layer.
 */
export function buildModelFile(project: Project, snapshot: SnapshotView): ModelResult<LayerlabModel> {
  let shape;
  try {
    shape = datasetShape(project.dataset);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const compiled = compileGraph(project.graph, shape, project.training);
  if (!compiled.ok) return { ok: false, error: compiled.problems[0]?.message ?? 'The network does not compile.' };
  const byNode = new Map(snapshot.layers.map((l) => [l.nodeId, l]));
  const layers: ModelLayer[] = [];
  for (const l of compiled.layers) {
    if (l.kind === 'dropout') layers.push({ type: 'dropout', name: l.name, units: l.units, rate: l.rate });
    else if (l.kind === 'activation') layers.push({ type: 'activation', name: l.name, units: l.units, activation: l.activation, alpha: l.alpha });
    else {
      const s = byNode.get(l.nodeId);
      if (!s || s.weights.length !== l.inputs * l.units) return { ok: false, error: `The trained weights of layer '${l.name}' are not available yet. Train the network first.` };
      layers.push({
        type: 'dense',
        name: l.name,
        units: l.units,
        activation: l.activation,
        alpha: l.alpha,
        weights: toRows(s.weights, l.inputs, l.units),
        bias: s.bias ? Array.from(s.bias, Number) : null,
      });
    }
  }
  const names = dataNames(project.dataset, shape.features);
  const model = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    precision: project.training.precision,
    layers,
    input: { features: shape.features, featureNames: names.featureNames, normalization: null },
    output: { task: shape.task, classLabels: shape.task === 'classification' ? names.classLabels : null },
  };
  const checked = parseModel(model);
  return checked.ok ? { ok: true, value: checked.value } : { ok: false, error: `The model could not be written: ${checked.error}` };
}

/** Model file text: pretty JSON. */
export function serializeModel(model: LayerlabModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

/** A built-in data set with the model's features, targets and feature names, if one exists. */
function matchingDataset(model: LayerlabModel): DatasetSpec | null {
  for (const name of BUILTIN_DATASETS) {
    const spec = { type: 'builtin', name, samples: 400, noise: 0.1, seed: 1, classes: 3 } as DatasetSpec;
    try {
      const loaded = loadDataset(spec);
      if (!loaded.ok) continue;
      const ds = loaded.dataset;
      const sameNames = ds.featureNames.length === model.input.featureNames.length && ds.featureNames.every((f, i) => f === model.input.featureNames[i]);
      if (sameNames && ds.task === model.output.task && (ds.classLabels?.length ?? 0) === (model.output.classLabels?.length ?? 0)) return spec;
    } catch {
      // A data set that cannot be generated here is simply not a match.
    }
  }
  return null;
}

const COLUMN_PX = 240;

/**
 * A project holding the model's network: its dense layers start from the model's weights
 * (manual initializers) so Train continues from them. The data set is a built-in one with
 * the same feature names when there is one, else `current`'s (the editor then says whether
 * it fits). Text in, never throws.
 */
export function projectFromModelText(text: string, current: Project, fileName: string): ModelResult<Project> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${fileName}: the file is not valid JSON: ${(e as Error).message}` };
  }
  const parsed = parseModel(raw);
  if (!parsed.ok) return { ok: false, error: `${fileName}: ${parsed.error}` };
  const model = parsed.value;
  const nodes: GraphNode[] = [{ id: 'input', type: 'input', position: { x: 0, y: 100 }, data: { name: 'Input' } }];
  const edges: GraphEdge[] = [];
  model.layers.forEach((l, i) => {
    const last = i === model.layers.length - 1;
    const id = `${last ? 'output' : l.type}-${i + 1}`;
    const position = { x: (i + 1) * COLUMN_PX, y: 100 };
    let node: GraphNode;
    if (l.type === 'dense') {
      const data = layerDataSchemas.dense.parse({
        name: l.name.slice(0, 80),
        units: l.units,
        activation: l.activation,
        alpha: l.alpha,
        useBias: l.bias !== null,
        kernelInitializer: { type: 'manual', values: l.weights.flat() },
        biasInitializer: l.bias ? { type: 'manual', values: [...l.bias] } : { type: 'zeros' },
      });
      node = last ? { id, type: 'output', position, data } : { id, type: 'dense', position, data };
    } else if (l.type === 'dropout') {
      node = { id, type: 'dropout', position, data: layerDataSchemas.dropout.parse({ name: l.name.slice(0, 80), rate: l.rate }) };
    } else {
      node = { id, type: 'activation', position, data: layerDataSchemas.activation.parse({ name: l.name.slice(0, 80), activation: l.activation, alpha: l.alpha }) };
    }
    const prev = nodes[nodes.length - 1];
    nodes.push(node);
    edges.push({ id: `e-${prev.id}-${id}`, source: prev.id, target: id });
  });
  const baseName = fileName.replace(/\.json$/i, '').replace(/\.layerlab-model$/i, '') || 'Imported model';
  const project = projectSchema.safeParse({
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: baseName.slice(0, 80),
    graph: { nodes, edges },
    dataset: matchingDataset(model) ?? current.dataset,
    training: { ...current.training, precision: model.precision },
  });
  if (!project.success) return { ok: false, error: `${fileName}: the model does not fit in a project (${project.error.issues[0]?.message ?? 'invalid'}).` };
  return { ok: true, value: project.data };
}
