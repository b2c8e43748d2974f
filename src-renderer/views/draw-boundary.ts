/**
 * Draws the decision view. Two or more inputs: the network's output over the input plane
 * (or the PCA plane) as a heatmap (an ImageData scaled onto the canvas) under the data
 * points, training points filled and validation points hollow; below, every hidden unit's
 * output over the same plane as a thumbnail. One input: the fitted curve (draw-curve.ts).
 */
import type { BoundaryGrid, PlaneGrid } from '../../src-engine/inspect/boundary-grid';
import { drawCurve, MAX_THUMBS, TEXT } from './draw-curve';
import type { LayerGrid } from '../../src-engine/inspect/grid-eval';
import { classColor, css, diverging, mix, type Rgb } from './colormap';
import type { RunData } from './run-data';

const WHITE: Rgb = [255, 255, 255];

/** Where the main plot and the thumbnails go. */
export interface BoundaryGeometry {
  plot: { x: number; y: number; width: number; height: number };
  /** Plot coordinates → canvas pixels, and back. */
  toPixel(x: number, y: number): [number, number];
  fromPixel(px: number, py: number): [number, number];
}

export interface BoundaryDrawing {
  grid: BoundaryGrid;
  data: RunData | null;
  task: 'classification' | 'regression';
  selectedSample: number | null;
  /** Axis names ("x₁", "x₂" or "PC 1", "PC 2") and the thumbnails' heading. */
  axisX: string;
  axisY: string;
  hiddenTitle: string;
}

/** Width kept for the thumbnails when they go beside the plane. */
const THUMBS_BESIDE = 160;


/** The colour of a cell from the network's outputs there. */
export function cellColor(outputs: Float32Array, p: number, units: number, task: 'classification' | 'regression', range: { mid: number; half: number }): Rgb {
  if (task === 'regression') {
    return diverging((outputs[p * units] - range.mid) / range.half);
  }
  if (units === 1) {
    const prob = outputs[p];
    return mix(WHITE, classColor(prob >= 0.5 ? 1 : 0), Math.min(1, Math.abs(2 * prob - 1)) * 0.8);
  }
  let best = 0;
  for (let k = 1; k < units; k++) if (outputs[p * units + k] > outputs[p * units + best]) best = k;
  const confidence = (outputs[p * units + best] - 1 / units) / (1 - 1 / units);
  return mix(WHITE, classColor(best), 0.12 + 0.68 * Math.max(0, Math.min(1, confidence)));
}

/** Value range for the regression colour scale: the targets', else the outputs'. */
function valueRange(grid: BoundaryGrid, data: RunData | null): { mid: number; half: number } {
  let lo = data && Number.isFinite(data.targetMin) ? data.targetMin : Infinity;
  let hi = data && Number.isFinite(data.targetMax) ? data.targetMax : -Infinity;
  if (lo === Infinity) {
    for (let p = 0; p < grid.outputs.length; p += grid.outputUnits) {
      lo = Math.min(lo, grid.outputs[p]);
      hi = Math.max(hi, grid.outputs[p]);
    }
  }
  const half = (hi - lo) / 2;
  return { mid: (hi + lo) / 2, half: half > 0 ? half : 1 };
}

let scratch: HTMLCanvasElement | null = null;

/** Paints `size × size` colours onto the rectangle through a scratch canvas (smoothed). */
function paintGrid(ctx: CanvasRenderingContext2D, size: number, colorAt: (p: number) => Rgb, x: number, y: number, w: number, h: number): void {
  scratch ??= document.createElement('canvas');
  if (scratch.width !== size || scratch.height !== size) {
    scratch.width = size;
    scratch.height = size;
  }
  const sctx = scratch.getContext('2d');
  if (!sctx) return;
  const image = sctx.createImageData(size, size);
  for (let p = 0; p < size * size; p++) {
    const c = colorAt(p);
    image.data[p * 4] = c[0];
    image.data[p * 4 + 1] = c[1];
    image.data[p * 4 + 2] = c[2];
    image.data[p * 4 + 3] = 255;
  }
  sctx.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(scratch, x, y, w, h);
}

/**
 * How many thumbnail rows (one per hidden layer) and the thumbnail size for `width`, using at
 * most a third of `height` (deep networks get smaller thumbnails, never a smaller plane).
 */
