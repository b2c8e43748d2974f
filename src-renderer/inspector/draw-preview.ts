/**
 * Draws the data set preview (scatter plot, curve, image grid) on a 2-D canvas. Colours of
 * the frame and text come from the theme's CSS variables of the canvas, so the drawing
 * follows the app's theme; points use the live views' class colours and value scale.
 */
import { classColor, css, diverging, mix, type Rgb } from '../views/colormap';
import type { PreviewModel } from './preview-model';

/** Height of the plot canvases in CSS pixels (the width follows the panel). */
export const PLOT_HEIGHT = 190;
/** Images per row of the digits grid. */
export const IMAGES_PER_ROW = 8;
/** Space under each thumbnail for its label, CSS pixels. */
const LABEL_HEIGHT = 13;
const PAD = 6;

/** Theme colours, read from CSS variables (with the light theme's values as fallback). */
export interface PreviewTheme {
  background: string;
  frame: string;
  text: string;
  ink: Rgb;
  paper: Rgb;
}

function parseRgb(color: string, fallback: Rgb): Rgb {
  const hex = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const v = parseInt(hex[1], 16);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  }
  const rgb = /rgba?\((\d+)[ ,]+(\d+)[ ,]+(\d+)/.exec(color);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : fallback;
}

/** The theme as the canvas's computed style has it. */
export function readTheme(el: Element): PreviewTheme {
  const style = getComputedStyle(el);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const background = v('--panel', '#ffffff');
  const text = v('--text', '#0f172a');
  return { background, frame: v('--border-strong', '#cbd5e1'), text: v('--muted', '#64748b'), ink: parseRgb(text, [15, 23, 42]), paper: parseRgb(background, [255, 255, 255]) };
}

/** Canvas height (CSS pixels) the model needs at `width`. */
export function previewHeight(model: PreviewModel, width: number): number {
  if (model.kind !== 'images') return PLOT_HEIGHT;
  const cell = Math.floor(width / IMAGES_PER_ROW);
  return Math.ceil(model.images.length / IMAGES_PER_ROW) * (cell - 4 + LABEL_HEIGHT + 2);
}

interface Range {
  min: number;
  max: number;
}

/** Min and max of `values`, widened by 5 % (and to ±0.5 around a single value). */
function rangeOf(values: Float64Array): Range {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min)) return { min: -1, max: 1 };
  if (max - min < 1e-12) return { min: min - 0.5, max: max + 0.5 };
  const pad = 0.05 * (max - min);
  return { min: min - pad, max: max + pad };
}

/** Widens one of the ranges so that both map to their pixel spans with the same units per pixel. */
function sameScale(rx: Range, ry: Range, width: number, height: number): [Range, Range] {
  const perPixel = Math.max((rx.max - rx.min) / width, (ry.max - ry.min) / height);
  const around = (r: Range, pixels: number): Range => {
    const mid = (r.min + r.max) / 2;
    return { min: mid - (perPixel * pixels) / 2, max: mid + (perPixel * pixels) / 2 };
  };
  return [around(rx, width), around(ry, height)];
}

function drawPoints(ctx: CanvasRenderingContext2D, width: number, model: Extract<PreviewModel, { kind: 'scatter' | 'curve' }>, theme: PreviewTheme): void {
  const h = PLOT_HEIGHT;
  const left = PAD + 2;
  const right = width - PAD;
  const top = PAD;
  const bottom = h - PAD - 12;
  let rx = rangeOf(model.x);
  let ry = rangeOf(model.y);
  // Two inputs share one scale, so circles stay round and spirals keep their shape.
  if (model.kind === 'scatter') [rx, ry] = sameScale(rx, ry, right - left, bottom - top);
  const px = (v: number) => left + ((v - rx.min) / (rx.max - rx.min)) * (right - left);
  const py = (v: number) => bottom - ((v - ry.min) / (ry.max - ry.min)) * (bottom - top);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, h);
  ctx.strokeStyle = theme.frame;
  ctx.lineWidth = 1;
  ctx.strokeRect(left - 0.5, top - 0.5, right - left + 1, bottom - top + 1);
  // Axis names and ranges along the bottom.
  ctx.fillStyle = theme.text;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'bottom';
  ctx.textAlign = 'left';
  ctx.fillText(`${model.xName} ${fmt(rx.min)} … ${fmt(rx.max)}`, left, h - 1);
  ctx.textAlign = 'right';
  ctx.fillText(`${model.yName} ${fmt(ry.min)} … ${fmt(ry.max)}`, right, h - 1);

  const n = model.x.length;
  const radius = n > 600 ? 1.6 : n > 50 ? 2.4 : 4;
  const valueSpan = model.kind === 'scatter' ? model.valueMax - model.valueMin : 0;
  for (let k = 0; k < n; k++) {
    let color: Rgb;
    if (model.classes) color = classColor(model.classes[k]);
    else if (model.kind === 'scatter' && model.values) color = diverging(valueSpan > 0 ? (2 * (model.values[k] - model.valueMin)) / valueSpan - 1 : 0);
    else color = [8, 119, 189];
    ctx.fillStyle = css(color, n > 600 ? 0.75 : 0.9);
    ctx.beginPath();
    ctx.arc(px(model.x[k]), py(model.y[k]), radius, 0, 2 * Math.PI);
    ctx.fill();
    // Values near the middle of the scale are almost white: an outline keeps them visible.
    if (!model.classes) {
      ctx.strokeStyle = css(mix(color, theme.ink, 0.4), 0.6);
      ctx.lineWidth = 0.75;
      ctx.stroke();
    }
  }
}

function fmt(v: number): string {
  return String(Number(v.toPrecision(2)));
}

function drawImages(ctx: CanvasRenderingContext2D, width: number, model: Extract<PreviewModel, { kind: 'images' }>, theme: PreviewTheme): void {
  const cell = Math.floor(width / IMAGES_PER_ROW);
  const size = cell - 4;
  const pixel = size / model.side;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, previewHeight(model, width));
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  model.images.forEach((img, i) => {
    const x0 = (i % IMAGES_PER_ROW) * cell + 2;
    const y0 = Math.floor(i / IMAGES_PER_ROW) * (size + LABEL_HEIGHT + 2);
    for (let r = 0; r < model.side; r++) {
      for (let c = 0; c < model.side; c++) {
        // Ink on paper: intensity 0 is the background, the maximum is the text colour.
        ctx.fillStyle = css(mix(theme.paper, theme.ink, img[r * model.side + c] / model.max));
        ctx.fillRect(x0 + c * pixel, y0 + r * pixel, Math.ceil(pixel), Math.ceil(pixel));
      }
    }
    ctx.strokeStyle = theme.frame;
    ctx.strokeRect(x0 - 0.5, y0 - 0.5, size + 1, size + 1);
    ctx.fillStyle = theme.text;
    ctx.fillText(model.labels[i], x0 + size / 2, y0 + size + 1);
  });
}

/** Draws `model` (not a table) into `ctx`, whose transform is already scaled to CSS pixels. */
export function drawPreview(ctx: CanvasRenderingContext2D, width: number, model: PreviewModel, theme: PreviewTheme): void {
  if (model.kind === 'images') drawImages(ctx, width, model, theme);
  else if (model.kind === 'scatter' || model.kind === 'curve') drawPoints(ctx, width, model, theme);
}
