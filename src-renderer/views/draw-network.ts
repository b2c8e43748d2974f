/**
 * Draws the network view on a 2-D canvas: every weight as a line (blue positive, orange
 * negative, width and opacity by |w|), every neuron as a circle (filled by its activation
 * for the selected sample), unhealthy units marked (dead ReLU: dark with a cross; saturated
 * sigmoid/tanh: red ring) with each layer's share underneath. Wide networks: one
 * weight-matrix heatmap per layer. Allocates only the heatmaps' images.
 */
import type { SampleActivations } from '../../src-engine/inspect/activations-for';
import type { LayerHealth } from '../../src-engine/inspect/unit-health';
import type { LayerSnapshot } from '../../src-engine/protocol/messages';
import { css, diverging, weightColor } from './colormap';
import { maxAbsWeight, weightAt, type NetHit, type NetworkLayout } from './network-layout';

/** A layer's health in the network view's terms: which units to mark, and how. */
export interface ColumnHealth {
  check: 'saturation' | 'dead';
  flagged: Set<number>;
  share: number;
}

export interface NetworkDrawing {
  layout: NetworkLayout;
  layers: readonly LayerSnapshot[];
  /** Per column (0 = inputs): the values of the selected sample, or null. */
  activations: (readonly number[] | null)[] | null;
  /** Per column: unit health, or null for none. */
  health: (ColumnHealth | null)[];
  /** Column titles (layer names) and subtitles (activation). */
  titles: string[];
  subtitles: string[];
  /** Formats the health line, e.g. "2 dead (25%)". */
  healthText(h: ColumnHealth): string;
  hover: NetHit;
}

const TEXT = '#334155';
const MUTED = '#64748b';
const DEAD = '#475569';
const SATURATED = '#dc2626';

/** Maps each list entry (in chain order) to the column of the dense layer it belongs to. */
function columnOf(layers: readonly LayerSnapshot[]): Map<string, number> {
  return new Map(layers.map((l, k) => [l.nodeId, k + 1]));
}

/**
 * Per-column activations of a sample: the inputs, then for each dense layer the output of
 * the last layer before the next dense one (a separate activation layer's output, say).
 */
export function columnActivations(sample: SampleActivations | undefined, layers: readonly LayerSnapshot[]): (number[] | null)[] | null {
  if (!sample) return null;
  const cols: (number[] | null)[] = [sample.input, ...layers.map(() => null)];
  const index = columnOf(layers);
  let current = -1;
  for (const l of sample.layers) {
    if (l.layer === 'dense') current = index.get(l.nodeId) ?? -1;
    if (current > 0 && l.a.length === layers[current - 1].units) cols[current] = l.a;
  }
  return cols;
}

/** Per-column health: dense layers, and activation layers counted with the dense layer before them. */
export function columnHealth(health: readonly LayerHealth[] | undefined, layers: readonly LayerSnapshot[]): (ColumnHealth | null)[] {
  const cols: (ColumnHealth | null)[] = [null, ...layers.map(() => null)];
  if (!health) return cols;
  const index = columnOf(layers);
  let current = -1;
  for (const h of health) {
    if (h.layer === 'dense') current = index.get(h.nodeId) ?? -1;
    // The output layer is left out: a saturated output is a confident prediction, not a problem.
    if (current > 0 && current < layers.length && h.check !== 'none' && h.units === layers[current - 1].units) {
      cols[current] = { check: h.check, flagged: new Set(h.flagged), share: h.share };
    }
  }
  return cols;
}

export function drawNetwork(ctx: CanvasRenderingContext2D, d: NetworkDrawing, width: number, height: number): void {
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'alphabetic';
  if (d.layout.mode === 'matrices') drawMatrices(ctx, d, height);
  else drawNeurons(ctx, d);
  const cols = d.layout.columns;
  // Labels get the room between their column and the neighbours.
  const room = cols.length > 1 ? Math.abs(cols[1].x - cols[0].x) - 4 : width - 8;
  ctx.textAlign = 'center';
  cols.forEach((col, c) => {
    const x = Math.min(width - room / 2, Math.max(room / 2, col.x));
    ctx.font = '600 11px system-ui, sans-serif';
    ctx.fillStyle = TEXT;
    ctx.fillText(ellipsize(ctx, d.titles[c] ?? '', room), x, 12);
    ctx.font = '10px system-ui, sans-serif';
    ctx.fillStyle = MUTED;
    ctx.fillText(ellipsize(ctx, d.subtitles[c] ?? '', room), x, 24);
    const h = d.health[c + (d.layout.mode === 'matrices' ? 1 : 0)];
    if (h && h.flagged.size > 0) {
      ctx.fillStyle = h.check === 'dead' ? DEAD : SATURATED;
      ctx.fillText(ellipsize(ctx, d.healthText(h), room), x, height - 6);
    }
  });
}

function ellipsize(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let t = text;
  while (t.length > 1 && ctx.measureText(`${t}…`).width > max) t = t.slice(0, -1);
  return `${t}…`;
}

