/** Builds lesson projects: a chain Input → layers…, laid out left to right, parsed by the project schema. */
import { PROJECT_FORMAT, PROJECT_VERSION, projectSchema, type Project } from '../project';

/** A layer of a lesson chain: node id, type and data (defaults filled by the schema). */
export interface LessonLayer {
  id: string;
  type: 'dense' | 'output' | 'dropout' | 'activation';
  data: Record<string, unknown>;
}

/** Horizontal distance between layer cards on the canvas, in canvas pixels. */
const COLUMN_WIDTH = 220;

/**
 * A project named `name` whose graph is Input → `layers` (in order), with `dataset` and
 * `training` as written in a project file; parsed through `projectSchema`, so every
 * default is the one a saved file gets. Throws (a programming error) when it does not parse.
 */
export function chainLessonProject(name: string, layers: readonly LessonLayer[], dataset: Record<string, unknown>, training: Record<string, unknown>): Project {
  const nodes = [
    { id: 'input', type: 'input', position: { x: 0, y: 40 }, data: { name: 'x' } },
    ...layers.map((l, i) => ({ ...l, position: { x: COLUMN_WIDTH * (i + 1), y: 0 } })),
  ];
  const edges = nodes.slice(1).map((n, i) => ({ id: `e-${nodes[i].id}-${n.id}`, source: nodes[i].id, target: n.id }));
  return projectSchema.parse({ format: PROJECT_FORMAT, version: PROJECT_VERSION, name, graph: { nodes, edges }, dataset, training });
}

/** `count` dense layers of `units` units with `activation`, ids `h1` … `hN`, names `h1` … `hN`. */
export function hiddenLayers(count: number, units: number, activation: string, extra: Record<string, unknown> = {}): LessonLayer[] {
  return Array.from({ length: count }, (_, i) => ({ id: `h${i + 1}`, type: 'dense' as const, data: { name: `h${i + 1}`, units, activation, ...extra } }));
}
