/**
 * Step mode's formulas: every number shown is the engine's own value from the trace,
 * formatted (never recomputed); the 2-2-1 lesson shows the notes' values stage by stage;
 * and every formula of every stage, for every kind of layer, loss and optimizer, typesets
 * without a KaTeX error.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src-engine/inspect/format';
import { traceStep } from '../../src-engine/inspect/step-trace';
import type { StepTrace } from '../../src-engine/inspect/step-trace-types';
import { irisLessonProject, notes221LessonProject, notesLinearLessonProject } from '../../src-engine/lessons';
import { PROJECT_FORMAT, PROJECT_VERSION, projectSchema, type Project } from '../../src-engine/project';
import { SECTION_TITLES, stageFocus, stageSections, type FormulaLine } from '../../src-renderer/classroom/stage-formulas';
import { texNumber } from '../../src-renderer/classroom/tex';
import { en } from '../../src-renderer/i18n/en';
import { ko } from '../../src-renderer/i18n/ko';

function trace(project: Project): StepTrace {
  const r = traceStep(project);
  if (!r.ok) throw new Error(r.error);
  return r.trace;
}

/** Every line of every stage of `t`, for sample `row`. */
function allLines(t: StepTrace, decimals = 7, row = 0): FormulaLine[][] {
  return t.stages.map((stage) => stageSections(t, stage, row, decimals).flatMap((s) => s.lines));
}

/** A 3-3-2 chain with an activation layer and dropout, Adam, mini-batches of 4 (every stage kind and optimizer state). */
function mixedProject(): Project {
  const nodes = [
    { id: 'input', type: 'input', position: { x: 0, y: 0 }, data: {} },
    { id: 'd1', type: 'dense', position: { x: 1, y: 0 }, data: { name: 'd1', units: 3, activation: 'linear', l2: 0.01 } },
    { id: 'act', type: 'activation', position: { x: 2, y: 0 }, data: { activation: 'tanh' } },
    { id: 'drop', type: 'dropout', position: { x: 3, y: 0 }, data: { rate: 0.5 } },
    { id: 'out', type: 'output', position: { x: 4, y: 0 }, data: { units: 3, activation: 'softmax' } },
  ];
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i].id, target: n.id }));
  return projectSchema.parse({
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    graph: { nodes, edges },
    dataset: { type: 'builtin', name: 'blobs', samples: 40, classes: 3 },
    training: { loss: 'categorical_crossentropy', optimizer: { type: 'adam', lr: 0.01 }, batchMode: 'minibatch', batchSize: 4, validationSplit: 0, precision: 'float64' },
  });
}

