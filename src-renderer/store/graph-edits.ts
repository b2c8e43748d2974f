/**
 * Graph edits as data, applied by pure functions. The store and the tests call
 * `applyGraphChange` directly; nothing here touches React, React Flow or the DOM.
 *
 * Graphs are immutable: every edit returns a new `Graph` and keeps untouched nodes and
 * edges as the same objects, so memoised node components do not re-render.
 */
import {
  LIMITS,
  layerDataSchemas,
  type ActivationData,
  type DenseData,
  type DropoutData,
  type Graph,
  type GraphEdge,
  type GraphNode,
  type LayerKind,
} from '../../src-engine/project';

export interface Position {
  x: number;
  y: number;
}

/** The data fields a layer of any kind may have; an edit sets a subset of them. */
export type LayerDataPatch = Partial<DenseData> | Partial<DropoutData> | Partial<ActivationData> | { name?: string };

/** One edit of the graph. */
export type GraphChange =
  | { type: 'add-node'; node: GraphNode }
  /** Adds several nodes and the edges among them (paste, duplicate); all or nothing. */
  | { type: 'insert'; nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }
  | { type: 'remove'; nodeIds: readonly string[]; edgeIds: readonly string[] }
  | { type: 'move'; positions: Readonly<Record<string, Position>> }
  | { type: 'connect'; source: string; target: string }
  | { type: 'update-data'; nodeId: string; data: LayerDataPatch };

/** Why a connection is refused; `null` from `checkConnection` means it is allowed. */
export type ConnectionRefusal = 'self' | 'missing' | 'duplicate' | 'into-input' | 'from-output' | 'cycle';

/** The id React Flow and saved projects use for the edge source → target. */
export function edgeIdFor(source: string, target: string): string {
  return `e-${source}-${target}`;
}

/** Whether an edge source → target may be added to `graph`, and if not, why. */
export function checkConnection(graph: Graph, source: string, target: string): ConnectionRefusal | null {
  if (source === target) return 'self';
  const from = graph.nodes.find((n) => n.id === source);
  const to = graph.nodes.find((n) => n.id === target);
  if (!from || !to) return 'missing';
  if (to.type === 'input') return 'into-input';
  if (from.type === 'output') return 'from-output';
  if (graph.edges.some((e) => e.source === source && e.target === target)) return 'duplicate';
  if (reaches(graph, target, source)) return 'cycle';
  return null;
}

/** Whether `to` can be reached from `from` by following edges forward. */
function reaches(graph: Graph, from: string, to: string): boolean {
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === to) return true;
    for (const e of graph.edges) {
      if (e.source === id && !seen.has(e.target)) {
        seen.add(e.target);
        stack.push(e.target);
      }
    }
  }
  return false;
}

/**
 * Applies one edit. Returns the same `graph` object when the edit changes nothing or is
 * refused (unknown node, refused connection, node limit), so callers can detect a no-op
 * with `===`.
 */
export function applyGraphChange(graph: Graph, change: GraphChange): Graph {
  switch (change.type) {
    case 'add-node': {
      if (graph.nodes.length >= LIMITS.maxNodes) return graph;
      if (graph.nodes.some((n) => n.id === change.node.id)) return graph;
      return { nodes: [...graph.nodes, change.node], edges: graph.edges };
    }
    case 'insert': {
      if (change.nodes.length === 0) return graph;
      if (graph.nodes.length + change.nodes.length > LIMITS.maxNodes) return graph;
      const ids = new Set(graph.nodes.map((n) => n.id));
      for (const n of change.nodes) {
        if (ids.has(n.id)) return graph;
        ids.add(n.id);
      }
      const edgeIds = new Set(graph.edges.map((e) => e.id));
      for (const e of change.edges) {
        if (edgeIds.has(e.id) || !ids.has(e.source) || !ids.has(e.target)) return graph;
        edgeIds.add(e.id);
      }
      return { nodes: [...graph.nodes, ...change.nodes], edges: [...graph.edges, ...change.edges] };
    }
    case 'remove': {
      const nodeIds = new Set(change.nodeIds);
      const edgeIds = new Set(change.edgeIds);
      const nodes = graph.nodes.filter((n) => !nodeIds.has(n.id));
      // Edges of a removed node go with it.
      const edges = graph.edges.filter(
        (e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target),
      );
      if (nodes.length === graph.nodes.length && edges.length === graph.edges.length) return graph;
      return { nodes, edges };
    }
    case 'move': {
      let changed = false;
      const nodes = graph.nodes.map((n) => {
        const p = change.positions[n.id];
        if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
        if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return n;
        changed = true;
        return { ...n, position: { x: p.x, y: p.y } };
      });
      return changed ? { nodes, edges: graph.edges } : graph;
    }
    case 'connect': {
      if (checkConnection(graph, change.source, change.target) !== null) return graph;
      let id = edgeIdFor(change.source, change.target);
      // A removed-then-restored node may leave an id taken by another pair; keep ids unique.
      for (let i = 2; graph.edges.some((e) => e.id === id); i++) id = `${edgeIdFor(change.source, change.target)}-${i}`;
      const edge: GraphEdge = { id, source: change.source, target: change.target };
      return { nodes: graph.nodes, edges: [...graph.edges, edge] };
    }
    case 'update-data': {
      let changed = false;
      const nodes = graph.nodes.map((n) => {
        if (n.id !== change.nodeId) return n;
        const data = { ...n.data, ...change.data };
        if (shallowEqual(data, n.data)) return n;
        changed = true;
        return { ...n, data } as GraphNode;
      });
      return changed ? { nodes, edges: graph.edges } : graph;
    }
    default:
      return assertNever(change);
  }
}

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

/** Default layer settings for a new node of each kind (beyond the schema's defaults). */
const NEW_NODE_DATA: Record<LayerKind, Record<string, unknown>> = {
  input: {},
  dense: { units: 8, activation: 'relu' },
  output: { units: 1, activation: 'sigmoid' },
  dropout: { rate: 0.2 },
  activation: { activation: 'relu' },
};

/** The first `${kind}-${n}` id not used in `graph`. */
export function nextNodeId(graph: Graph, kind: LayerKind): string {
  const taken = new Set(graph.nodes.map((n) => n.id));
  let n = 1;
  while (taken.has(`${kind}-${n}`)) n++;
  return `${kind}-${n}`;
}

/**
 * A new layer node with the schema's defaults, named `${baseName} ${k}` where k counts the
 * layers of that kind (so the second Dense layer is "Dense 2").
 */
export function createLayerNode(graph: Graph, kind: LayerKind, position: Position, baseName: string): GraphNode {
  const id = nextNodeId(graph, kind);
  const count = graph.nodes.filter((n) => n.type === kind).length + 1;
  const name = `${baseName} ${count}`.slice(0, LIMITS.maxNameLength);
  const data = layerDataSchemas[kind].parse({ ...NEW_NODE_DATA[kind], name });
  return { id, type: kind, position: { x: position.x, y: position.y }, data } as GraphNode;
}

/** Throws on an impossible value; makes switches exhaustive at compile time. */
export function assertNever(x: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(x)}`);
}