function drawNeurons(ctx: CanvasRenderingContext2D, d: NetworkDrawing): void {
  const { layout, layers } = d;
  const scale = maxAbsWeight(layers);
  const hoverW = d.hover?.kind === 'weight' ? d.hover.ref : null;
  // Weights first, faint ones under strong ones (two passes keep the order cheap).
  for (const strong of [false, true]) {
    for (let k = 0; k < layers.length; k++) {
      const from = layout.columns[k];
      const to = layout.columns[k + 1];
      const layer = layers[k];
      for (let i = 0; i < from.ys.length; i++) {
        for (let j = 0; j < to.ys.length; j++) {
          const w = weightAt(layer, i, j);
          const m = Math.min(1, Math.abs(w) / scale);
          if (m >= 0.35 !== strong) continue;
          ctx.strokeStyle = weightColor(w, 0.18 + 0.82 * m);
          ctx.lineWidth = 0.4 + 3.6 * m;
          ctx.beginPath();
          ctx.moveTo(from.x, from.ys[i]);
          ctx.lineTo(to.x, to.ys[j]);
          ctx.stroke();
        }
      }
    }
  }
  if (hoverW) {
    const from = layout.columns[hoverW.layer];
    const to = layout.columns[hoverW.layer + 1];
    ctx.strokeStyle = '#0f172a';
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.moveTo(from.x, from.ys[hoverW.i]);
    ctx.lineTo(to.x, to.ys[hoverW.j]);
    ctx.stroke();
  }
  const r = layout.radius;
  layout.columns.forEach((col, c) => {
    const values = d.activations?.[c] ?? null;
    let colScale = 1;
    if (values) for (const v of values) colScale = Math.max(colScale, Math.abs(v));
    const health = d.health[c];
    col.ys.forEach((y, j) => {
      const flagged = health?.flagged.has(j) ?? false;
      ctx.beginPath();
      ctx.arc(col.x, y, r, 0, Math.PI * 2);
      ctx.fillStyle = flagged && health?.check === 'dead' ? DEAD : values ? css(diverging(values[j] / colScale)) : '#ffffff';
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = c === 0 ? '#0d9488' : '#1e293b';
      ctx.stroke();
      if (flagged && health?.check === 'saturation') {
        ctx.beginPath();
        ctx.arc(col.x, y, r + 2.5, 0, Math.PI * 2);
        ctx.strokeStyle = SATURATED;
        ctx.lineWidth = 1.5;
        ctx.stroke();
      }
      if (flagged && health?.check === 'dead' && r >= 3) {
        const q = r * 0.55;
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 1.2;
        ctx.beginPath();
        ctx.moveTo(col.x - q, y - q);
        ctx.lineTo(col.x + q, y + q);
        ctx.moveTo(col.x + q, y - q);
        ctx.lineTo(col.x - q, y + q);
        ctx.stroke();
      }
    });
    if (d.hover?.kind === 'neuron' && d.hover.ref.column === c) {
      ctx.beginPath();
      ctx.arc(col.x, col.ys[d.hover.ref.j], r + 3, 0, Math.PI * 2);
      ctx.strokeStyle = '#0f172a';
      ctx.lineWidth = 2;
      ctx.stroke();
    }
  });
}

/** Cache of the heatmap images, one canvas per layer, reused between frames. */
const matrixCanvases: HTMLCanvasElement[] = [];

function drawMatrices(ctx: CanvasRenderingContext2D, d: NetworkDrawing, height: number): void {
  const scale = maxAbsWeight(d.layers);
  d.layers.forEach((layer, k) => {
    const rect = d.layout.matrices[k];
    const img = (matrixCanvases[k] ??= document.createElement('canvas'));
    img.width = layer.units;
    img.height = layer.inputs;
    const ictx = img.getContext('2d');
    if (!ictx) return;
    const data = ictx.createImageData(layer.units, layer.inputs);
    for (let i = 0; i < layer.inputs; i++) {
      for (let j = 0; j < layer.units; j++) {
        const c = diverging(weightAt(layer, i, j) / scale);
        const p = (i * layer.units + j) * 4;
        data.data[p] = c[0];
        data.data[p + 1] = c[1];
        data.data[p + 2] = c[2];
        data.data[p + 3] = 255;
      }
    }
    ictx.putImageData(data, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, rect.x, rect.y, rect.width, rect.height);
    ctx.strokeStyle = '#cbd5e1';
    ctx.lineWidth = 1;
    ctx.strokeRect(rect.x - 0.5, rect.y - 0.5, rect.width + 1, rect.height + 1);
    ctx.fillStyle = MUTED;
    ctx.font = '10px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(`${layer.inputs} × ${layer.units}`, rect.x + rect.width / 2, Math.min(height - 20, rect.y + rect.height + 12));
    const hover = d.hover?.kind === 'weight' && d.hover.ref.layer === k ? d.hover.ref : null;
    if (hover) {
      const cw = rect.width / layer.units;
      const ch = rect.height / layer.inputs;
      ctx.strokeStyle = '#0f172a';
      ctx.lineWidth = 1.5;
      ctx.strokeRect(rect.x + hover.j * cw, rect.y + hover.i * ch, Math.max(2, cw), Math.max(2, ch));
    }
  });
}