function thumbLayout(hidden: readonly LayerGrid[], width: number, height: number): { size: number; rows: number } {
  if (hidden.length === 0) return { size: 0, rows: 0 };
  const widest = Math.min(MAX_THUMBS, Math.max(...hidden.map((h) => h.units.length)));
  const byWidth = Math.floor((width - 8) / widest) - 2;
  const byHeight = Math.floor((height / 3 - 16) / hidden.length) - 4;
  const size = Math.min(34, byWidth, byHeight);
  return size >= 6 ? { size, rows: hidden.length } : { size: 0, rows: 0 };
}

/** Draws the view; returns its geometry (for clicks and hovering). */
export function drawBoundary(ctx: CanvasRenderingContext2D, d: BoundaryDrawing, width: number, height: number): BoundaryGeometry {
  const thumbs = thumbLayout(d.grid.hidden, width, height);
  const thumbsHeight = thumbs.rows > 0 ? 16 + thumbs.rows * (thumbs.size + 4) : 0;
  return d.grid.kind === 'plane' ? drawPlane(ctx, d, d.grid, width, height, thumbs, thumbsHeight) : drawCurve(ctx, d, d.grid, width, height, thumbs, thumbsHeight);
}

function drawPlane(
  ctx: CanvasRenderingContext2D,
  d: BoundaryDrawing,
  grid: PlaneGrid,
  width: number,
  height: number,
  thumbs: { size: number; rows: number },
  thumbsHeight: number,
): BoundaryGeometry {
  // Thumbnails below the plane, or beside it (at least THUMBS_BESIDE px wide) when that
  // leaves the plane bigger, as in a wide enlarged panel.
  const sideBelow = Math.max(40, Math.min(width - 16, height - thumbsHeight - 16));
  const sideBeside = Math.min(height - 20, width - 52 - THUMBS_BESIDE);
  const beside = grid.hidden.length > 0 && sideBeside > sideBelow;
  const side = beside ? sideBeside : sideBelow;
  const plot = { x: beside ? 28 : Math.round((width - side) / 2), y: 4, width: side, height: side };
  const { xMin, xMax, yMin, yMax } = grid.bounds;
  const toPixel = (x: number, y: number): [number, number] => [plot.x + ((x - xMin) / (xMax - xMin)) * side, plot.y + ((yMax - y) / (yMax - yMin)) * side];
  const fromPixel = (px: number, py: number): [number, number] => [xMin + ((px - plot.x) / side) * (xMax - xMin), yMax - ((py - plot.y) / side) * (yMax - yMin)];
  const range = valueRange(grid, d.data);
  paintGrid(ctx, grid.size, (p) => cellColor(grid.outputs, p, grid.outputUnits, d.task, range), plot.x, plot.y, side, side);
  ctx.strokeStyle = '#cbd5e1';
  ctx.lineWidth = 1;
  ctx.strokeRect(plot.x - 0.5, plot.y - 0.5, side + 1, side + 1);

  const radius = side > 300 ? 4 : 3;
  const drawPoints = (coords: Float32Array, part: 'train' | 'val') => {
    const split = part === 'train' ? d.data?.train : d.data?.val;
    for (let i = 0; i * 2 + 1 < coords.length; i++) {
      const [px, py] = toPixel(coords[i * 2], coords[i * 2 + 1]);
      const color = pointColor(d.data, split, i, range);
      ctx.beginPath();
      ctx.arc(px, py, radius, 0, Math.PI * 2);
      if (part === 'train') {
        ctx.fillStyle = css(color);
        ctx.fill();
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 1;
        ctx.stroke();
      } else {
        ctx.fillStyle = '#ffffff';
        ctx.fill();
        ctx.strokeStyle = css(color);
        ctx.lineWidth = 1.8;
        ctx.stroke();
      }
    }
  };
  drawPoints(grid.samples.train, 'train');
  drawPoints(grid.samples.val, 'val');
  if (d.selectedSample !== null && d.selectedSample * 2 + 1 < grid.samples.train.length) {
    const [px, py] = toPixel(grid.samples.train[d.selectedSample * 2], grid.samples.train[d.selectedSample * 2 + 1]);
    ctx.beginPath();
    ctx.arc(px, py, radius + 4, 0, Math.PI * 2);
    ctx.strokeStyle = '#0f172a';
    ctx.lineWidth = 2;
    ctx.stroke();
  }
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillStyle = TEXT;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'top';
  ctx.fillText(d.axisX, plot.x + side - 3, plot.y + side + 2);
  ctx.save();
  ctx.translate(plot.x - 3, plot.y + 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(d.axisY, 0, -9);
  ctx.restore();

  if (beside) {
    drawThumbsBeside(ctx, grid, plot.x + side + 24, width - 8, plot.y, plot.y + side, d.hiddenTitle);
    return { plot, toPixel, fromPixel };
  }
  let y = plot.y + side + 14;
  if (thumbs.rows > 0) {
    ctx.textAlign = 'left';
    ctx.fillText(d.hiddenTitle, 4, y);
    y += 13;
    for (const layer of grid.hidden) {
      const units = layer.units.slice(0, MAX_THUMBS);
      const rowWidth = units.length * (thumbs.size + 2);
      let x = Math.max(4, (width - rowWidth) / 2);
      for (const values of units) {
        let scale = 0;
        for (let p = 0; p < values.length; p++) scale = Math.max(scale, Math.abs(values[p]));
        const s = scale > 0 ? scale : 1;
        paintGrid(ctx, grid.size, (p) => diverging(values[p] / s), x, y, thumbs.size, thumbs.size);
        ctx.strokeStyle = '#e2e8f0';
        ctx.strokeRect(x - 0.5, y - 0.5, thumbs.size + 1, thumbs.size + 1);
        x += thumbs.size + 2;
      }
      y += thumbs.size + 4;
    }
  }
  return { plot, toPixel, fromPixel };
}

/** Each hidden layer's units as a block of thumbnails with the layer's name, in [left, right] × [top, bottom]. */
function drawThumbsBeside(ctx: CanvasRenderingContext2D, grid: PlaneGrid, left: number, right: number, top: number, bottom: number, title: string): void {
  const width = right - left;
  if (width < 40) return;
  const layers = grid.hidden.map((l) => l.units.slice(0, MAX_THUMBS));
  // The largest thumbnail size at which every layer's block fits the height.
  let size = 48;
  const heightFor = (s: number) => 16 + layers.reduce((h, units) => h + 16 + Math.ceil(units.length / Math.max(1, Math.floor(width / (s + 3)))) * (s + 3) + 6, 0);
  while (size > 10 && heightFor(size) > bottom - top) size -= 2;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillStyle = TEXT;
  ctx.fillText(title, left, top);
  let y = top + 16;
  const perRow = Math.max(1, Math.floor(width / (size + 3)));
  grid.hidden.forEach((layer, k) => {
    ctx.fillStyle = '#334155';
    ctx.fillText(layer.name, left, y);
    y += 14;
    layers[k].forEach((values, j) => {
      const x = left + (j % perRow) * (size + 3);
      const ty = y + Math.floor(j / perRow) * (size + 3);
      let scale = 0;
      for (let p = 0; p < values.length; p++) scale = Math.max(scale, Math.abs(values[p]));
      const s = scale > 0 ? scale : 1;
      paintGrid(ctx, grid.size, (p) => diverging(values[p] / s), x, ty, size, size);
      ctx.strokeStyle = '#e2e8f0';
      ctx.strokeRect(x - 0.5, ty - 0.5, size + 1, size + 1);
    });
    y += Math.ceil(layers[k].length / perRow) * (size + 3) + 8;
  });
}

/** A point's colour: its class, or its target on the value scale; grey without data. */
function pointColor(data: RunData | null, split: RunData['train'] | undefined, i: number, range: { mid: number; half: number }): Rgb {
  if (!data || !split || i >= split.n) return [71, 85, 105];
  if (data.task === 'classification' && split.labels) return classColor(split.labels[i]);
  const outputs = split.y.length / Math.max(1, split.n);
  return diverging((split.y[i * outputs] - range.mid) / range.half);
}

/** The nearest training sample to a pixel within `tolerance`, or null (plane only). */
export function nearestSample(grid: BoundaryGrid, geometry: BoundaryGeometry, px: number, py: number, tolerance = 8): number | null {
  if (grid.kind !== 'plane') return null;
  let best: number | null = null;
  let bestD = tolerance;
  const c = grid.samples.train;
  for (let i = 0; i * 2 + 1 < c.length; i++) {
    const [x, y] = geometry.toPixel(c[i * 2], c[i * 2 + 1]);
    const dist = Math.hypot(px - x, py - y);
    if (dist < bestD) {
      bestD = dist;
      best = i;
    }
  }
  return best;
}
