/**
 * Turns the drawn graph into a chain of layers, or explains every reason it cannot. Only
 * chains are supported for now: Input → (dense | dropout | activation)* → Output.
 * All problems are collected (the editor marks each offending node); each message names the
 * layer and says how to fix it.
 */
import type { ActivationName, DenseData, Graph, GraphNode, InitializerSpec, TrainingSettings } from './project';
import type { DataShape } from './datasets/dataset';
import { manualCountProblem } from './initializers';

/** One reason the graph cannot be trained; `nodeId` is the node to highlight (null: the whole graph). */
export interface GraphProblem {
  nodeId: string | null;
  /** Stable identifier, e.g. 'no-input', 'branching', 'output-units', 'loss-activation'. */
  code: string;
  message: string;
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

const KIND_NAMES: Record<GraphNode['type'], string> = {
  input: 'Input',
  dense: 'Dense layer',
  output: 'Output layer',
  dropout: 'Dropout layer',
  activation: 'Activation layer',
};

/** "Dense layer 'Hidden 1'": the kind and the user's name (or the id). */
function label(node: GraphNode): string {
  return `${KIND_NAMES[node.type]} '${node.data.name || node.id}'`;
}

/**
 * Checks the output layer against the data and the loss. Pure; appends to `problems`.
 */
function checkOutput(node: GraphNode & { data: DenseData }, shape: DataShape, training: TrainingSettings | undefined, problems: GraphProblem[]): void {
  const { units, activation } = node.data;
  const add = (code: string, message: string): void => {
    problems.push({ nodeId: node.id, code, message });
  };
  if (shape.task === 'regression' && units !== shape.targets) {
    add('output-units', `${label(node)} has ${units} unit${units === 1 ? '' : 's'} but the data has ${shape.targets} target${shape.targets === 1 ? '' : 's'}. Set it to ${shape.targets} unit${shape.targets === 1 ? '' : 's'}.`);
  } else if (shape.task === 'classification' && shape.classes === 2 && units !== 1 && units !== 2) {
    add('output-units', `${label(node)} has ${units} units but the data has 2 classes. Use 1 unit with sigmoid, or 2 units with softmax.`);
  } else if (shape.task === 'classification' && shape.classes > 2 && units !== shape.classes) {
    add('output-units', `${label(node)} has ${units} unit${units === 1 ? '' : 's'} but the data has ${shape.classes} classes. Set it to ${shape.classes} units with softmax.`);
  }
  if (!training) return;
  const loss = training.loss;
  if ((loss === 'binary_crossentropy' || loss === 'categorical_crossentropy') && shape.task === 'regression') {
    add('loss-task', `Cross-entropy is a classification loss, but the data is a regression task. Choose mse, mae, Huber or ½·SSE as the loss.`);
  } else if (loss === 'binary_crossentropy' && (activation !== 'sigmoid' || units !== 1)) {
    add('loss-activation', `Binary cross-entropy needs an output of 1 sigmoid unit; ${label(node)} has ${units} ${activation} unit${units === 1 ? '' : 's'}. Set it to 1 unit with sigmoid, or use categorical cross-entropy with a softmax output.`);
  } else if (loss === 'categorical_crossentropy' && activation !== 'softmax') {
    add('loss-activation', `Categorical cross-entropy needs a softmax output; ${label(node)} uses ${activation}. Set its activation to softmax, or use binary cross-entropy with 1 sigmoid unit.`);
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
    if (byId.has(node.id)) problems.push({ nodeId: node.id, code: 'duplicate-id', message: `Two layers share the id '${node.id}'. Delete one of them.` });
    else byId.set(node.id, node);
  }
  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  for (const e of graph.edges) {
    const known = byId.has(e.source) && byId.has(e.target);
    if (!known) {
      const nodeId = byId.has(e.source) ? e.source : byId.has(e.target) ? e.target : null;
      problems.push({ nodeId, code: 'dangling-edge', message: `Connection '${e.id}' leads to a layer that does not exist. Delete the connection.` });
      continue;
    }
    outgoing.set(e.source, [...(outgoing.get(e.source) ?? []), e.target]);
    incoming.set(e.target, [...(incoming.get(e.target) ?? []), e.source]);
  }

  const inputs = graph.nodes.filter((n) => n.type === 'input');
  const outputs = graph.nodes.filter((n) => n.type === 'output');
  if (inputs.length === 0) problems.push({ nodeId: null, code: 'no-input', message: 'The network has no Input layer. Add one and connect it to the first layer.' });
  for (const extra of inputs.slice(1)) {
    problems.push({ nodeId: extra.id, code: 'multiple-inputs', message: `${label(extra)} is a second input; a network has exactly one. Delete it.` });
  }
  if (outputs.length === 0) problems.push({ nodeId: null, code: 'no-output', message: 'The network has no Output layer. Add one and connect the last layer to it.' });
  for (const extra of outputs.slice(1)) {
    problems.push({ nodeId: extra.id, code: 'multiple-outputs', message: `${label(extra)} is a second output; a network has exactly one. Delete it.` });
  }

  for (const node of graph.nodes) {
    const outs = outgoing.get(node.id) ?? [];
    const ins = incoming.get(node.id) ?? [];
    if (node.type === 'input' && ins.length > 0) {
      problems.push({ nodeId: node.id, code: 'input-has-incoming', message: `${label(node)} receives a connection, but the input must come first. Remove the connection into it.` });
    }
    if (node.type === 'output' && outs.length > 0) {
      problems.push({ nodeId: node.id, code: 'output-has-outgoing', message: `${label(node)} has an outgoing connection, but the output must come last. Remove the connection out of it.` });
    }
    if (outs.length > 1 && node.type !== 'output') {
      problems.push({ nodeId: node.id, code: 'branching', message: `${label(node)} has ${outs.length} outgoing connections; only chains are supported for now. Keep one and remove the others.` });
    }
    if (ins.length > 1 && node.type !== 'input') {
      problems.push({ nodeId: node.id, code: 'branching', message: `${label(node)} has ${ins.length} incoming connections; only chains are supported for now. Keep one and remove the others.` });
    }
  }

  const cycleNodes = new Set(findCycleNodes(graph, outgoing));
  for (const id of cycleNodes) {
    const node = byId.get(id) as GraphNode;
    problems.push({ nodeId: id, code: 'cycle', message: `${label(node)} is part of a loop; data must flow one way from input to output. Remove one connection of the loop.` });
  }

  const input = inputs[0];
  const output = outputs[0];
  const fromInput = input ? reachable(input.id, outgoing) : null;
  const toOutput = output ? reachable(output.id, incoming) : null;
  for (const node of graph.nodes) {
    if (node.type === 'input' || node.type === 'output' || cycleNodes.has(node.id)) continue;
    if (inputs.length > 1 || outputs.length > 1) continue; // those problems come first
    if (fromInput && !fromInput.has(node.id)) {
      problems.push({ nodeId: node.id, code: 'unconnected', message: `${label(node)} is not connected to the input. Connect the layer before it, or delete it.` });
    } else if (toOutput && !toOutput.has(node.id)) {
      problems.push({ nodeId: node.id, code: 'unconnected', message: `${label(node)} does not lead to the output. Connect it to the next layer, or delete it.` });
    }
  }
  if (input && output && inputs.length === 1 && outputs.length === 1 && fromInput && !fromInput.has(output.id) && problems.length === 0) {
    problems.push({ nodeId: output.id, code: 'unconnected', message: `${label(output)} is not connected to the input. Connect the last layer to it.` });
  }

  for (const node of outputs) checkOutput(node, shape, training, problems);
  for (const node of graph.nodes) {
    if ((node.type === 'dense' || node.type === 'output') && node.data.activation === 'softmax' && node.data.units === 1) {
      problems.push({ nodeId: node.id, code: 'softmax-one-unit', message: `${label(node)} applies softmax to 1 unit, which always outputs 1. Use sigmoid for one unit, or give it 2 or more units.` });
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
        const kernel = manualCountProblem(d.kernelInitializer, width * d.units);
        if (kernel) problems.push({ nodeId: node.id, code: 'manual-count', message: `${label(node)}: the weight initializer ${kernel} (${width} inputs × ${d.units} units, listed as W[in][out] row by row). Fix the list or choose another initializer.` });
        const bias = d.useBias ? manualCountProblem(d.biasInitializer, d.units) : null;
        if (bias) problems.push({ nodeId: node.id, code: 'manual-count', message: `${label(node)}: the bias initializer ${bias} (one per unit). Fix the list or choose another initializer.` });
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
          problems.push({ nodeId: node.id, code: 'softmax-one-unit', message: `${label(node)} applies softmax to 1 value, which always outputs 1. Use sigmoid, or place it after a layer with 2 or more units.` });
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
