/** Small project builders for engine tests. */
import { PROJECT_FORMAT, PROJECT_VERSION, projectSchema, type Project } from '../../../src-engine/project';

/** A layer of a test chain: the node type and its data (defaults filled by the schema). */
export interface ChainLayer {
  id: string;
  type: 'dense' | 'output' | 'dropout' | 'activation';
  data: Record<string, unknown>;
}

/**
 * A project whose graph is Input → layers… (in order), parsed through the project schema so
 * every default is the one a saved file would get.
 */
export function chainProject(layers: ChainLayer[], dataset: Record<string, unknown>, training: Record<string, unknown>): Project {
  const nodes = [{ id: 'input', type: 'input', position: { x: 0, y: 0 }, data: {} }, ...layers.map((l, i) => ({ ...l, position: { x: 100 * (i + 1), y: 0 } }))];
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i].id, target: n.id }));
  return projectSchema.parse({ format: PROJECT_FORMAT, version: PROJECT_VERSION, graph: { nodes, edges }, dataset, training });
}

/** The notes' 2-2-1 sigmoid network without biases (002: weights 0.3, 0.4, 0.2, 0.1 | 0.1, 0.2). */
export function notes221Project(training: Record<string, unknown> = {}): Project {
  return chainProject(
    [
      { id: 'hidden', type: 'dense', data: { units: 2, activation: 'sigmoid', useBias: false, kernelInitializer: { type: 'manual', values: [0.3, 0.4, 0.2, 0.1] } } },
      { id: 'output', type: 'output', data: { units: 1, activation: 'sigmoid', useBias: false, kernelInitializer: { type: 'manual', values: [0.1, 0.2] } } },
    ],
    { type: 'builtin', name: 'notes_221' },
    { loss: 'half_sse', optimizer: { type: 'sgd', lr: 0.01 }, batchMode: 'stochastic', shuffle: false, validationSplit: 0, precision: 'float64', ...training },
  );
}

/** The notes' linear model ŷ = b₁X: one linear unit without bias, b₁ starting at 10. */
export function notesLinearProject(training: Record<string, unknown> = {}): Project {
  return chainProject(
    [{ id: 'b1', type: 'output', data: { units: 1, activation: 'linear', useBias: false, kernelInitializer: { type: 'manual', values: [10] } } }],
    { type: 'builtin', name: 'notes_linear' },
    { loss: 'half_sse', optimizer: { type: 'sgd', lr: 0.1 }, batchMode: 'stochastic', shuffle: false, validationSplit: 0, precision: 'float64', ...training },
  );
}
