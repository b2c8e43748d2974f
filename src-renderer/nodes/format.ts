/** Number formatting shared by nodes, header and status line. */

/** 1234 → "1,234" (the same grouping in every language). */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A loss value with 4 significant digits; tiny and huge values in exponent form. */
export function formatLoss(x: number | null): string {
  if (x === null) return '–';
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return x.toExponential(3);
  return x.toPrecision(4);
}

/**
 * Milliseconds → "0.0 s" for none, "< 1 ms", "48 ms" under a second (a short run at full
 * speed takes tens of ms), "4.2 s" under a minute, else "m:ss" or "h:mm:ss".
 */
export function formatDuration(ms: number): string {
  if (!(ms > 0)) return '0.0 s';
  if (ms < 1) return '< 1 ms';
  // Rounding that would read "1000 ms" or "60.0 s" moves to the next form instead.
  if (ms < 999.5) return `${Math.round(ms)} ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} s`;
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
