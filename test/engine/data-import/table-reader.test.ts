import { describe, expect, it } from 'vitest';
import { detectHeader, openTable, uniqueNames } from '../../../src-engine/data-import/table-reader';

describe('table reader', () => {
  it('detects a header by its text above numbers', () => {
    expect(detectHeader(['a', 'b'], [['1', '2']])).toBe(true);
    expect(detectHeader(['1', 'b'], [['1', '2']])).toBe(false);
    expect(detectHeader(['name', 'city'], [['ann', 'paris'], ['bo', 'rome']])).toBe(true);
    expect(detectHeader(['ann', 'paris'], [['bo', 'paris']])).toBe(false);
  });

  it('makes names unique, pandas-style', () => {
    expect(uniqueNames(['a', ' a ', '', 'a.1'])).toEqual(['a', 'a.1', 'col3', 'a.1.1']);
  });

  it('skips blank lines and whitespace-only rows but counts them as rows', () => {
    const opened = openTable('x,y\n1,2\n\n , \n3,4\n');
    if (!opened.ok) throw new Error(opened.error);
    const t = opened.table;
    const rows: [number, string[]][] = [];
    for (let r = t.next(); r; r = t.next()) rows.push([t.row, r]);
    expect(rows).toEqual([[2, ['1', '2']], [5, ['3', '4']]]);
    expect(t.error).toBeNull();
    expect(t.progress()).toBe(1);
  });

  it('reads rows beyond the header sample', () => {
    const text = `a,b\n${Array.from({ length: 200 }, (_, i) => `${i},${i}`).join('\n')}`;
    const opened = openTable(text);
    if (!opened.ok) throw new Error(opened.error);
    let count = 0;
    let last: string[] = [];
    for (let r = opened.table.next(); r; r = opened.table.next()) {
      count++;
      last = r;
    }
    expect([count, last, opened.table.row]).toEqual([200, ['199', '199'], 201]);
  });

  it('refuses an empty file and an unknown delimiter', () => {
    expect(openTable('\n\n')).toEqual({ ok: false, error: 'The file is empty.', key: 'empty-file', params: {} });
    expect(openTable('a:b', { delimiter: ':' as never }).ok).toBe(false);
  });
});
