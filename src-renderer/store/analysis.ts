/**
 * What the UI derives from the project: the compiler's problems (which gate Train), each
 * node's input/output width and parameter count, and the total parameter count.
 *
 * Widths are propagated here along the edges rather than read from the compiled layers, so
 * the nodes still show shapes and counts for the valid part of a graph the compiler refuses.
 */
import { compileGraph } from '../../src-engine/compile';
import type { ProblemKey, ProblemParams } from '../../src-engine/compile-messages';
import { datasetShape } from '../../src-engine/datasets';
import type { Graph, GraphNode, Project } from '../../src-engine/project';

export type DataShape = ReturnType<typeof datasetShape>;

export interface Problem {
  nodeId: string | null;
  code: string;
  /** English; the UI shows `problemText(problem)` (i18n/problem-text.ts) in its language. */
  message: string;
  key?: ProblemKey;
  params?: ProblemParams;
}

export interface NodeInfo {
  /** Width of the incoming vector, or null when not connected (or ambiguous). */
  inputs: number | null;
  /** Width of the outgoing vector, or null when unknown. */
  outputs: number | null;
  /** Trainable parameters (weights + biases), or null when the input width is unknown. */
  params: number | null;
}

export interface GraphAnalysis {
  /** True when the project compiles and Train may start a run. */
  ok: boolean;
  problems: Problem[];
  /** Problems keyed by node; the arrays are stable until the project changes. */
  problemsByNode: Record<string, Problem[]>;
  nodeInfo: Record<string, NodeInfo>;
  totalParams: number;
  shape: DataShape | null;
}

/** Analyses a project. Pure; never throws (a throwing compiler becomes a problem). */
export function analyzeProject(project: Project): GraphAnalysis {
  let shape: DataShape | null = null;
  let problems: Problem[];
  try {
    shape = datasetShape(project.dataset);
    const compiled = compileGraph(project.graph, shape, project.training);
    problems = compiled.ok ? [] : compiled.problems.map((p) => ({ nodeId: p.nodeId, code: p.code, message: p.message, key: p.key, params: p.params }));
  } catch (e) {
    problems = [{ nodeId: null, code: 'internal', message: `The network could not be checked: ${(e as Error).message}` }];
  }
  const problemsByNode: Record<string, Problem[]> = {};
  for (const p of problems) {
    if (p.nodeId === null) continue;
    (problemsByNode[p.nodeId] ??= []).push(p);
  }
  const nodeInfo = inferNodeInfo(project.graph, shape ? shape.features : null);
  let totalParams = 0;
  for (const info of Object.values(nodeInfo)) totalParams += info.params ?? 0;
  return { ok: problems.length === 0, problems, problemsByNode, nodeInfo, totalParams, shape };
}

/**
 * Propagates vector widths from the input node along the edges. A node with exactly one
 * incoming edge takes its predecessor's width; dense and output layers produce `units`.
 */
export function inferNodeInfo(graph: Graph, features: number | null): Record<string, NodeInfo> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const incoming = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = incoming.get(e.target) ?? [];
    list.push(e.source);
    incoming.set(e.target, list);
  }
  const info: Record<string, NodeInfo> = {};
  const visiting = new Set<string>();

  const visit = (node: GraphNode): NodeInfo => {
    const known = info[node.id];
    if (known) return known;
    // A cycle cannot be drawn (checkConnection refuses it) but a loaded file may hold one.
    if (visiting.has(node.id)) return { inputs: null, outputs: null, params: null };
    visiting.add(node.id);
    const sources = incoming.get(node.id) ?? [];
    let inputs: number | null = null;
    if (node.type === 'input') inputs = features;
    else if (sources.length === 1) {
      const source = byId.get(sources[0]);
      inputs = source ? visit(source).outputs : null;
    }
    let result: NodeInfo;
    switch (node.type) {
      case 'input':
        result = { inputs, outputs: features, params: 0 };
        break;
      case 'dense':
      case 'output': {
        const { units, useBias } = node.data;
        result = { inputs, outputs: units, params: inputs === null ? null : inputs * units + (useBias ? units : 0) };
        break;
      }
      case 'dropout':
      case 'activation':
        result = { inputs, outputs: inputs, params: 0 };
        break;
    }
    visiting.delete(node.id);
    info[node.id] = result;
    return result;
  };

  for (const node of graph.nodes) visit(node);
  return info;
}
