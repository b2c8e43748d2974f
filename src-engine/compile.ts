/**
 * Turns the drawn graph into a chain of layers, or explains every reason it cannot. Only
 * chains are supported for now: Input → (dense | dropout | activation)* → Output.
 * All problems are collected (the editor marks each offending node); each message names the
 * layer and says how to fix it.
 */
import type { ActivationName, DenseData, Graph, GraphNode, InitializerSpec, TrainingSettings } from './project';
import type { DataShape } from './datasets/dataset';
import { layerParams, PROBLEM_MESSAGES, type ProblemKey, type ProblemParams } from './compile-messages';

/** A problem from its template: the English message is the template filled with `params`. */
function problem(nodeId: string | null, code: string, key: ProblemKey, params: ProblemParams = {}): GraphProblem {
  return { nodeId, code, message: PROBLEM_MESSAGES[key](params), key, params };
}

/** One reason the graph cannot be trained; `nodeId` is the node to highlight (null: the whole graph). */
export interface GraphProblem {
  nodeId: string | null;
  /** Stable identifier, e.g. 'no-input', 'branching', 'output-units', 'loss-activation'. */
  code: string;
  message: string;
  /** The message's template in compile-messages.ts, and what filled it (for translations). */
  key: ProblemKey;
  params: ProblemParams;
}

/** A dense (hidden or output) layer of the compiled chain. */
export interface CompiledDense {
  kind: 'dense';
  nodeId: string;
  name: string;
  isOutput: boolean;
  inputs: number;
  units: number;
  activation: ActivationName;
  alpha: number;
  useBias: boolean;
  kernelInitializer: InitializerSpec;
  biasInitializer: InitializerSpec;
  l1: number;
  l2: number;
}

/** A dropout layer of the compiled chain (width unchanged). */
export interface CompiledDropout {
  kind: 'dropout';
  nodeId: string;
  name: string;
  units: number;
  rate: number;
}

/** A separate activation layer of the compiled chain (width unchanged). */
export interface CompiledActivation {
  kind: 'activation';
  nodeId: string;
  name: string;
  units: number;
  activation: ActivationName;
  alpha: number;
}

/** A layer after the input, in chain order; the last is the output dense layer. */
export type CompiledLayer = CompiledDense | CompiledDropout | CompiledActivation;

/** The compiled chain, or every problem found. */
export type CompileResult = { ok: true; layers: CompiledLayer[] } | { ok: false; problems: GraphProblem[] };

/**
 * Checks the output layer against the data and the loss. Pure; appends to `problems`.
 */
function checkOutput(node: GraphNode & { data: DenseData }, shape: DataShape, training: TrainingSettings | undefined, problems: GraphProblem[]): void {
  const { units, activation } = node.data;
  const add = (code: string, key: ProblemKey, params: ProblemParams = {}): void => {
    problems.push(problem(node.id, code, key, { ...layerParams(node), ...params }));
  };
  if (shape.task === 'regression' && units !== shape.targets) {
    add('output-units', 'output-units-regression', { units, targets: shape.targets });
  } else if (shape.task === 'classification' && shape.classes === 2 && units !== 1 && units !== 2) {
    add('output-units', 'output-units-binary', { units });
  } else if (shape.task === 'classification' && shape.classes > 2 && units !== shape.classes) {
    add('output-units', 'output-units-classes', { units, classes: shape.classes });
  }
  if (!training) return;
  const loss = training.loss;
  if ((loss === 'binary_crossentropy' || loss === 'categorical_crossentropy') && shape.task === 'regression') {
    add('loss-task', 'loss-task');
  } else if (loss === 'binary_crossentropy' && (activation !== 'sigmoid' || units !== 1)) {
    add('loss-activation', 'bce-output', { units, activation });
  } else if (loss === 'categorical_crossentropy' && activation !== 'softmax') {
    add('loss-activation', 'cce-output', { activation });
  }
}

/** Finds the nodes that lie on a directed cycle (one reported node per cycle). */
function findCycleNodes(graph: Graph, outgoing: Map<string, string[]>): string[] {
  const state = new Map<string, 1 | 2>(); // 1: on the DFS stack, 2: done
  const found: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 1);
    for (const next of outgoing.get(id) ?? []) {
      const s = state.get(next);
      if (s === 1) found.push(next);
      else if (s === undefined) visit(next);
    }
    state.set(id, 2);
  };
  for (const n of graph.nodes) if (!state.has(n.id)) visit(n.id);
  return [...new Set(found)];
}

