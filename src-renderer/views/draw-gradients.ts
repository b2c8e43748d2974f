/**
 * Draws the gradient view: each layer's gradient norm over the run on a log scale (left),
 * and a bar per layer for the step shown (right), so a gradient that shrinks layer by layer
 * towards the input (vanishing) or grows (exploding) is visible at a glance.
 */
import type { LayerSnapshot } from '../../src-engine/protocol/messages';
import type { GradientHistory } from './timeline';

/** The first layer's gradient norm below this fraction of the last one's counts as vanishing. */
export const VANISHING_RATIO = 1e-2;
/** …and above this multiple as exploding. */
export const EXPLODING_RATIO = 1e2;

/** Layer colours, first layer to last: light to dark along one hue family, then others. */
const LAYER_COLORS = ['#38bdf8', '#2563eb', '#7c3aed', '#db2777', '#ea580c', '#16a34a', '#0891b2', '#4f46e5', '#be123c', '#65a30d'];

export function layerColor(k: number): string {
  return LAYER_COLORS[k % LAYER_COLORS.length];
}

/** 'vanishing', 'exploding' or null, from the first and last layers' gradient norms. */
export function gradientWarning(layers: readonly Pick<LayerSnapshot, 'gradNorm'>[]): 'vanishing' | 'exploding' | null {
  if (layers.length < 2) return null;
  const first = layers[0].gradNorm;
  const last = layers[layers.length - 1].gradNorm;
  if (!(first >= 0) || !(last > 0) || !Number.isFinite(first) || !Number.isFinite(last)) return null;
  const ratio = first / last;
  if (ratio < VANISHING_RATIO) return 'vanishing';
  if (ratio > EXPLODING_RATIO) return 'exploding';
  return null;
}

/** Decades from ⌊log10 lo⌋ to ⌈log10 hi⌉ (at least one decade apart). */
export function logRange(values: Iterable<number>): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo === Infinity) return { lo: -3, hi: 0 };
  const a = Math.floor(Math.log10(lo));
  const b = Math.max(a + 1, Math.ceil(Math.log10(hi))) + 0; // + 0 turns −0 into 0
  return { lo: a, hi: b };
}

/** "1e-3", "0.1", "1", "10" … for a decade exponent. */
export function decadeLabel(e: number): string {
  return e >= -2 && e <= 3 ? String(10 ** e).replace(/^0\./, '.') : `1e${e}`;
}

export interface GradientDrawing {
  history: GradientHistory;
  /** The layers of the step shown (their gradNorm is the bar). */
  current: readonly LayerSnapshot[];
  step: number | null;
  /** Layer labels (names), by layer index. */
  labels: string[];
  /** The hovered step (a vertical line), or null. */
  hoverStep: number | null;
}

export interface GradientGeometry {
  plot: { x: number; y: number; width: number; height: number };
  stepMin: number;
  stepMax: number;
}

const AXIS = '#94a3b8';
const GRID = '#e2e8f0';
const TEXT = '#64748b';

/**
 * Draws the norms over time (top) and one horizontal bar per layer for the step shown
 * (bottom, labelled with the layer's name and value, on the same log scale); returns the
 * line plot's geometry (for hover).
 */
