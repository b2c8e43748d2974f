/** The compiler's problems in Korean: a sentence for every template, filled with the same facts. */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../../src-engine/compile';
import { PROBLEM_MESSAGES, type ProblemKey } from '../../src-engine/compile-messages';
import { datasetShape } from '../../src-engine/datasets';
import { createSpiralExample } from '../../src-engine/examples';
import { en } from '../../src-renderer/i18n/en';
import { ko } from '../../src-renderer/i18n/ko';
import { problemText } from '../../src-renderer/i18n/problem-text';

beforeAll(async () => {
  await i18next.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', fallbackLng: 'en', initAsync: false, showSupportNotice: false });
});

const PARAMS = { kind: 'dense', name: 'Hidden 7', id: 'n-42', edge: 'e-9', count: 3, got: 5, need: 6, inputs: 3, units: 2, targets: 4, classes: 5, activation: 'relu' };

describe('problemText', () => {
  it('says every compiler problem in Korean, with the numbers and names of the English message', () => {
    for (const key of Object.keys(PROBLEM_MESSAGES) as ProblemKey[]) {
      const english = PROBLEM_MESSAGES[key](PARAMS);
      const korean = problemText({ message: english, key, params: PARAMS }, 'ko');
      expect(korean, key).toMatch(/[\uac00-\ud7a3]/);
      expect(korean, key).not.toMatch(/undefined|\{\{|NaN/);
      // Every figure and quoted name the English sentence states, the Korean one states too.
      for (const fact of english.match(/'[^']+'|\b\d+\b/g) ?? []) {
        if (fact === "'Hidden 7'") expect(korean, key).toContain(`${ko.layers.dense} 'Hidden 7'`);
        else expect(korean, `${key}: ${fact}`).toContain(fact.replace(/'/g, ''));
      }
      if (english.includes('relu')) expect(korean).toContain(ko.activations.relu);
      expect(problemText({ message: english, key, params: PARAMS }, 'en')).toBe(english);
    }
  });

  it('translates what the compiler really reports for a broken graph', () => {
    const project = createSpiralExample();
    project.graph.edges = project.graph.edges.filter((e) => e.target !== 'output');
    const compiled = compileGraph(project.graph, datasetShape(project.dataset), project.training);
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    const texts = compiled.problems.map((p) => problemText(p, 'ko'));
    expect(texts.join('\n')).toContain(`${ko.layers.dense} 'Hidden 2'`);
    for (const [i, p] of compiled.problems.entries()) expect(texts[i]).not.toBe(p.message);
  });
});
