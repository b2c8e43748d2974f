import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDigits } from '../../../src-engine/datasets/digits';

const CSV = readFileSync(new URL('../../../data/digits8x8.csv', import.meta.url), 'utf8');

describe('digits', () => {
  it('unpacks to exactly the CSV, cell by cell', () => {
    const lines = CSV.trim().split(/\r?\n/);
    expect(lines[0].split(',')).toEqual([...Array.from({ length: 64 }, (_, i) => `p${i}`), 'digit']);
    const ds = loadDigits();
    expect([ds.n, ds.features, ds.targets]).toEqual([lines.length - 1, 64, 10]);
    for (let i = 0; i < ds.n; i++) {
      const cells = lines[i + 1].split(',').map(Number);
      expect(Array.from(ds.x.subarray(i * 64, (i + 1) * 64))).toEqual(cells.slice(0, 64));
      expect(ds.labels![i]).toBe(cells[64]);
      expect(ds.y[i * 10 + cells[64]]).toBe(1);
    }
  });

  it('holds 1,797 images of ten digits, p0 … p63 with intensities 0 … 16', () => {
    const ds = loadDigits();
    expect(ds.n).toBe(1797);
    expect(ds.featureNames[0]).toBe('p0');
    expect(ds.featureNames[63]).toBe('p63');
    expect(ds.classLabels).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(Math.min(...ds.x)).toBe(0);
    expect(Math.max(...ds.x)).toBe(16);
    // The first image is a 0: its top row is 0,0,5,13,9,1,0,0 (row 2 of the CSV).
    expect(Array.from(ds.x.subarray(0, 8))).toEqual([0, 0, 5, 13, 9, 1, 0, 0]);
    expect(ds.labels![0]).toBe(0);
  });
});
