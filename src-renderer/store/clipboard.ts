/**
 * Copy and paste of layers, as pure functions. Copied layers travel as JSON text (the system
 * clipboard, so they paste into another project or another LayerLab window); pasting checks
 * that text with the project schema and gives the layers fresh ids and names, so a paste
 * never collides with what is on the canvas.
 */
import { z } from 'zod';
import { graphEdgeSchema, graphNodeSchema, LIMITS, type Graph, type GraphEdge, type GraphNode } from '../../src-engine/project';
import { edgeIdFor, nextNodeId, type Position } from './graph-edits';

export const CLIPBOARD_FORMAT = 'layerlab-layers';
export const CLIPBOARD_VERSION = 1;

/** Where a paste lands relative to the copied layers when no position is given. */
export const PASTE_OFFSET: Position = { x: 40, y: 40 };

const clipboardSchema = z.object({
  format: z.literal(CLIPBOARD_FORMAT),
  version: z.literal(CLIPBOARD_VERSION),
  nodes: z.array(graphNodeSchema).min(1).max(LIMITS.maxNodes),
  edges: z.array(graphEdgeSchema).max(LIMITS.maxNodes * 4),
});
export type ClipboardData = z.infer<typeof clipboardSchema>;

/** The selected layers and the connections among them, or null when no layer is selected. */
export function copyLayers(graph: Graph, nodeIds: readonly string[]): ClipboardData | null {
  const ids = new Set(nodeIds);
  const nodes = graph.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return { format: CLIPBOARD_FORMAT, version: CLIPBOARD_VERSION, nodes, edges };
}

/** Clipboard text of `data`. */
export function serializeClipboard(data: ClipboardData): string {
  return JSON.stringify(data);
}

/** Parses clipboard text; null for anything that is not copied LayerLab layers. Never throws. */
export function parseClipboard(text: string): ClipboardData | null {
  if (!text.includes(CLIPBOARD_FORMAT)) return null;
  try {
    const r = clipboardSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/**
 * "Hidden 1" → "Hidden 2" (or the next free number): the copy of a layer gets a name not
 * used in `taken`; an unused name is kept.
 */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (name === '' || !taken.has(name)) return name;
  const base = name.replace(/\s+\d+$/, '') || name;
  for (let n = 2; ; n++) {
    const candidate = `${base} ${n}`.slice(0, LIMITS.maxNameLength);
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The layers of `data` ready to insert into `graph`: new ids (`dense-3` …), names made
 * unique, edges re-pointed, positions moved so the group's top-left corner lands at `at`
 * (or PASTE_OFFSET from where it was copied).
 */
export function preparePaste(graph: Graph, data: ClipboardData, at?: Position): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const minX = Math.min(...data.nodes.map((n) => n.position.x));
  const minY = Math.min(...data.nodes.map((n) => n.position.y));
  const dx = at ? at.x - minX : PASTE_OFFSET.x;
  const dy = at ? at.y - minY : PASTE_OFFSET.y;
  const idMap = new Map<string, string>();
  const names = new Set(graph.nodes.map((n) => n.data.name));
  let working: Graph = graph;
  const nodes: GraphNode[] = [];
  for (const n of data.nodes) {
    if (idMap.has(n.id)) continue; // a hand-made clipboard may repeat an id
    const id = nextNodeId(working, n.type);
    const name = uniqueName(n.data.name, names);
    names.add(name);
    const node = { ...n, id, position: { x: n.position.x + dx, y: n.position.y + dy }, data: { ...n.data, name } } as GraphNode;
    idMap.set(n.id, id);
    nodes.push(node);
    working = { nodes: [...working.nodes, node], edges: working.edges };
  }
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const e of data.edges) {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    if (!source || !target || source === target) continue;
    const id = edgeIdFor(source, target);
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({ id, source, target });
  }
  return { nodes, edges };
}
