import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '../../src-engine/rng';

const N = 100_000;
/** Standard errors allowed before a statistical check fails (p ≈ 6e-7 per check). */
const SIGMAS = 5;

describe('createRng', () => {
  it('repeats the same stream for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    for (let i = 0; i < 1000; i++) expect(a.next()).toBe(b.next());
  });

  it('gives unrelated streams for neighbouring seeds and sub-streams', () => {
    expect(createRng(1).next()).not.toBe(createRng(2).next());
    expect(deriveSeed(1, 1)).not.toBe(deriveSeed(1, 2));
    expect(deriveSeed(1, 1)).not.toBe(deriveSeed(2, 1));
  });

  it('draws uniform numbers in [0, 1) with mean ½ and variance 1/12', () => {
    const rng = createRng(3);
    let s = 0;
    let q = 0;
    for (let i = 0; i < N; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      s += u;
      q += u * u;
    }
    const mean = s / N;
    expect(Math.abs(mean - 0.5)).toBeLessThan((SIGMAS * Math.sqrt(1 / 12)) / Math.sqrt(N));
    expect(Math.abs(q / N - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('draws standard normal numbers', () => {
    const rng = createRng(4);
    let s = 0;
    let q = 0;
    for (let i = 0; i < N; i++) {
      const z = rng.normal();
      s += z;
      q += z * z;
    }
    expect(Math.abs(s / N)).toBeLessThan(SIGMAS / Math.sqrt(N));
    // Var(z²) = 2 for a standard normal, so the mean of z² has standard error √(2/N).
    expect(Math.abs(q / N - 1)).toBeLessThan(SIGMAS * Math.sqrt(2 / N));
  });

  it('draws every integer below n about equally often', () => {
    const rng = createRng(5);
    const counts = new Array(7).fill(0);
    for (let i = 0; i < N; i++) counts[rng.int(7)]++;
    const expected = N / 7;
    const sd = Math.sqrt(N * (1 / 7) * (6 / 7));
    for (const c of counts) expect(Math.abs(c - expected)).toBeLessThan(SIGMAS * sd);
  });

  it('shuffles into a permutation', () => {
    const a = Int32Array.from({ length: 50 }, (_, i) => i);
    createRng(6).shuffle(a);
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(a)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('refuses int(n) for n that is not a positive integer', () => {
    expect(() => createRng(1).int(0)).toThrow(/integer n/);
    expect(() => createRng(1).int(2.5)).toThrow(/integer n/);
  });

  it('continues exactly from a saved state, the spare normal value included', () => {
    const rng = createRng(9);
    rng.next();
    rng.normal(); // leaves the second Box–Muller value as the spare
    const saved = JSON.parse(JSON.stringify(rng.getState()));
    const expected = [rng.normal(), rng.next(), rng.int(1000), rng.normal()];
    const copy = createRng(0);
    copy.setState(saved);
    expect([copy.normal(), copy.next(), copy.int(1000), copy.normal()]).toEqual(expected);
  });
});
