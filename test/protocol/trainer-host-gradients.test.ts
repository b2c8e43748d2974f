/**
 * Per-weight gradients for the network view's tooltip: with the 'weightGradients' view on,
 * every snapshot carries the last step's dWeights and dBias of each narrow layer, equal to
 * the engine's own buffers after the same steps in an in-process session, as transferred
 * buffers. Wide layers and runs without the view get none.
 */
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { projectSchema, type Project } from '../../src-engine/project';
import {
  MAX_GRADIENT_UNITS,
  PROTOCOL_VERSION,
  parseFromTrainer,
  parseToTrainer,
  type FromTrainer,
} from '../../src-engine/protocol/messages';
import { sessionCore } from '../../src-engine/session-core';
import { createTrainingSession } from '../../src-engine/training-session';
import { inProcessHost } from './in-process-host';

const v = PROTOCOL_VERSION;

/** The spiral example with its first hidden layer `units` wide. */
function spiralWithHidden1(units: number): Project {
  const p = createSpiralExample();
  const nodes = p.graph.nodes.map((n) => (n.id === 'hidden1' && n.type === 'dense' ? { ...n, data: { ...n.data, units } } : n));
  return projectSchema.parse({ ...p, graph: { ...p.graph, nodes } });
}

/** The engine's dWeights and dBias per dense layer after `steps` steps of a fresh in-process session. */
function engineGradientsAfter(project: Project, steps: number) {
  const created = createTrainingSession(project);
  if (!created.ok) throw new Error(created.error);
  for (let i = 0; i < steps; i++) created.session.trainStep();
  return sessionCore(created.session).network.dense.map((d) => ({ nodeId: d.nodeId, dWeights: Array.from(d.dWeights), dBias: Array.from(d.dBias) }));
}

describe('per-weight gradients in snapshots', () => {
  it('sends each layer’s dWeights and dBias equal to the engine’s after the same step', () => {
    const h = inProcessHost();
    h.send({ v, type: 'set-views', views: { weightGradients: true } });
    h.send({ v, type: 'start', runId: 'r', project: createSpiralExample(), paused: true });
    h.send({ v, type: 'step', runId: 'r', count: 4 });
    h.run();
    const last = h.all('snapshot').at(-1)!;
    expect(last.step).toBe(4);
    const expected = engineGradientsAfter(createSpiralExample(), 4);
    expect(last.layers.map((l) => l.nodeId)).toEqual(expected.map((e) => e.nodeId));
    last.layers.forEach((layer, k) => {
      expect(layer.dWeights, `layer ${layer.nodeId} carries its gradients`).toBeDefined();
      // Same project, same seed, same steps: the trainer's numbers are the engine's, bit for bit.
      expect(Array.from(layer.dWeights!)).toEqual(expected[k].dWeights);
      expect(Array.from(layer.dBias!)).toEqual(expected[k].dBias);
      expect(expected[k].dWeights.some((g) => g !== 0), 'a real, non-zero gradient').toBe(true);
    });
  });

  it('transfers the gradient buffers instead of copying them', () => {
    const h = inProcessHost();
    h.send({ v, type: 'set-views', views: { weightGradients: true } });
    h.send({ v, type: 'start', runId: 'r', project: createSpiralExample(), paused: true });
    h.send({ v, type: 'step', runId: 'r' });
    h.run();
    const index = h.received.findLastIndex((m) => m.type === 'snapshot');
    const snapshot = h.received[index] as Extract<FromTrainer, { type: 'snapshot' }>;
    // weights + bias + dWeights + dBias for each of the three layers.
    expect(h.transferred[index].length).toBe(4 * snapshot.layers.length);
  });

  it('sends no gradients before the first step, without the view, or for layers over the limit', () => {
    const before = inProcessHost();
    before.send({ v, type: 'set-views', views: { weightGradients: true } });
    before.send({ v, type: 'start', runId: 'r', project: createSpiralExample(), paused: true });
    before.run();
    expect(before.all('snapshot').length).toBeGreaterThan(0);
    expect(before.all('snapshot').every((s) => s.layers.every((l) => l.dWeights === undefined))).toBe(true);

    const off = inProcessHost();
    off.send({ v, type: 'start', runId: 'r', project: createSpiralExample(), paused: true });
    off.send({ v, type: 'step', runId: 'r', count: 2 });
    off.run();
    expect(off.all('snapshot').every((s) => s.layers.every((l) => l.dWeights === undefined))).toBe(true);

    const wide = inProcessHost();
    wide.send({ v, type: 'set-views', views: { weightGradients: true } });
    wide.send({ v, type: 'start', runId: 'r', project: spiralWithHidden1(MAX_GRADIENT_UNITS + 1), paused: true });
    wide.send({ v, type: 'step', runId: 'r' });
    wide.run();
    const layers = wide.all('snapshot').at(-1)!.layers;
    expect(layers[0].units).toBe(MAX_GRADIENT_UNITS + 1);
    expect(layers[0].dWeights, 'the wide layer gets none').toBeUndefined();
    expect(layers[1].dWeights?.length, 'the next layer (8 units) gets its 65 × 8 gradients').toBe((MAX_GRADIENT_UNITS + 1) * 8);
  });

  it('switches on for a paused run at once: the re-sent snapshot carries the gradients', () => {
    const h = inProcessHost();
    h.send({ v, type: 'start', runId: 'r', project: createSpiralExample(), paused: true });
    h.send({ v, type: 'step', runId: 'r', count: 2 });
    h.run();
    const count = h.all('snapshot').length;
    h.send({ v, type: 'set-views', views: { weightGradients: true } });
    const resent = h.all('snapshot').slice(count);
    expect(resent.length).toBe(1);
    expect(resent[0].step).toBe(2);
    expect(Array.from(resent[0].layers[2].dWeights!)).toEqual(engineGradientsAfter(createSpiralExample(), 2)[2].dWeights);
  });
});

describe('per-weight gradient validation', () => {
  const layer = { nodeId: 'h', inputs: 2, units: 3, weights: new Float32Array(6), bias: new Float32Array(3), weightNorm: 0, gradNorm: 0, meanAbsGrad: 0 };
  const snapshot = (l: object) => ({ v, type: 'snapshot', runId: 'a', seq: 1, step: 1, layers: [l] });

  it('accepts gradients of the layer’s shape', () => {
    expect(parseFromTrainer(snapshot({ ...layer, dWeights: new Float64Array(6), dBias: new Float64Array(3) })).ok).toBe(true);
    expect(parseFromTrainer(snapshot({ ...layer, bias: null, dWeights: new Float32Array(6), dBias: null })).ok).toBe(true);
  });

  it('refuses gradients whose size does not match the layer, saying which', () => {
    const wrongW = parseFromTrainer(snapshot({ ...layer, dWeights: new Float32Array(5) }));
    expect(wrongW.ok).toBe(false);
    if (!wrongW.ok) expect(wrongW.error).toContain('dWeights must hold inputs × units values');
    expect(parseFromTrainer(snapshot({ ...layer, dWeights: new Float32Array(6), dBias: new Float32Array(2) })).ok).toBe(false);
  });

  it('keeps the view off unless asked for, and refuses a non-boolean switch', () => {
    const parsed = parseToTrainer({ v, type: 'set-views', views: {} });
    expect(parsed.ok && parsed.message.type === 'set-views' && parsed.message.views.weightGradients).toBe(false);
    const bad = parseToTrainer({ v, type: 'set-views', views: { weightGradients: 'yes' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain('weightGradients');
  });
});
