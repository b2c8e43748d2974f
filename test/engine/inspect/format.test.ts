import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src-engine/inspect/format';

describe('formatNumber', () => {
  it('prints the chosen number of decimals with a real minus sign', () => {
    expect(formatNumber(0.6224593312018546, 4)).toBe('0.6225');
    expect(formatNumber(-0.0699520622, 5)).toBe('−0.06995');
    expect(formatNumber(0.5, 0)).toBe('1'); // toFixed rounds half away from zero here
  });

  it('never shows a small non-zero value as zero', () => {
    expect(formatNumber(-0.0000264, 4)).toBe('−2.640e−5');
    expect(formatNumber(0, 3)).toBe('0.000');
    expect(formatNumber(-0, 3)).toBe('0.000');
  });

  it('names NaN and infinities', () => {
    expect([formatNumber(NaN, 2), formatNumber(Infinity, 2), formatNumber(-Infinity, 2)]).toEqual(['NaN', '∞', '−∞']);
  });
});
