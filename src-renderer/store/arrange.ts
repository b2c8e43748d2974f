/**
 * Auto-arrange: lays the graph out left to right in columns, as a layered drawing (Sugiyama
 * style, kept simple for small graphs). A layer's column is the length of the longest path
 * that reaches it; inside a column, layers keep their current top-to-bottom order. Pure.
 */
import type { Graph } from '../../src-engine/project';
import type { Position } from './graph-edits';
import type { Size } from './types';

/** Horizontal distance between column starts and vertical gap between cards (canvas px). */
export const COLUMN_GAP = 70;
export const ROW_GAP = 36;
/** Size assumed for a card React Flow has not measured yet. */
export const DEFAULT_NODE_SIZE: Size = { width: 190, height: 110 };

/**
 * New positions for every node. Columns are centred on one horizontal line, and the layout
 * keeps the top-left corner of the graph where it was. Nodes on a cycle (a loaded file may
 * hold one) are placed after their other predecessors.
 */
export function arrangeLeftToRight(graph: Graph, measured: Readonly<Record<string, Size>>): Record<string, Position> {
  if (graph.nodes.length === 0) return {};
  const ids = new Set(graph.nodes.map((n) => n.id));
  const incoming = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    incoming.set(e.target, [...(incoming.get(e.target) ?? []), e.source]);
  }
  const column = new Map<string, number>();
  const visiting = new Set<string>();
  const columnOf = (id: string): number => {
    const known = column.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a cycle: stop here
    visiting.add(id);
    let c = 0;
    for (const source of incoming.get(id) ?? []) c = Math.max(c, columnOf(source) + 1);
    visiting.delete(id);
    column.set(id, c);
    return c;
  };
  for (const n of graph.nodes) columnOf(n.id);

  const columns: (typeof graph.nodes)[] = [];
  for (const n of graph.nodes) (columns[column.get(n.id) ?? 0] ??= []).push(n);
  const size = (id: string): Size => measured[id] ?? DEFAULT_NODE_SIZE;
  const originX = Math.min(...graph.nodes.map((n) => n.position.x));
  const originY = Math.min(...graph.nodes.map((n) => n.position.y));
  const heights = columns.map((col) => (col ?? []).reduce((h, n, i) => h + size(n.id).height + (i > 0 ? ROW_GAP : 0), 0));
  const tallest = Math.max(...heights);

  const positions: Record<string, Position> = {};
  let x = originX;
  columns.forEach((col, c) => {
    if (!col) return;
    const sorted = [...col].sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
    let y = originY + (tallest - heights[c]) / 2;
    let width = 0;
    for (const n of sorted) {
      positions[n.id] = { x: Math.round(x), y: Math.round(y) };
      y += size(n.id).height + ROW_GAP;
      width = Math.max(width, size(n.id).width);
    }
    x += width + COLUMN_GAP;
  });
  return positions;
}
