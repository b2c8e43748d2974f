/**
 * The seeded random number generator every random choice in the engine goes through
 * (initial weights, validation split, shuffling, dropout masks, data generation).
 *
 * Core: sfc32 (Chris Doty-Humphrey's "small fast counting" generator, PractRand-tested),
 * its 128-bit state filled from the 32-bit seed by splitmix32. The core uses only 32-bit
 * integer operations (`Math.imul`, shifts, `| 0`), so the integer stream is identical on
 * every JavaScript engine. `normal()` uses `Math.log`, `Math.sqrt` and `Math.cos`; `sqrt` is
 * exact everywhere, `log`/`cos` are the same within one engine (V8, SpiderMonkey and
 * JavaScriptCore may differ in the last bit).
 */

/** A seeded stream of random numbers. Every method advances the stream. */
export interface Rng {
  /** Uniform in [0, 1), 53 random bits. */
  next(): number;
  /** Standard normal N(0, 1) (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number;
  /** Uniform integer in [0, n) without modulo bias; n is an integer in [1, 2^32]. */
  int(n: number): number;
  /** Fisher–Yates shuffle of `a` in place (Durstenfeld's variant, from the end). Mutates `a`. */
  shuffle(a: Int32Array | number[]): void;
  /** A copy of the full state (for checkpoints); plain numbers, JSON-safe. */
  getState(): RngState;
  /** Continues from a state `getState` returned: the stream then repeats exactly. Mutates this generator. */
  setState(state: RngState): void;
}

/**
 * The full state of a generator: sfc32's four 32-bit words (as signed 32-bit integers) and
 * the spare normal value Box–Muller keeps for the next `normal()` call.
 */
export interface RngState {
  words: [number, number, number, number];
  spare: number;
  hasSpare: boolean;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** splitmix32: a good 32-bit mixer; `state` is advanced by the golden-ratio constant per call. */
function splitmix32(state: number): number {
  let z = state | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A seed for an independent sub-stream (`stream` names its purpose, e.g. 1 = weights,
 * 2 = split). Changing how often one stream is used then never changes another.
 */
export function deriveSeed(seed: number, stream: number): number {
  return splitmix32((Math.imul(seed >>> 0, 0x9e3779b9) ^ splitmix32(stream + 0x632be5ab)) | 0);
}

/** A new generator from a 32-bit integer seed (other numbers are truncated to 32 bits). */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    s = (s + 0x9e3779b9) | 0;
    words.push(splitmix32(s));
  }
  let [a, b, c, d] = words;
  let spare = 0;
  let hasSpare = false;

  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm-up as recommended for sfc32, so nearby seeds diverge.
  for (let i = 0; i < 12; i++) nextU32();

  const next = (): number => {
    const hi = nextU32() >>> 5; // 27 bits
    const lo = nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / TWO_POW_53;
  };

  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    const u1 = 1 - next(); // (0, 1], so log(u1) is finite
    const u2 = next();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    spare = r * Math.sin(theta);
    hasSpare = true;
    return r * Math.cos(theta);
  };

  const int = (n: number): number => {
    if (!(n >= 1 && n <= TWO_POW_32 && Number.isInteger(n))) {
      throw new Error(`rng.int(n) needs an integer n in [1, 2^32], got ${n}.`);
    }
    // Reject the top partial block so every residue is equally likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const x = nextU32();
      if (x < limit) return x % n;
    }
  };

  const shuffle = (arr: Int32Array | number[]): void => {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = int(i + 1);
      const tmp = arr[i];
      arr[i] = arr[j];
      arr[j] = tmp;
    }
  };

  const getState = (): RngState => ({ words: [a | 0, b | 0, c | 0, d | 0], spare, hasSpare });

  const setState = (state: RngState): void => {
    [a, b, c, d] = state.words.map((w) => w | 0);
    spare = state.spare;
    hasSpare = state.hasSpare;
  };

  return { next, normal, int, shuffle, getState, setState };
}
