/**
 * Numbers and symbols as LaTeX for Step mode's formulas, and KaTeX rendering. Only fixed
 * templates and numbers ever reach KaTeX (never user text such as layer names), and it runs
 * with `trust: false`, so its HTML is safe to insert.
 */
import katex from 'katex';
import { formatNumber } from '../../src-engine/inspect/format';
import type { ActivationName } from '../../src-engine/project';

/** `value` as LaTeX with `decimals` digits (the engine's formatNumber), exponent form as ·10^k. */
export function texNumber(value: number, decimals: number): string {
  const text = formatNumber(value, decimals).replace(/−/g, '-');
  if (text === 'NaN') return '\\text{NaN}';
  if (text === '∞') return '\\infty';
  if (text === '-∞') return '-\\infty';
  const exp = /^(-?[\d.]+)e([+-]?)(\d+)$/.exec(text);
  if (exp) return `${exp[1]}\\times 10^{${exp[2] === '-' ? '-' : ''}${exp[3]}}`;
  return text;
}

/** A number used as a factor: negative ones in parentheses, e.g. 0.01·(−0.07). */
export function texFactor(value: number, decimals: number): string {
  const t = texNumber(value, decimals);
  return t.startsWith('-') ? `(${t})` : t;
}

/** `value` as plain text for reading aloud and tests: the engine's formatNumber, unchanged. */
export function plainNumber(value: number, decimals: number): string {
  return formatNumber(value, decimals);
}

/** The activation f as LaTeX (applied as `f(…)`); null for the identity. */
export function texActivation(activation: ActivationName | null): string | null {
  switch (activation) {
    case null:
    case 'linear':
      return null;
    case 'sigmoid':
      return '\\sigma';
    case 'tanh':
      return '\\tanh';
    case 'relu':
      return '\\operatorname{ReLU}';
    case 'leaky_relu':
      return '\\operatorname{LReLU}';
    case 'elu':
      return '\\operatorname{ELU}';
    case 'softmax':
      return '\\operatorname{softmax}';
    case 'softplus':
      return '\\operatorname{softplus}';
    case 'gelu':
      return '\\operatorname{GELU}';
    case 'swish':
      return '\\operatorname{swish}';
  }
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 2000;

/**
 * KaTeX's HTML for `tex` (display style when `display`). Errors render as KaTeX's red
 * source text rather than throwing. Results are cached: stepping back and forth re-renders
 * the same formulas.
 */
export function renderTex(tex: string, display = false): string {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = katex.renderToString(tex, { displayMode: display, throwOnError: false, trust: false, strict: 'ignore', output: 'htmlAndMathml' });
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, html);
  return html;
}
