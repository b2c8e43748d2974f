import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isMissingCell, parseNumberCell, quoteCell, sortCategories } from '../../../src-engine/data-import/cells';

describe('cells', () => {
  it('reads plain decimals only', () => {
    const numbers: [string, number][] = [['1', 1], ['-2.5', -2.5], ['+.5', 0.5], ['1.', 1], ['1e3', 1000], ['2.5E-1', 0.25], ['0', 0], ['007', 7]];
    for (const [text, value] of numbers) expect(parseNumberCell(text)).toBe(value);
    for (const text of ['', 'abc', '0x10', '0b1', '0o7', 'Infinity', '-Infinity', '1e400', '1,234', '1,5', '1 2', '.', '-', 'NaN']) {
      expect(parseNumberCell(text)).toBeNaN();
    }
  });

  it('agrees with the decimal grammar on random text', () => {
    const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.stringMatching(/^[-+0-9.eExXbo]{1,8}$/));
    fc.assert(
      fc.property(text, (s) => {
        const expected = DECIMAL.test(s) && Number.isFinite(Number(s));
        expect(!Number.isNaN(parseNumberCell(s))).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('knows the missing-value markers', () => {
    for (const m of ['', 'NA', 'N/A', 'NaN', 'null', 'None', '#N/A', '?']) expect(isMissingCell(m)).toBe(true);
    for (const m of ['0', '-', 'none?', 'nil', 'missing']) expect(isMissingCell(m)).toBe(false);
  });

  it('orders numeric labels by value and other labels by code unit', () => {
    expect(sortCategories(['10', '9', '1.5', '-1'])).toEqual(['-1', '1.5', '9', '10']);
    expect(sortCategories(['b', 'B', 'a', '10', '9'])).toEqual(['10', '9', 'B', 'a', 'b']);
  });

  it('shortens long cells in messages', () => {
    expect(quoteCell('abc')).toBe("'abc'");
    expect(quoteCell('x'.repeat(50))).toBe(`'${'x'.repeat(40)}…'`);
  });
});
