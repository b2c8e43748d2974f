/** The optimizer's rule in the inspector: no English words left in Korean (names of methods and options aside). */
import { describe, expect, it } from 'vitest';
import { OPTIMIZER_FORMULAS } from '../../src-engine/optimizers';
import type { OptimizerType } from '../../src-engine/project';
import { optimizerFormula } from '../../src-renderer/classroom/optimizer-formula';

/** Words that stay as they are: method and option names, and `decay` as a subscript (η_decay is the field's name). */
const NAMES = new Set(['AMSGrad:', 'decay']);

describe('optimizerFormula', () => {
  it('puts every \\text{} word of every optimizer in Korean, and changes nothing else', () => {
    for (const type of Object.keys(OPTIMIZER_FORMULAS) as OptimizerType[]) {
      const ko = optimizerFormula(type, 'ko');
      const words = (ko.match(/\\text\{[^}]*\}/g) ?? []).flatMap((t) => t.slice(6, -1).match(/[A-Za-z]+:?/g) ?? []);
      expect(words.filter((w) => !NAMES.has(w)), type).toEqual([]);
      // Outside \text{} the formula is the engine's, symbol for symbol.
      const strip = (tex: string) => tex.replace(/\\text\{[^}]*\}/g, '');
      expect(strip(ko)).toBe(strip(OPTIMIZER_FORMULAS[type]));
      expect(optimizerFormula(type, 'en')).toBe(OPTIMIZER_FORMULAS[type]);
    }
    expect(optimizerFormula('adam', 'ko')).toContain('\\text{강의 노트: }');
  });
});
