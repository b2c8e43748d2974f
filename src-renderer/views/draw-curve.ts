/**
 * The decision view for one input: the fitted curve over the data (training points filled,
 * validation points hollow), with each hidden unit's output over the input as a sparkline.
 */
import type { CurveGrid } from '../../src-engine/inspect/boundary-grid';
import type { BoundaryDrawing, BoundaryGeometry } from './draw-boundary';

/** Colour of axis text in the decision view. */
export const TEXT = '#64748b';

/** Largest number of hidden units shown as thumbnails per layer. */
export const MAX_THUMBS = 32;

/** Draws the curve view in width × height (thumbnails below, `thumbsHeight` tall); returns its geometry. */
export function drawCurve(
  ctx: CanvasRenderingContext2D,
  d: BoundaryDrawing,
  grid: CurveGrid,
  width: number,
  height: number,
  thumbs: { size: number; rows: number },
  thumbsHeight: number,
): BoundaryGeometry {
  const plot = { x: 34, y: 6, width: Math.max(40, width - 44), height: Math.max(40, height - thumbsHeight - 24) };
  const { xMin, xMax } = grid.bounds;
  let lo = Infinity;
  let hi = -Infinity;
  for (let p = 0; p < grid.size; p++) {
    lo = Math.min(lo, grid.outputs[p * grid.outputUnits]);
    hi = Math.max(hi, grid.outputs[p * grid.outputUnits]);
  }
  if (d.data) {
    lo = Math.min(lo, d.data.targetMin);
    hi = Math.max(hi, d.data.targetMax);
  }
  if (!(hi > lo)) [lo, hi] = [lo - 1, lo + 1];
  const pad = (hi - lo) * 0.08;
  const yLo = lo - pad;
  const yHi = hi + pad;
  const toPixel = (x: number, y: number): [number, number] => [plot.x + ((x - xMin) / (xMax - xMin)) * plot.width, plot.y + ((yHi - y) / (yHi - yLo)) * plot.height];
  const fromPixel = (px: number, py: number): [number, number] => [xMin + ((px - plot.x) / plot.width) * (xMax - xMin), yHi - ((py - plot.y) / plot.height) * (yHi - yLo)];

  ctx.strokeStyle = '#94a3b8';
  ctx.lineWidth = 1;
  ctx.strokeRect(plot.x + 0.5, plot.y + 0.5, plot.width, plot.height);
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillStyle = TEXT;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillText(formatTick(yHi), plot.x - 4, plot.y + 6);
  ctx.fillText(formatTick(yLo), plot.x - 4, plot.y + plot.height - 6);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(formatTick(xMin), plot.x + 10, plot.y + plot.height + 3);
  ctx.fillText(formatTick(xMax), plot.x + plot.width - 10, plot.y + plot.height + 3);
  ctx.fillText(d.axisX, plot.x + plot.width / 2, plot.y + plot.height + 3);

  const outputs = d.data ? d.data.train.y.length / Math.max(1, d.data.train.n) : 1;
  for (const [coords, split, hollow] of [
    [grid.samples.train, d.data?.train, false],
    [grid.samples.val, d.data?.val, true],
  ] as const) {
    if (!split) continue;
    for (let i = 0; i < coords.length && i < split.n; i++) {
      const [px, py] = toPixel(coords[i], split.y[i * outputs]);
      ctx.beginPath();
      ctx.arc(px, py, 2.6, 0, Math.PI * 2);
      ctx.fillStyle = hollow ? '#ffffff' : 'rgb(8 119 189 / 0.75)';
      ctx.fill();
      if (hollow) {
        ctx.strokeStyle = '#ea580c';
        ctx.lineWidth = 1.4;
        ctx.stroke();
      }
    }
  }
  ctx.strokeStyle = '#0f172a';
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (let p = 0; p < grid.size; p++) {
    const [px, py] = toPixel(grid.xs[p], grid.outputs[p * grid.outputUnits]);
    if (p === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.stroke();

  if (thumbs.rows > 0) {
    let y = plot.y + plot.height + 16;
    ctx.textAlign = 'left';
    ctx.fillStyle = TEXT;
    ctx.fillText(d.hiddenTitle, 4, y);
    y += 13;
    for (const layer of grid.hidden) {
      let x = 4;
      for (const values of layer.units.slice(0, MAX_THUMBS)) {
        sparkline(ctx, values, x, y, thumbs.size, thumbs.size);
        x += thumbs.size + 2;
      }
      y += thumbs.size + 4;
    }
  }
  return { plot, toPixel, fromPixel };
}

function sparkline(ctx: CanvasRenderingContext2D, values: Float32Array, x: number, y: number, w: number, h: number): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(hi > lo)) [lo, hi] = [lo - 1, lo + 1];
  ctx.fillStyle = '#f8fafc';
  ctx.fillRect(x, y, w, h);
  ctx.strokeStyle = '#e2e8f0';
  ctx.lineWidth = 1;
  ctx.strokeRect(x - 0.5, y - 0.5, w + 1, h + 1);
  ctx.strokeStyle = '#2563eb';
  ctx.lineWidth = 1.2;
  ctx.beginPath();
  values.forEach((v, p) => {
    const px = x + (p / Math.max(1, values.length - 1)) * w;
    const py = y + h - ((v - lo) / (hi - lo)) * h;
    if (p === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  });
  ctx.stroke();
}

function formatTick(v: number): string {
  return Math.abs(v) >= 100 || (Math.abs(v) < 0.01 && v !== 0) ? v.toExponential(0) : String(Number(v.toPrecision(2)));
}
