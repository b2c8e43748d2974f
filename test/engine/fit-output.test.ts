/** "Fit output to data": after it, every data set compiles with the network it was given. */
import { describe, expect, it } from 'vitest';
import { compileGraph } from '../../src-engine/compile';
import { datasetShape } from '../../src-engine/datasets';
import { createSpiralExample } from '../../src-engine/examples';
import { fitOutputToData } from '../../src-engine/fit-output';
import { BUILTIN_DATASETS, LOSSES, type Project } from '../../src-engine/project';

function withData(name: (typeof BUILTIN_DATASETS)[number], loss: (typeof LOSSES)[number]): Project {
  const p = createSpiralExample();
  return { ...p, dataset: { type: 'builtin', name, samples: 100, noise: 0.1, seed: 1, classes: 4 }, training: { ...p.training, loss } };
}

const output = (p: Project) => p.graph.nodes.find((n) => n.type === 'output')!.data as { units: number; activation: string };

describe('fitOutputToData', () => {
  it('leaves no output or loss problem, for every built-in set and every starting loss', () => {
    for (const name of BUILTIN_DATASETS) {
      for (const loss of LOSSES) {
        const before = withData(name, loss);
        const after = fitOutputToData(before) ?? before;
        const compiled = compileGraph(after.graph, datasetShape(after.dataset), after.training);
        const left = compiled.ok ? [] : compiled.problems.filter((p) => /output-units|loss-/.test(p.code)).map((p) => p.message);
        expect(left, `${name} with ${loss}`).toEqual([]);
        // The hidden layers and the optimizer are the user's: untouched.
        expect(after.graph.nodes.filter((n) => n.type !== 'output')).toEqual(before.graph.nodes.filter((n) => n.type !== 'output'));
        expect(after.training.optimizer).toEqual(before.training.optimizer);
      }
    }
  });

  it('picks the usual output for each task and keeps a loss that still fits', () => {
    const iris = fitOutputToData(withData('iris', 'binary_crossentropy'))!;
    expect(output(iris)).toMatchObject({ units: 3, activation: 'softmax' });
    expect(iris.training.loss).toBe('categorical_crossentropy');

    const linear = fitOutputToData(withData('notes_linear', 'binary_crossentropy'))!;
    // A regression output keeps its activation unless it is softmax (the notes' 2-2-1 uses sigmoid).
    expect(output(linear)).toMatchObject({ units: 1, activation: 'sigmoid' });
    expect(linear.training.loss).toBe('mse');

    // mse for a 3-class problem (as the notes do) stays mse.
    const blobs = fitOutputToData(withData('blobs', 'mse'))!;
    expect(output(blobs)).toMatchObject({ units: 4, activation: 'softmax' });
    expect(blobs.training.loss).toBe('mse');

    // Already fitting: nothing to do (the spiral example itself, and 2 softmax units on two classes).
    expect(fitOutputToData(createSpiralExample())).toBeNull();
    const two = withData('xor', 'categorical_crossentropy');
    const twoSoftmax = { ...two, graph: { ...two.graph, nodes: two.graph.nodes.map((n) => (n.type === 'output' ? { ...n, data: { ...n.data, units: 2, activation: 'softmax' as const } } : n)) } };
    expect(fitOutputToData(twoSoftmax)).toBeNull();
  });
});
