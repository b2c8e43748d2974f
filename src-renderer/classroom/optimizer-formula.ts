/**
 * The optimizer's update rule as LaTeX in the UI's language. The engine's formulas
 * (OPTIMIZER_FORMULAS) carry a few English words in `\text{…}`; Korean gets its own. KaTeX
 * runs with `strict: 'ignore'`, so Hangul inside `\text{}` typesets without a warning.
 */
import { OPTIMIZER_FORMULAS } from '../../src-engine/optimizers';
import type { OptimizerType } from '../../src-engine/project';

/** English `\text{}` pieces and their Korean; option and method names (AMSGrad, Nesterov, decay) stay. */
const KO_WORDS: readonly [string, string][] = [
  ['\\text{the notes write }', '\\text{강의 노트: }'],
  ['\\text{initial accumulator}', '\\text{초기 누적값}'],
  ['\\text{ by default}', '\\text{ (기본값)}'],
  ['\\text{otherwise}', '\\text{그 외}'],
  ['\\text{centered}', '\\text{중심화}'],
  ['\\text{Nesterov}', '\\text{네스테로프}'],
];

/** `OPTIMIZER_FORMULAS[type]`, its words in `language` ('en' and anything else unknown: as written). */
export function optimizerFormula(type: OptimizerType, language: string): string {
  const tex = OPTIMIZER_FORMULAS[type];
  if (!language.startsWith('ko')) return tex;
  return KO_WORDS.reduce((text, [en, ko]) => text.split(en).join(ko), tex);
}
