import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { exportModel, MODEL_FORMAT, parseModel, predictFromModel } from '../../src-engine/model-json';
import { createTrainingSession, type TrainingSession } from '../../src-engine/training-session';
import type { Project } from '../../src-engine/project';
import { chainProject, notes221Project } from './helpers/projects';

function start(project: Project): TrainingSession {
  const created = createTrainingSession(project);
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

/** A project with every layer kind: dropout, a separate activation, Leaky ReLU. */
function mixedProject(precision: 'float32' | 'float64'): Project {
  return chainProject(
    [
      { id: 'h1', type: 'dense', data: { name: 'Hidden', units: 5, activation: 'leaky_relu', alpha: 0.1 } },
      { id: 'drop', type: 'dropout', data: { rate: 0.3 } },
      { id: 'act', type: 'activation', data: { activation: 'tanh' } },
      { id: 'out', type: 'output', data: { units: 3, activation: 'softmax' } },
    ],
    { type: 'builtin', name: 'blobs', classes: 3, samples: 90 },
    { loss: 'categorical_crossentropy', optimizer: { type: 'adam', lr: 0.01 }, precision },
  );
}

describe('model JSON', () => {
  for (const precision of ['float32', 'float64'] as const) {
    it(`reproduces session.predict bit for bit after a JSON round trip (${precision})`, () => {
      const project = mixedProject(precision);
      const session = start(project);
      for (let i = 0; i < 20; i++) session.trainStep();
      const text = JSON.stringify(exportModel(session, project));
      const parsed = parseModel(JSON.parse(text));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const x = Float64Array.from([0.1, -0.3, 1.5, 0.2, -2, 0.7]);
      expect(predictFromModel(parsed.value, x, 3)).toEqual(session.predict(x, 3));
    });
  }

  it('writes weights as W[in][out] rows, names, activations and class labels', () => {
    const project = notes221Project();
    const model = exportModel(start(project), project);
    expect(model.format).toBe(MODEL_FORMAT);
    expect(model.layers[0]).toMatchObject({ type: 'dense', units: 2, activation: 'sigmoid', weights: [[0.3, 0.4], [0.2, 0.1]], bias: null });
    expect(model.input).toEqual({ features: 2, featureNames: ['x1', 'x2'], normalization: null });
    expect(model.output).toEqual({ task: 'classification', classLabels: ['0', '1'] });
  });

  it('names the field that is wrong', () => {
    const project = createSpiralExample();
    const model = JSON.parse(JSON.stringify(exportModel(start(project), project)));
    model.layers[1].weights[3] = [1, 2];
    const r = parseModel(model);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/layers\[1\]\.weights\[3\]: has 2 values but the layer has 8 units/);
    model.layers[0].activation = 'swishy';
    const r2 = parseModel(model);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error).toMatch(/layers\[0\]\.activation/);
  });

  it('never throws, whatever it is given', () => {
    for (const raw of [null, 3, 'x', [], {}, { format: MODEL_FORMAT }, { format: MODEL_FORMAT, version: 9 }]) {
      const r = parseModel(raw);
      expect(r.ok).toBe(false);
    }
    const newer = parseModel({ format: MODEL_FORMAT, version: 2 });
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.error).toMatch(/newer LayerLab/);
  });

  it('is described by the committed JSON Schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/layerlab-model.schema.json', import.meta.url), 'utf8'));
    const project = mixedProject('float64');
    const model = exportModel(start(project), project);
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(model).sort());
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'layers', 'input', 'output']));
    for (const kind of ['dense', 'dropout', 'activation']) {
      const layer = model.layers.find((l) => l.type === kind)!;
      expect(Object.keys(schema.$defs[kind].properties).sort()).toEqual(Object.keys(layer).sort());
    }
  });
});

describe('model JSON input normalization', () => {
  for (const type of ['standardize', 'minmax'] as const) {
    for (const precision of ['float32', 'float64'] as const) {
      it(`predicts from raw inputs exactly as session.predict does (${type}, ${precision})`, () => {
        const project = chainProject(
          [
            { id: 'h', type: 'dense', data: { units: 5, activation: 'tanh' } },
            { id: 'out', type: 'output', data: { units: 3, activation: 'softmax' } },
          ],
          { type: 'builtin', name: 'iris' },
          { loss: 'categorical_crossentropy', optimizer: { type: 'adam', lr: 0.02 }, batchSize: 16, precision, normalization: { type }, testSplit: 0.2 },
        );
        const session = start(project);
        for (let i = 0; i < 25; i++) session.trainStep();
        const model = parseModel(JSON.parse(JSON.stringify(exportModel(session, project))));
        if (!model.ok) throw new Error(model.error);
        expect(model.value.input.normalization).toEqual(session.normalization);
        const raw = Float64Array.from([5.1, 3.5, 1.4, 0.2, 7.7, 2.6, 6.9, 2.3, 4.3, 3, 1.1, 0.1]); // three flowers, in cm
        expect(predictFromModel(model.value, raw, 3)).toEqual(session.predict(raw, 3));
      });
    }
  }

  it('refuses normalization parameters of the wrong width or a zero scale', () => {
    const project = createSpiralExample();
    const model = JSON.parse(JSON.stringify(exportModel(start(project), project)));
    model.input.normalization = { type: 'standardize', offset: [0], scale: [1] };
    const short = parseModel(model);
    expect(!short.ok && short.error).toBe('input.normalization: has 1 offsets and 1 scales for 2 features (one each per feature).');
    model.input.normalization = { type: 'minmax', offset: [0, 0], scale: [1, 0] };
    const zero = parseModel(model);
    expect(!zero.ok && zero.error).toMatch(/^input\.normalization\.scale\[1\]/);
  });
});
