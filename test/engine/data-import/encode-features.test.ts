/** Model inputs rebuilt from raw CSV columns: numbers by name, categories one-hot as the importer made them. */
import { describe, expect, it } from 'vitest';
import { importTable } from '../../../src-engine/data-import/import-table';
import { encodeFeatures, planInputs } from '../../../src-engine/data-import/encode-features';
import { parseCsv } from '../../../src-engine/csv';

const TRAIN = 'size,color,price\n1,red,3\n2,blue,4\n3,green,7\n4,red,6\n5,blue,9\n';

describe('encodeFeatures', () => {
  it('gives new rows exactly the inputs the importer gave the training rows', () => {
    const imported = importTable(TRAIN, { target: 'price', task: 'regression' });
    if (!imported.ok) throw new Error(imported.error);
    const names = imported.spec.featureNames;
    expect(names).toEqual(['size', 'color=blue', 'color=green', 'color=red']);
    // The training file itself, columns in another order, encodes to the imported x.
    const shuffled = 'color,price,size\nred,3,1\nblue,4,2\ngreen,7,3\nred,6,4\nblue,9,5\n';
    const csv = parseCsv(shuffled);
    if (!csv.ok) throw new Error(csv.error);
    const r = encodeFeatures(csv.header, csv.rows, names);
    if (!r.ok) throw new Error(r.error);
    expect(Array.from(r.values)).toEqual(imported.spec.x.flat());
    expect(r.unseen.size).toBe(0);
  });

  it('sets a category the model never saw to all zeros and counts it', () => {
    const r = encodeFeatures(['size', 'color'], [['2', 'purple'], ['3', 'red']], ['size', 'color=blue', 'color=red']);
    if (!r.ok) throw new Error(r.error);
    expect(Array.from(r.values)).toEqual([2, 0, 0, 3, 0, 1]);
    expect(r.unseen).toEqual(new Map([['color', 1]]));
  });

  it('names the row and column of a bad or missing cell, and an input with no column', () => {
    expect(encodeFeatures(['size', 'color'], [['1', 'red'], ['x1', 'red']], ['size', 'color=red'])).toEqual({
      ok: false,
      error: "row 3, column size: 'x1' is not a number.",
    });
    expect(encodeFeatures(['size', 'color'], [['1', '']], ['size', 'color=red'])).toMatchObject({ ok: false, error: expect.stringContaining('row 2, column color') });
    expect(planInputs(['size'], ['size', 'color=red'])).toMatchObject({ ok: false, error: expect.stringContaining('color=red has no column') });
  });

  it('reads decimal commas only when asked (semicolon files)', () => {
    const r = encodeFeatures(['a'], [['3,5']], ['a'], true);
    expect(r.ok && Array.from(r.values)).toEqual([3.5]);
    expect(encodeFeatures(['a'], [['3,5']], ['a']).ok).toBe(false);
  });
});