describe('Step-mode formulas for the 2-2-1 lesson', () => {
  const t = trace(notes221LessonProject());
  const lines = allLines(t);
  const value = (stage: number, name: string) => lines[stage].find((l) => l.name === name)?.plain;

  it('shows the hand values of the notes, stage by stage, with 7 decimals', () => {
    // Forward (002): z = 0.3·1 + 0.2·1 = 0.5; h = σ(0.5) = 0.6224593; ŷ = σ(0.1·h + 0.2·h) = 0.5465493.
    expect([value(0, 'z1_1'), value(0, 'z1_2'), value(0, 'a1_1'), value(0, 'a1_2')]).toEqual(['0.5000000', '0.5000000', '0.6224593', '0.6224593']);
    expect([value(1, 'z2_1'), value(1, 'yhat_1')]).toEqual(['0.1867378', '0.5465493']);
    // Loss: ½(1 − 0.5465493)² = 0.1028088.
    expect(value(2, 'E')).toBe('0.1028088');
    // Backward: δ = (ŷ − y)·ŷ(1 − ŷ) = −0.1123801; ∂E/∂w2_11 = h₁·δ = −0.0699521; ∂E/∂h₁ = 0.1·δ.
    expect([value(3, 'delta2_1'), value(3, 'dw2_1_1'), value(3, 'dEda1_1')]).toEqual(['−0.1123801', '−0.0699521', '−0.0112380']);
    expect([value(4, 'delta1_1'), value(4, 'dw1_1_1')]).toEqual(['−0.0026410', '−0.0026410']);
    // Update: w2_11 = 0.1 − 0.01·(−0.0699521) = 0.1006995; w1_11 = 0.3 − 0.01·(−0.0026410) = 0.3000264.
    expect(value(5, 'w2_1_1')).toBe('0.1006995');
    expect(value(6, 'w1_1_1')).toBe('0.3000264');
  });

  it('shows the engine’s own numbers: every result is formatNumber of the trace’s value', () => {
    for (const stageLines of lines) {
      for (const line of stageLines) {
        if (line.value === null) continue;
        expect(line.plain).toBe(formatNumber(line.value, 7));
      }
    }
    const update = t.stages[5];
    if (update.kind !== 'update') throw new Error('stage 6 is not an update');
    expect(lines[5].find((l) => l.name === 'w2_1_1')?.value).toBe(update.params[0].new);
  });

  it('writes ∂E/∂w as the chain-rule product of its three factors, each with its value', () => {
    const line = lines[3].find((l) => l.name === 'dw2_1_1');
    expect(line?.tex).toContain('\\frac{\\partial E}{\\partial \\hat y_{1}} \\cdot \\frac{\\partial \\hat y_{1}}{\\partial z^{(2)}_{1}} \\cdot \\frac{\\partial z^{(2)}_{1}}{\\partial w^{(2)}_{1,1}}');
    expect(line?.tex).toContain('(-0.4534507) \\cdot 0.2478332 \\cdot 0.6224593');
  });

  it('rounds to the chosen number of decimals', () => {
    const four = allLines(t, 4);
    expect(four[5].find((l) => l.name === 'w2_1_1')?.plain).toBe('0.1007');
    expect(four[6].find((l) => l.name === 'w1_1_1')?.plain).toBe('0.3000');
    expect(texNumber(-2.5e-9, 4)).toBe('-2.500\\times 10^{-9}');
  });

  it('highlights the layer of each stage and the weights into it', () => {
    const forwardHidden = stageFocus(t, t.stages[0]);
    expect(forwardHidden.units).toEqual([{ layer: 0, unit: 0 }, { layer: 0, unit: 1 }]);
    expect(forwardHidden.weights).toHaveLength(4);
    expect(stageFocus(t, t.stages[2]).units).toEqual([{ layer: 1, unit: 0 }]);
  });

  it('names each update’s parameter for the gradient check by its dense-layer index', () => {
    expect(lines[5].find((l) => l.name === 'w2_1_1')?.param).toEqual({ layerIndex: 1, row: 0, col: 0 });
    expect(lines[6].find((l) => l.name === 'w1_2_2')?.param).toEqual({ layerIndex: 0, row: 1, col: 1 });
  });
});

describe('Step-mode formulas typeset', () => {
  const cases: [string, Project][] = [
    ['2-2-1 (half_sse, SGD)', notes221LessonProject()],
    ['linear b1', notesLinearLessonProject('batch')],
    ['iris (softmax + cross-entropy, 16 samples, Adam)', irisLessonProject()],
    ['activation and dropout layers, L2, Adam', mixedProject()],
  ];
  for (const [name, project] of cases) {
    it(`renders every formula of ${name} without a KaTeX error`, () => {
      const t = trace(project);
      for (let row = 0; row < t.rows; row++) {
        for (const line of allLines(t, 7, row).flat()) {
          expect(() => katex.renderToString(line.tex, { throwOnError: true, trust: false, strict: 'ignore' }), `${line.name}: ${line.tex}`).not.toThrow();
        }
      }
    });
  }

  it('has a heading in English and Korean for every section', () => {
    for (const title of SECTION_TITLES) {
      expect(en.step[title], title).toMatch(/\S/);
      expect(ko.step[title], title).toMatch(/\S/);
    }
  });
});
