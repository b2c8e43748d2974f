/**
 * Model export from the latest snapshot and import of a model as a project that continues
 * from its weights; a bad model file is refused with its problem.
 */
import { describe, expect, it } from 'vitest';
import { compileGraph } from '../../src-engine/compile';
import { datasetShape } from '../../src-engine/datasets';
import { createSpiralExample } from '../../src-engine/examples';
import { parseModel } from '../../src-engine/model-json';
import { buildModelFile, projectFromModelText, serializeModel } from '../../src-renderer/store/model-file';
import { createEmptyProject } from '../../src-renderer/store/new-project';
import type { SnapshotView } from '../../src-renderer/store/types';

/** A snapshot of the spiral example whose weights count up, so each lands where checked. */
function spiralSnapshot(): SnapshotView {
  const layer = (nodeId: string, inputs: number, units: number) => ({
    nodeId,
    inputs,
    units,
    weights: Float32Array.from({ length: inputs * units }, (_, i) => i / 4),
    bias: Float32Array.from({ length: units }, (_, i) => -i / 2),
    weightNorm: 1,
    gradNorm: 0,
    meanAbsGrad: 0,
  });
  return { runId: 'r', seq: 3, step: 40, layers: [layer('hidden1', 2, 8), layer('hidden2', 8, 8), layer('output', 8, 1)] };
}

describe('buildModelFile', () => {
  it('writes the run\'s layers with the snapshot\'s weights as W[in][out]', () => {
    const r = buildModelFile(createSpiralExample(), spiralSnapshot());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(parseModel(JSON.parse(serializeModel(r.value))).ok).toBe(true);
    const first = r.value.layers[0];
    expect(first.type).toBe('dense');
    if (first.type !== 'dense') return;
    expect(first.weights).toHaveLength(2);
    expect(first.weights[1][0]).toBe(8 / 4); // row 1, column 0 = flat index 1·8 + 0
    expect(first.bias?.[3]).toBe(-1.5);
    expect(r.value.input.features).toBe(2);
    expect(r.value.output.task).toBe('classification');
  });

  it('refuses when the snapshot lacks a layer', () => {
    const snap = spiralSnapshot();
    const r = buildModelFile(createSpiralExample(), { ...snap, layers: snap.layers.slice(1) });
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.error).toContain('Hidden 1');
  });
});

describe('projectFromModelText', () => {
  it('rebuilds the network with manual initializers holding the trained weights', () => {
    const built = buildModelFile(createSpiralExample(), spiralSnapshot());
    if (!built.ok) throw new Error(built.error);
    const r = projectFromModelText(serializeModel(built.value), createEmptyProject('x'), 'spiral.layerlab-model.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const project = r.value;
    expect(project.name).toBe('spiral');
    expect(project.graph.nodes.map((n) => n.type)).toEqual(['input', 'dense', 'dense', 'output']);
    const h1 = project.graph.nodes[1];
    if (h1.type !== 'dense') throw new Error('expected a dense layer');
    expect(h1.data.kernelInitializer).toEqual({ type: 'manual', values: Array.from({ length: 16 }, (_, i) => i / 4) });
    expect(compileGraph(project.graph, datasetShape(project.dataset), project.training).ok).toBe(true);
  });

  it('refuses a broken model file and names it', () => {
    for (const text of ['nope', '{}', '{"format":"layerlab-model","version":1,"layers":[]}', '{"format":"layerlab-model","version":7}']) {
      const r = projectFromModelText(text, createSpiralExample(), 'bad.json');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^bad\.json: /);
    }
  });
});