export function drawGradients(ctx: CanvasRenderingContext2D, d: GradientDrawing, width: number, height: number): GradientGeometry {
  const n = Math.max(d.current.length, d.history.layerIds.length);
  const barH = Math.max(7, Math.min(14, (height * 0.4) / Math.max(1, n)));
  const barsHeight = n * (barH + 3) + 8;
  const left = 32;
  const plot = { x: left, y: 8, width: Math.max(20, width - left - 8), height: Math.max(20, height - barsHeight - 26) };
  const all = function* () {
    for (const series of d.history.norms) yield* series;
    for (const l of d.current) yield l.gradNorm;
  };
  const { lo, hi } = logRange(all());
  const yOf = (v: number) => plot.y + plot.height - ((Math.log10(v) - lo) / (hi - lo)) * plot.height;

  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const every = Math.max(1, Math.ceil((hi - lo) / Math.max(1, Math.floor(plot.height / 14))));
  for (let e = lo; e <= hi; e += every) {
    const y = yOf(10 ** e);
    ctx.strokeStyle = GRID;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(plot.x, Math.round(y) + 0.5);
    ctx.lineTo(plot.x + plot.width, Math.round(y) + 0.5);
    ctx.stroke();
    ctx.fillStyle = TEXT;
    ctx.fillText(decadeLabel(e), plot.x - 4, y);
  }

  const steps = d.history.steps;
  const stepMin = steps[0] ?? 0;
  const stepMax = Math.max(stepMin + 1, steps.at(-1) ?? 1);
  const xOf = (s: number) => plot.x + ((s - stepMin) / (stepMax - stepMin)) * plot.width;
  ctx.textBaseline = 'top';
  ctx.fillStyle = TEXT;
  if (steps.length > 0) {
    ctx.textAlign = 'left';
    ctx.fillText(String(stepMin), plot.x, plot.y + plot.height + 3);
    ctx.textAlign = 'right';
    ctx.fillText(String(steps.at(-1)), plot.x + plot.width, plot.y + plot.height + 3);
  }
  ctx.strokeStyle = AXIS;
  ctx.beginPath();
  ctx.moveTo(plot.x + 0.5, plot.y);
  ctx.lineTo(plot.x + 0.5, plot.y + plot.height + 0.5);
  ctx.lineTo(plot.x + plot.width, plot.y + plot.height + 0.5);
  ctx.stroke();

  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x, plot.y - 2, plot.width + 2, plot.height + 4);
  ctx.clip();
  d.history.norms.forEach((series, k) => {
    ctx.strokeStyle = layerColor(k);
    ctx.lineWidth = 1.4;
    ctx.beginPath();
    let pen = false;
    for (let p = 0; p < series.length; p++) {
      const v = series[p];
      if (!(v > 0) || !Number.isFinite(v)) {
        pen = false;
        continue;
      }
      const x = xOf(steps[p]);
      const y = yOf(v);
      if (pen) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      pen = true;
    }
    ctx.stroke();
  });
  const marker = d.hoverStep ?? (d.step !== null && d.step < (steps.at(-1) ?? 0) ? d.step : null);
  if (marker !== null && steps.length > 0) {
    ctx.strokeStyle = '#0f172a';
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(Math.round(xOf(marker)) + 0.5, plot.y);
    ctx.lineTo(Math.round(xOf(marker)) + 0.5, plot.y + plot.height);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.restore();

  // Bars: the step shown, one per layer on the same log scale (lo … hi decades, left to right).
  const top = plot.y + plot.height + 18;
  const xBar = (v: number) => plot.x + ((Math.log10(v) - lo) / (hi - lo)) * plot.width;
  d.current.forEach((l, k) => {
    const y = top + k * (barH + 3);
    ctx.fillStyle = '#f1f5f9';
    ctx.fillRect(plot.x, y, plot.width, barH);
    const ok = l.gradNorm > 0 && Number.isFinite(l.gradNorm);
    const end = ok ? Math.max(plot.x + 2, Math.min(plot.x + plot.width, xBar(l.gradNorm))) : plot.x;
    ctx.fillStyle = layerColor(k);
    ctx.fillRect(plot.x, y, end - plot.x, barH);
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    ctx.fillStyle = TEXT;
    ctx.fillText(String(k + 1), plot.x - 4, y + barH / 2);
    const value = ok ? l.gradNorm.toExponential(1) : '0';
    ctx.font = `${Math.min(10, barH)}px system-ui, sans-serif`;
    // The name and value inside the bar when they fit, else after it; the value alone when
    // the name does not fit either way.
    const inRoom = end - plot.x - 8;
    const outRoom = plot.x + plot.width - end - 6;
    const full = `${d.labels[k] ?? ''} ${value}`.trim();
    const fits = (text: string, room: number) => ctx.measureText(text).width <= room;
    const inside = fits(full, inRoom) || (!fits(full, outRoom) && fits(value, inRoom));
    const label = fits(full, inside ? inRoom : outRoom) ? full : value;
    ctx.textAlign = inside ? 'right' : 'left';
    ctx.fillStyle = inside ? '#ffffff' : '#334155';
    ctx.fillText(label, inside ? end - 4 : end + 4, y + barH / 2);
    ctx.font = '10px system-ui, sans-serif';
  });
  return { plot, stepMin, stepMax };
}
