/**
 * Converts the project graph into React Flow nodes and edges. Results are cached per id and
 * reused while the graph object, the selection flag and the measured size are unchanged:
 * React Flow then keeps its internal node, and memoised node components skip re-rendering.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { GraphEdge, GraphNode } from '../../src-engine/project';
import type { Size } from '../store/types';

export type LayerFlowNode = Node<GraphNode['data'], GraphNode['type']>;

interface NodeCacheEntry {
  source: GraphNode;
  selected: boolean;
  size: Size | undefined;
  node: LayerFlowNode;
}

interface EdgeCacheEntry {
  source: GraphEdge;
  selected: boolean;
  edge: Edge;
}

export interface FlowCache {
  nodes: Map<string, NodeCacheEntry>;
  edges: Map<string, EdgeCacheEntry>;
}

export function createFlowCache(): FlowCache {
  return { nodes: new Map(), edges: new Map() };
}

/** React Flow nodes for `nodes`; reuses cached objects where nothing changed. */
export function toFlowNodes(
  nodes: readonly GraphNode[],
  selectedIds: readonly string[],
  measured: Readonly<Record<string, Size>>,
  cache: FlowCache,
): LayerFlowNode[] {
  const selected = new Set(selectedIds);
  const seen = new Set<string>();
  const out = nodes.map((n) => {
    seen.add(n.id);
    const isSelected = selected.has(n.id);
    const size = measured[n.id];
    const hit = cache.nodes.get(n.id);
    if (hit && hit.source === n && hit.selected === isSelected && hit.size === size) return hit.node;
    const node: LayerFlowNode = {
      id: n.id,
      type: n.type,
      position: n.position,
      data: n.data,
      selected: isSelected,
      ...(size ? { measured: size } : {}),
    };
    cache.nodes.set(n.id, { source: n, selected: isSelected, size, node });
    return node;
  });
  for (const id of cache.nodes.keys()) if (!seen.has(id)) cache.nodes.delete(id);
  return out;
}

const MARKER = { type: MarkerType.ArrowClosed, width: 16, height: 16 } as const;

/** React Flow edges for `edges`; reuses cached objects where nothing changed. */
export function toFlowEdges(edges: readonly GraphEdge[], selectedIds: readonly string[], cache: FlowCache): Edge[] {
  const selected = new Set(selectedIds);
  const seen = new Set<string>();
  const out = edges.map((e) => {
    seen.add(e.id);
    const isSelected = selected.has(e.id);
    const hit = cache.edges.get(e.id);
    if (hit && hit.source === e && hit.selected === isSelected) return hit.edge;
    const edge: Edge = { id: e.id, source: e.source, target: e.target, selected: isSelected, markerEnd: MARKER };
    cache.edges.set(e.id, { source: e, selected: isSelected, edge });
    return edge;
  });
  for (const id of cache.edges.keys()) if (!seen.has(id)) cache.edges.delete(id);
  return out;
}
