/**
 * The trainer host's inspection traffic, in-process: live views attached to snapshots,
 * checkpoints that continue a run exactly, the classroom trace, and the gradient check.
 */
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { PROTOCOL_VERSION, stepPointsFrom } from '../../src-engine/protocol/messages';
import { notes221Project } from '../engine/helpers/projects';
import { inProcessHost } from './in-process-host';

const v = PROTOCOL_VERSION;

describe('trainer host inspection', () => {
  it('attaches the switched-on views to snapshots', () => {
    const h = inProcessHost();
    h.send({ v, type: 'set-views', views: { boundary: true, boundarySize: 12, histograms: true, unitHealth: true, confusion: true, activationsSample: 0 } });
    h.send({ v, type: 'start', runId: 'r', project: createSpiralExample(), paused: true });
    h.send({ v, type: 'step', runId: 'r', count: 3 });
    h.run();
    const views = h.all('snapshot').at(-1)!.views!;
    const grid = views.boundary!;
    expect(grid.kind === 'plane' || grid.kind === 'curve').toBe(true);
    if (grid.kind !== 'plane') throw new Error('expected a plane grid for 2-D data');
    expect(grid.outputs.length).toBe(12 * 12);
    expect(grid.hidden.length).toBeGreaterThan(0);
    expect(views.histograms!.length).toBe(3);
    expect(views.unitHealth!.length).toBeGreaterThan(0);
    expect(views.confusion!.classes).toBe(2);
    expect(views.activations!.layers.length).toBeGreaterThan(0);
  });

  it('sends no views when none is switched on', () => {
    const h = inProcessHost();
    h.send({ v, type: 'start', runId: 'r', project: createSpiralExample(), paused: true });
    h.send({ v, type: 'step', runId: 'r' });
    h.run();
    expect(h.all('snapshot').every((s) => s.views === undefined)).toBe(true);
  });

  it('continues bit-identically from a checkpoint sent on pause, in a new host', () => {
    const a = inProcessHost();
    a.send({ v, type: 'start', runId: 'a', project: createSpiralExample() });
    a.run(3);
    a.send({ v, type: 'pause', runId: 'a' });
    a.run();
    const checkpoint = a.all('checkpoint').at(-1)!;
    expect(checkpoint.reason).toBe('pause');
    const at = checkpoint.checkpoint.step;
    expect(at).toBeGreaterThan(0);
    a.send({ v, type: 'step', runId: 'a', count: 25 });
    a.run();
    const expected = a.all('snapshot').at(-1)!;
    expect(expected.step).toBe(at + 25);

    // A different host (a restarted trainer) resumes from the JSON-saved checkpoint.
    const b = inProcessHost();
    const saved = JSON.parse(JSON.stringify(checkpoint.checkpoint));
    b.send({ v, type: 'start', runId: 'b', project: createSpiralExample(), paused: true, resumeFrom: { type: 'checkpoint', checkpoint: saved } });
    b.send({ v, type: 'step', runId: 'b', count: 25 });
    b.run();
    const resumed = b.all('snapshot').at(-1)!;
    expect(resumed.step).toBe(at + 25);
    for (let i = 0; i < expected.layers.length; i++) {
      expect(Array.from(resumed.layers[i].weights)).toEqual(Array.from(expected.layers[i].weights));
    }
    const lossesA = a.all('metrics').flatMap((m) => stepPointsFrom(m.steps)).filter((s) => s.step > at);
    const lossesB = b.all('metrics').flatMap((m) => stepPointsFrom(m.steps));
    expect(lossesB).toEqual(lossesA);
  });

  it('refuses a checkpoint that does not parse, naming the problem', () => {
    const h = inProcessHost();
    h.send({ v, type: 'start', runId: 'x', project: createSpiralExample(), resumeFrom: { type: 'checkpoint', checkpoint: { format: 'nope' } } });
    const error = h.all('error')[0];
    expect(error).toMatchObject({ runId: 'x', code: 'invalid-project' });
    expect(error.message).toMatch(/^The checkpoint cannot be used: /);
  });

  it('starts from given weights, e.g. the last snapshot before a crash', () => {
    const a = inProcessHost();
    a.send({ v, type: 'start', runId: 'a', project: createSpiralExample(), paused: true });
    a.send({ v, type: 'step', runId: 'a', count: 40 });
    a.run();
    const last = a.all('snapshot').at(-1)!;
    const b = inProcessHost();
    b.send({ v, type: 'start', runId: 'b', project: createSpiralExample(), paused: true, resumeFrom: { type: 'weights', layers: last.layers } });
    b.run();
    const first = b.all('snapshot')[0];
    expect(first.step).toBe(0);
    expect(first.layers.map((l) => Array.from(l.weights))).toEqual(last.layers.map((l) => Array.from(l.weights)));
  });

  it('traces one step of the notes 2-2-1 example with the hand-derived update', () => {
    const h = inProcessHost();
    h.send({ v, type: 'start', runId: 't', project: notes221Project(), paused: true });
    h.send({ v, type: 'trace-step', runId: 't' });
    h.run();
    const { trace } = h.all('trace')[0];
    expect(trace.step).toBe(1);
    // ŷ = σ(0.1·h1 + 0.2·h2), h = σ(0.5) = 0.6224593 → E = ½(1 − 0.5465493)² = 0.1028088
    expect(trace.loss).toBeCloseTo(0.1028088, 7);
    const updates = trace.stages.flatMap((s) => (s.kind === 'update' ? [s] : []));
    const w2 = updates.find((u) => u.nodeId === 'output')!.params.find((p) => p.row === 0 && p.col === 0)!;
    const w1 = updates.find((u) => u.nodeId === 'hidden')!.params.find((p) => p.row === 0 && p.col === 0)!;
    // w2_11: 0.1 − 0.01·(−0.0699521) = 0.1006995; w1_11: 0.3 − 0.01·(−0.00264…) = 0.3000264
    expect(w2.new).toBeCloseTo(0.1006995, 7);
    expect(w1.new).toBeCloseTo(0.3000264, 7);
    expect(h.all('status').at(-1)).toMatchObject({ step: 1, state: 'paused' });
    expect(h.all('metrics').flatMap((m) => Array.from(m.steps.step))).toEqual([1]);
  });

  it('refuses to trace a network too large to show', () => {
    const h = inProcessHost();
    const project = createSpiralExample();
    const hidden = project.graph.nodes[1];
    if (hidden.type === 'dense') hidden.data.units = 50;
    h.send({ v, type: 'start', runId: 'big', project, paused: true });
    h.send({ v, type: 'trace-step', runId: 'big' });
    h.run();
    expect(h.all('error')[0]).toMatchObject({ code: 'refused', runId: 'big' });
    expect(h.all('status').at(-1)?.step).toBe(0);
  });

  it('answers a gradient check that passes for the engine', () => {
    const h = inProcessHost();
    const project = createSpiralExample();
    project.training.precision = 'float64';
    h.send({ v, type: 'start', runId: 'g', project, paused: true });
    h.send({ v, type: 'check-gradient', runId: 'g' });
    const { result } = h.all('gradient-check')[0];
    expect(result.passed).toBe(true);
    expect(result.maxRelativeError).toBeLessThan(1e-6);
    expect(result.entries.length).toBe(2 * 8 + 8 + 8 * 8 + 8 + 8 + 1);
  });

  it('exports the run\'s model, normalization included, predicting as the session does', () => {
    const h = inProcessHost();
    const project = createSpiralExample();
    project.training.normalization = { type: 'standardize' };
    h.send({ v, type: 'start', runId: 'm', project, paused: true });
    h.send({ v, type: 'step', runId: 'm', count: 10 });
    h.run();
    h.send({ v, type: 'export-model', runId: 'm' });
    const { model, step } = h.all('model')[0];
    expect(step).toBe(10);
    expect(model.format).toBe('layerlab-model');
    expect(model.input.normalization?.type).toBe('standardize');
    const snapshot = h.all('snapshot').at(-1)!;
    expect(model.layers.find((l) => l.type === 'dense')?.weights.flat()).toEqual(Array.from(snapshot.layers[0].weights));
  });
});
