/** The project New starts: an empty canvas, the two-spirals data and default training settings. */
import { PROJECT_FORMAT, PROJECT_VERSION, projectSchema, type Project } from '../../src-engine/project';

export function createEmptyProject(name: string): Project {
  return projectSchema.parse({
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name,
    graph: { nodes: [], edges: [] },
    dataset: { type: 'builtin', name: 'spiral' },
    training: {},
  });
}
