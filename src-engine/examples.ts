/**
 * Ready-made projects. `createSpiralExample` is what LayerLab opens on first start: two
 * interleaved spirals and a 2-8-8-1 tanh network that separates them within seconds.
 */
import { projectSchema, PROJECT_FORMAT, PROJECT_VERSION, type Project } from './project';

/** The first-start example: spirals, 2-8-8-1, tanh hidden layers, sigmoid output, Adam. */
export function createSpiralExample(): Project {
  return projectSchema.parse({
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: 'Two spirals',
    graph: {
      nodes: [
        { id: 'input', type: 'input', position: { x: 0, y: 120 }, data: { name: 'Input' } },
        {
          id: 'hidden1',
          type: 'dense',
          position: { x: 240, y: 80 },
          data: { name: 'Hidden 1', units: 8, activation: 'tanh' },
        },
        {
          id: 'hidden2',
          type: 'dense',
          position: { x: 480, y: 80 },
          data: { name: 'Hidden 2', units: 8, activation: 'tanh' },
        },
        {
          id: 'output',
          type: 'output',
          position: { x: 720, y: 120 },
          data: { name: 'Output', units: 1, activation: 'sigmoid' },
        },
      ],
      edges: [
        { id: 'e-input-hidden1', source: 'input', target: 'hidden1' },
        { id: 'e-hidden1-hidden2', source: 'hidden1', target: 'hidden2' },
        { id: 'e-hidden2-output', source: 'hidden2', target: 'output' },
      ],
    },
    dataset: { type: 'builtin', name: 'spiral', samples: 400, noise: 0.05, seed: 7 },
    training: {
      loss: 'binary_crossentropy',
      optimizer: { type: 'adam', lr: 0.03 },
      batchMode: 'minibatch',
      batchSize: 16,
      epochs: 500,
      seed: 1,
      validationSplit: 0.2,
    },
  });
}
