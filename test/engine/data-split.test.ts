import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitCounts, splitDataset, stratifiedCounts } from '../../src-engine/data-split';
import type { Dataset } from '../../src-engine/datasets/dataset';
import { createRng } from '../../src-engine/rng';

/** n samples of one feature x = i, with labels (classification) or y = 10·i (regression). */
function dataset(labels: number[] | null, n = labels?.length ?? 0): Dataset {
  const classes = labels ? Math.max(...labels) + 1 : 0;
  return {
    name: 't',
    task: labels ? 'classification' : 'regression',
    n,
    features: 1,
    targets: 1,
    x: Float64Array.from({ length: n }, (_, i) => i),
    y: Float64Array.from({ length: n }, (_, i) => (labels ? labels[i] : 10 * i)),
    labels: labels ? Int32Array.from(labels) : null,
    classLabels: labels ? Array.from({ length: classes }, (_, c) => String(c)) : null,
    featureNames: ['x'],
    targetNames: ['y'],
  };
}

describe('splitCounts', () => {
  it('holds out ⌊n·share⌋ for test and validation and keeps one sample for training', () => {
    // 100 samples: test ⌊100·0.1⌋ = 10, validation ⌊100·0.2⌋ = 20, training the other 70.
    expect(splitCounts(100, 0.2, 0.1)).toEqual({ train: 70, val: 20, test: 10 });
    // 10 samples at 0.9 + 0.9: test 9, validation gives way to keep one for training.
    expect(splitCounts(10, 0.9, 0.9)).toEqual({ train: 1, val: 0, test: 9 });
    expect(splitCounts(1, 0.5, 0.5)).toEqual({ train: 1, val: 0, test: 0 });
  });
});

describe('splitDataset', () => {
  it('keeps every row in order when nothing is held out, without drawing from the generator', () => {
    const rng = createRng(5);
    const before = rng.getState();
    const { train, val, test } = splitDataset(dataset([0, 1, 0, 1, 1]), { validationSplit: 0, testSplit: 0, stratify: true }, 1, rng);
    expect(Array.from(train.x)).toEqual([0, 1, 2, 3, 4]);
    expect([val.n, test.n]).toEqual([0, 0]);
    expect(rng.getState()).toEqual(before);
  });

  it('makes disjoint parts that cover the data, each in the original order', () => {
    const { train, val, test } = splitDataset(dataset(null, 50), { validationSplit: 0.2, testSplit: 0.1 }, 1, createRng(3));
    expect([train.n, val.n, test.n]).toEqual([35, 10, 5]);
    const all = [...train.x, ...val.x, ...test.x].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 50 }, (_, i) => i));
    for (const part of [train, val, test]) {
      expect(Array.from(part.x)).toEqual(Array.from(part.x).sort((a, b) => a - b));
      for (let r = 0; r < part.n; r++) expect(part.y[r]).toBe(10 * part.x[r]); // targets travel with inputs
    }
  });

  it('picks the same validation samples as before test splits existed', () => {
    // Without a test split the validation part is the first ⌊n·share⌋ of one shuffled permutation.
    const rng = createRng(11);
    const perm = Int32Array.from({ length: 20 }, (_, i) => i);
    rng.shuffle(perm);
    const expected = Array.from(perm.subarray(0, 5)).sort((a, b) => a - b);
    const { val } = splitDataset(dataset(null, 20), { validationSplit: 0.25 }, 1, createRng(11));
    expect(Array.from(val.x)).toEqual(expected);
  });

  it('stratifies: 90 / 10 classes put 9 and 1 into a validation part of 10', () => {
    const labels = Array.from({ length: 100 }, (_, i) => (i < 90 ? 0 : 1));
    const { train, val } = splitDataset(dataset(labels), { validationSplit: 0.1, stratify: true }, 1, createRng(1));
    const count = (l: Int32Array, c: number) => l.filter((v) => v === c).length;
    expect([count(val.labels!, 0), count(val.labels!, 1)]).toEqual([9, 1]);
    expect([count(train.labels!, 0), count(train.labels!, 1)]).toEqual([81, 9]);
  });

  it('keeps every class within one sample of its share in every part', () => {
    const input = fc.record({
      labels: fc.array(fc.nat(5), { minLength: 1, maxLength: 200 }),
      val: fc.double({ min: 0, max: 0.9, noNaN: true }),
      test: fc.double({ min: 0, max: 0.9, noNaN: true }),
      seed: fc.nat(),
    });
    fc.assert(
      fc.property(input, ({ labels, val, test, seed }) => {
        const ds = dataset(labels);
        const parts = splitDataset(ds, { validationSplit: val, testSplit: test, stratify: true }, 1, createRng(seed));
        const sizes = splitCounts(ds.n, val, test);
        expect([parts.train.n, parts.val.n, parts.test.n]).toEqual([sizes.train, sizes.val, sizes.test]);
        for (let c = 0; c <= Math.max(...labels); c++) {
          const total = labels.filter((l) => l === c).length;
          for (const part of [parts.train, parts.val, parts.test]) {
            const inPart = part.labels!.filter((l) => l === c).length;
            expect(Math.abs(inPart - (total * part.n) / ds.n)).toBeLessThan(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rounds a class table so rows and columns still add up', () => {
    // Three classes of 5 into train 9, val 3, test 3: every share is 5·size/15 (3, 1, 1) exactly.
    expect(stratifiedCounts([5, 5, 5], { train: 9, val: 3, test: 3 })).toEqual([
      { train: 3, val: 1, test: 1 },
      { train: 3, val: 1, test: 1 },
      { train: 3, val: 1, test: 1 },
    ]);
    // Classes 2 and 2 into train 2, val 1, test 1: shares 1, ½, ½ per class → one gets the
    // validation sample, the other the test sample.
    const r = stratifiedCounts([2, 2], { train: 2, val: 1, test: 1 });
    expect(r.map((c) => c.train)).toEqual([1, 1]);
    expect(r[0].val + r[1].val).toBe(1);
    expect(r[0].val + r[0].test).toBe(1);
  });

  it('encodes classification targets for the output width', () => {
    const { train } = splitDataset(dataset([0, 2, 1]), { validationSplit: 0 }, 3, createRng(1));
    expect(Array.from(train.y)).toEqual([1, 0, 0, 0, 0, 1, 0, 1, 0]);
  });
});
