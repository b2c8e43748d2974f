/** How the Step mode prints numbers, so every view shows the engine's values the same way. */

/**
 * `value` with `decimals` digits after the point (0 … 15). A non-zero value that would print
 * as zero (|value| < ½·10^−decimals, e.g. a vanishing gradient) is shown in exponent form
 * with `decimals` significant digits instead, so it never looks like an exact 0. −0 prints
 * as 0; NaN and ±∞ as "NaN", "∞", "−∞". Uses the minus sign U+2212 for negatives.
 */
export function formatNumber(value: number, decimals: number): string {
  const d = Math.min(15, Math.max(0, Math.floor(decimals)));
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return (0).toFixed(d);
  const text = Math.abs(value) < 0.5 * 10 ** -d ? value.toExponential(Math.max(0, d - 1)) : value.toFixed(d);
  return text.replace(/-/g, '−');
}