/** Nodes reachable from `start` following `edges` (start included). */
function reachable(start: string, edges: Map<string, string[]>): Set<string> {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    for (const next of edges.get(stack.pop() as string) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/**
 * Compiles `graph` against data of `shape` (and, when given, checks the loss in `training`
 * against the output activation). Pure; never throws.
 */
export function compileGraph(graph: Graph, shape: DataShape, training?: TrainingSettings): CompileResult {
  const problems: GraphProblem[] = [];
  const byId = new Map<string, GraphNode>();
  for (const node of graph.nodes) {
    if (byId.has(node.id)) problems.push(problem(node.id, 'duplicate-id', 'duplicate-id', { id: node.id }));
    else byId.set(node.id, node);
  }
  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  for (const e of graph.edges) {
    const known = byId.has(e.source) && byId.has(e.target);
    if (!known) {
      const nodeId = byId.has(e.source) ? e.source : byId.has(e.target) ? e.target : null;
      problems.push(problem(nodeId, 'dangling-edge', 'dangling-edge', { edge: e.id }));
      continue;
    }
    outgoing.set(e.source, [...(outgoing.get(e.source) ?? []), e.target]);
    incoming.set(e.target, [...(incoming.get(e.target) ?? []), e.source]);
  }

  const inputs = graph.nodes.filter((n) => n.type === 'input');
  const outputs = graph.nodes.filter((n) => n.type === 'output');
  if (inputs.length === 0) problems.push(problem(null, 'no-input', 'no-input'));
  for (const extra of inputs.slice(1)) {
    problems.push(problem(extra.id, 'multiple-inputs', 'multiple-inputs', layerParams(extra)));
  }
  if (outputs.length === 0) problems.push(problem(null, 'no-output', 'no-output'));
  for (const extra of outputs.slice(1)) {
    problems.push(problem(extra.id, 'multiple-outputs', 'multiple-outputs', layerParams(extra)));
  }

  for (const node of graph.nodes) {
    const outs = outgoing.get(node.id) ?? [];
    const ins = incoming.get(node.id) ?? [];
    if (node.type === 'input' && ins.length > 0) {
      problems.push(problem(node.id, 'input-has-incoming', 'input-has-incoming', layerParams(node)));
    }
    if (node.type === 'output' && outs.length > 0) {
      problems.push(problem(node.id, 'output-has-outgoing', 'output-has-outgoing', layerParams(node)));
    }
    if (outs.length > 1 && node.type !== 'output') {
      problems.push(problem(node.id, 'branching', 'branching-out', { ...layerParams(node), count: outs.length }));
    }
    if (ins.length > 1 && node.type !== 'input') {
      problems.push(problem(node.id, 'branching', 'branching-in', { ...layerParams(node), count: ins.length }));
    }
  }

  const cycleNodes = new Set(findCycleNodes(graph, outgoing));
  for (const id of cycleNodes) {
    const node = byId.get(id) as GraphNode;
    problems.push(problem(id, 'cycle', 'cycle', layerParams(node)));
  }

  const input = inputs[0];
  const output = outputs[0];
  const fromInput = input ? reachable(input.id, outgoing) : null;
  const toOutput = output ? reachable(output.id, incoming) : null;
  for (const node of graph.nodes) {
    if (node.type === 'input' || node.type === 'output' || cycleNodes.has(node.id)) continue;
    if (inputs.length > 1 || outputs.length > 1) continue; // those problems come first
    if (fromInput && !fromInput.has(node.id)) {
      problems.push(problem(node.id, 'unconnected', 'not-from-input', layerParams(node)));
    } else if (toOutput && !toOutput.has(node.id)) {
      problems.push(problem(node.id, 'unconnected', 'not-to-output', layerParams(node)));
    }
  }
  if (input && output && inputs.length === 1 && outputs.length === 1 && fromInput && !fromInput.has(output.id) && problems.length === 0) {
    problems.push(problem(output.id, 'unconnected', 'output-not-connected', layerParams(output)));
  }

  for (const node of outputs) checkOutput(node, shape, training, problems);
  for (const node of graph.nodes) {
    if ((node.type === 'dense' || node.type === 'output') && node.data.activation === 'softmax' && node.data.units === 1) {
      problems.push(problem(node.id, 'softmax-one-unit', 'softmax-one-unit', layerParams(node)));
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  // The graph is a single chain from input to output: walk it and size every layer.
  const layers: CompiledLayer[] = [];
  let width = shape.features;
  let current: string | undefined = (outgoing.get(input.id) ?? [])[0];
  while (current !== undefined) {
    const node = byId.get(current) as GraphNode;
    switch (node.type) {
      case 'dense':
      case 'output': {
        const d = node.data;
        const kernel = d.kernelInitializer;
        if (kernel.type === 'manual' && kernel.values.length !== width * d.units) {
          const params = { ...layerParams(node), got: kernel.values.length, need: width * d.units, inputs: width, units: d.units };
          problems.push(problem(node.id, 'manual-count', 'manual-weights-count', params));
        }
        const bias = d.biasInitializer;
        if (d.useBias && bias.type === 'manual' && bias.values.length !== d.units) {
          problems.push(problem(node.id, 'manual-count', 'manual-bias-count', { ...layerParams(node), got: bias.values.length, need: d.units }));
        }
        layers.push({
          kind: 'dense', nodeId: node.id, name: d.name || node.id, isOutput: node.type === 'output', inputs: width, units: d.units,
          activation: d.activation, alpha: d.alpha, useBias: d.useBias, kernelInitializer: d.kernelInitializer,
          biasInitializer: d.biasInitializer, l1: d.l1, l2: d.l2,
        });
        width = d.units;
        break;
      }
      case 'dropout':
        layers.push({ kind: 'dropout', nodeId: node.id, name: node.data.name || node.id, units: width, rate: node.data.rate });
        break;
      case 'activation':
        if (node.data.activation === 'softmax' && width === 1) {
          problems.push(problem(node.id, 'softmax-one-unit', 'softmax-one-value', layerParams(node)));
        }
        layers.push({ kind: 'activation', nodeId: node.id, name: node.data.name || node.id, units: width, activation: node.data.activation, alpha: node.data.alpha });
        break;
      case 'input':
        break; // unreachable: the input has no incoming connection here
    }
    current = node.type === 'output' ? undefined : (outgoing.get(current) ?? [])[0];
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, layers };
}
