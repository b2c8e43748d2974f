/**
 * Where the network view puts things: one column of neurons per layer (the inputs, then
 * every dense layer), and the hit tests for hovering a weight or a neuron. Pure geometry;
 * drawing is in draw-network.ts. Networks with a layer wider than MAX_DRAWN_UNITS are shown
 * as one weight-matrix heatmap per layer instead.
 */
import type { LayerSnapshot } from '../../src-engine/protocol/messages';

/** Widest layer drawn neuron by neuron (the "up to 64 units a layer"). */
export const MAX_DRAWN_UNITS = 64;

/** Room above the columns for the layer names, and below for the unit-health line. */
const TOP = 30;
const BOTTOM = 22;
const SIDE = 26;

export interface NetColumn {
  /** The dense layer's node id; null for the inputs. */
  nodeId: string | null;
  units: number;
  x: number;
  ys: number[];
}

export interface NetworkLayout {
  mode: 'neurons' | 'matrices';
  columns: NetColumn[];
  radius: number;
  /** Matrix mode: the rectangle of each layer's heatmap (rows = inputs, columns = units). */
  matrices: { x: number; y: number; width: number; height: number }[];
}

/** Lays out `layers` (dense layers in network order) in a width × height box. */
export function layoutNetwork(layers: readonly LayerSnapshot[], width: number, height: number): NetworkLayout {
  if (layers.length === 0) return { mode: 'neurons', columns: [], radius: 0, matrices: [] };
  const counts = [layers[0].inputs, ...layers.map((l) => l.units)];
  if (Math.max(...counts) > MAX_DRAWN_UNITS) return layoutMatrices(layers, width, height);
  const n = counts.length;
  const innerH = Math.max(10, height - TOP - BOTTOM);
  const gapX = n > 1 ? (width - 2 * SIDE) / (n - 1) : 0;
  const maxUnits = Math.max(...counts);
  const rowGap = innerH / Math.max(1, maxUnits);
  const radius = Math.max(1.5, Math.min(9, rowGap * 0.36, gapX * 0.12));
  const columns = counts.map((units, c): NetColumn => {
    const x = n > 1 ? SIDE + c * gapX : width / 2;
    // Each column is centred vertically with the same spacing, as in most drawings of a net.
    const span = (units - 1) * rowGap;
    const y0 = TOP + innerH / 2 - span / 2;
    return { nodeId: c === 0 ? null : layers[c - 1].nodeId, units, x, ys: Array.from({ length: units }, (_, j) => y0 + j * rowGap) };
  });
  return { mode: 'neurons', columns, radius, matrices: [] };
}

function layoutMatrices(layers: readonly LayerSnapshot[], width: number, height: number): NetworkLayout {
  const gap = 14;
  const innerH = Math.max(10, height - TOP - BOTTOM);
  const slot = (width - 2 * 8 - gap * (layers.length - 1)) / layers.length;
  const matrices = layers.map((l, k) => {
    // Square cells: fit the [inputs × units] matrix into its slot.
    const cell = Math.max(0.5, Math.min(slot / l.units, innerH / l.inputs));
    const w = cell * l.units;
    const h = cell * l.inputs;
    const x = 8 + k * (slot + gap) + (slot - w) / 2;
    return { x, y: TOP + (innerH - h) / 2, width: w, height: h };
  });
  const columns = layers.map((l, k): NetColumn => ({ nodeId: l.nodeId, units: l.units, x: matrices[k].x + matrices[k].width / 2, ys: [] }));
  return { mode: 'matrices', columns, radius: 0, matrices };
}

/** A weight: layer k's W[i][j] (input i of the layer, unit j). */
export interface WeightRef {
  layer: number;
  i: number;
  j: number;
}

/** A neuron: unit j of column c (column 0 is the inputs). */
export interface NeuronRef {
  column: number;
  j: number;
}

export type NetHit = { kind: 'weight'; ref: WeightRef } | { kind: 'neuron'; ref: NeuronRef } | null;

/** Distance from p to the segment a–b. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** What is under (x, y): a neuron, else the nearest weight within `tolerance` pixels. */
export function hitTest(layout: NetworkLayout, layers: readonly LayerSnapshot[], x: number, y: number, tolerance = 4): NetHit {
  if (layout.mode === 'matrices') {
    for (let k = 0; k < layout.matrices.length; k++) {
      const m = layout.matrices[k];
      if (x >= m.x && x < m.x + m.width && y >= m.y && y < m.y + m.height) {
        const i = Math.min(layers[k].inputs - 1, Math.floor(((y - m.y) / m.height) * layers[k].inputs));
        const j = Math.min(layers[k].units - 1, Math.floor(((x - m.x) / m.width) * layers[k].units));
        return { kind: 'weight', ref: { layer: k, i, j } };
      }
    }
    return null;
  }
  for (let c = 0; c < layout.columns.length; c++) {
    const col = layout.columns[c];
    for (let j = 0; j < col.ys.length; j++) {
      if (Math.hypot(x - col.x, y - col.ys[j]) <= layout.radius + 2) return { kind: 'neuron', ref: { column: c, j } };
    }
  }
  let best: NetHit = null;
  let bestD = tolerance;
  for (let k = 0; k + 1 < layout.columns.length; k++) {
    const from = layout.columns[k];
    const to = layout.columns[k + 1];
    if (x < from.x - tolerance || x > to.x + tolerance) continue;
    for (let i = 0; i < from.ys.length; i++) {
      for (let j = 0; j < to.ys.length; j++) {
        const d = segmentDistance(x, y, from.x, from.ys[i], to.x, to.ys[j]);
        if (d < bestD) {
          bestD = d;
          best = { kind: 'weight', ref: { layer: k, i, j } };
        }
      }
    }
  }
  return best;
}

/** W[i][j] of a snapshot layer (row-major [inputs][units]). */
export function weightAt(layer: LayerSnapshot, i: number, j: number): number {
  return layer.weights[i * layer.units + j];
}

/** The largest |w| over all layers (1 when there are none), the scale of line widths. */
export function maxAbsWeight(layers: readonly LayerSnapshot[]): number {
  let m = 0;
  for (const l of layers) for (let k = 0; k < l.weights.length; k++) m = Math.max(m, Math.abs(l.weights[k]));
  return m > 0 ? m : 1;
}
