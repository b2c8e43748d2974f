import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalCommaFor, isMissingCell, parseNumberCell, quoteCell, sortCategories } from '../../../src-engine/data-import/cells';

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

  it('reads decimal commas only when asked to', () => {
    // Each pair: the cell as a European spreadsheet writes it, the number it means.
    const commas: [string, number][] = [['3,5', 3.5], ['-0,25', -0.25], ['+1,5', 1.5], [',5', 0.5], ['2,', 2], ['1,5e3', 1500], ['7,25E-2', 0.0725]];
    for (const [text, value] of commas) {
      expect(parseNumberCell(text, true)).toBe(value);
      expect(parseNumberCell(text)).toBeNaN();
    }
    // A point still reads as the decimal point; a second comma or a letter is not a number.
    expect(parseNumberCell('3.5', true)).toBe(3.5);
    for (const text of ['1,2,3', '1,5,', ',', '-,', 'a,5', '1,5x', '1, 5', '0x1,5', '1.2,5', '1,5e400']) expect(parseNumberCell(text, true)).toBeNaN();
  });

  it('agrees with the decimal grammar, comma for point, on random text', () => {
    const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
    const DECIMAL_COMMA = /^[+-]?(?:\d+,\d*|,\d+)(?:[eE][+-]?\d+)?$/;
    const text = fc.stringMatching(/^[-+0-9.,eE]{1,8}$/);
    fc.assert(
      fc.property(text, (s) => {
        const asPoint = s.replace(',', '.');
        const expected = (DECIMAL.test(s) && Number.isFinite(Number(s))) || (DECIMAL_COMMA.test(s) && Number.isFinite(Number(asPoint)));
        const v = parseNumberCell(s, true);
        expect(!Number.isNaN(v)).toBe(expected);
        if (expected) expect(v).toBe(Number(DECIMAL_COMMA.test(s) ? asPoint : s));
      }),
      { numRuns: 3000 },
    );
  });

  it('allows decimal commas for every delimiter but the comma', () => {
    expect(decimalCommaFor(',')).toBe(false);
    for (const d of [';', '\t', '|']) expect(decimalCommaFor(d)).toBe(true);
  });

  it('orders labels the same whatever their position (no decimal-comma reading)', () => {
    // '1,5' is text in a label list, so the list sorts by code unit, not by value.
    expect(sortCategories(['2', '1,5', '10'])).toEqual(['1,5', '10', '2']);
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
