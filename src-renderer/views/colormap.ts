/**
 * Colours of the live views, as RGB triples for ImageData and CSS strings for strokes.
 * Two classes use the Playground's orange/blue; more classes a ten-colour palette; values
 * (regression, hidden units, weights) a diverging orange–white–blue scale.
 */

export type Rgb = readonly [number, number, number];

/** Class colours: 0 orange, 1 blue, then eight more that stay apart for colour-blind readers. */
export const CLASS_COLORS: readonly Rgb[] = [
  [245, 147, 34],
  [8, 119, 189],
  [22, 163, 74],
  [190, 24, 93],
  [124, 58, 237],
  [161, 98, 7],
  [14, 116, 144],
  [220, 38, 38],
  [71, 85, 105],
  [202, 138, 4],
];

const NEGATIVE: Rgb = [245, 147, 34];
const POSITIVE: Rgb = [8, 119, 189];
const MIDDLE: Rgb = [248, 250, 252];

/** A class's colour (cycling after ten). */
export function classColor(k: number): Rgb {
  return CLASS_COLORS[((k % CLASS_COLORS.length) + CLASS_COLORS.length) % CLASS_COLORS.length];
}

/** Mixes a → b by t ∈ [0, 1]. */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  const u = Math.min(1, Math.max(0, t));
  return [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, a[2] + (b[2] - a[2]) * u];
}

/** t ∈ [−1, 1] → orange (−1), near-white (0), blue (+1). NaN is grey. */
export function diverging(t: number): Rgb {
  if (Number.isNaN(t)) return [148, 163, 184];
  return t < 0 ? mix(MIDDLE, NEGATIVE, -t) : mix(MIDDLE, POSITIVE, t);
}

/** CSS rgb() of a triple, with optional alpha. */
export function css(c: Rgb, alpha = 1): string {
  const [r, g, b] = c.map((v) => Math.round(v));
  return alpha >= 1 ? `rgb(${r} ${g} ${b})` : `rgb(${r} ${g} ${b} / ${alpha})`;
}

/** Colour of a weight: blue positive, orange negative (as the Playground draws them). */
export function weightColor(w: number, alpha = 1): string {
  return css(w >= 0 ? POSITIVE : NEGATIVE, alpha);
}
