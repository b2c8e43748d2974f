/**
 * The compiler's messages, one template per situation, in English. Each problem carries its
 * template `key` and the `params` that filled it, so a UI in another language can say the
 * same thing in its own words (the renderer's i18n has a translation for every key; a test
 * checks that none is missing). `layer` stands for the offending layer: the UI builds it from
 * `kind` (the node type) and `name` (the user's name, or the id).
 */
import type { GraphNode } from './project';

export type ProblemParams = Record<string, string | number>;

const KIND_NAMES: Record<GraphNode['type'], string> = {
  input: 'Input',
  dense: 'Dense layer',
  output: 'Output layer',
  dropout: 'Dropout layer',
  activation: 'Activation layer',
};

/** "Dense layer 'Hidden 1'": the kind and the user's name (or the id). */
export function layerLabel(p: ProblemParams): string {
  return `${KIND_NAMES[p.kind as GraphNode['type']] ?? 'Layer'} '${p.name}'`;
}

const s = (n: number | string, one: string, many = `${one}s`) => `${n} ${Number(n) === 1 ? one : many}`;

/** English text for each problem key, from its params. */
export const PROBLEM_MESSAGES = {
  'duplicate-id': (p: ProblemParams) => `Two layers share the id '${p.id}'. Delete one of them.`,
  'dangling-edge': (p: ProblemParams) => `Connection '${p.edge}' leads to a layer that does not exist. Delete the connection.`,
  'no-input': () => 'The network has no Input layer. Add one and connect it to the first layer.',
  'multiple-inputs': (p: ProblemParams) => `${layerLabel(p)} is a second input; a network has exactly one. Delete it.`,
  'no-output': () => 'The network has no Output layer. Add one and connect the last layer to it.',
  'multiple-outputs': (p: ProblemParams) => `${layerLabel(p)} is a second output; a network has exactly one. Delete it.`,
  'input-has-incoming': (p: ProblemParams) => `${layerLabel(p)} receives a connection, but the input must come first. Remove the connection into it.`,
  'output-has-outgoing': (p: ProblemParams) => `${layerLabel(p)} has an outgoing connection, but the output must come last. Remove the connection out of it.`,
  'branching-out': (p: ProblemParams) => `${layerLabel(p)} has ${p.count} outgoing connections; only chains are supported for now. Keep one and remove the others.`,
  'branching-in': (p: ProblemParams) => `${layerLabel(p)} has ${p.count} incoming connections; only chains are supported for now. Keep one and remove the others.`,
  cycle: (p: ProblemParams) => `${layerLabel(p)} is part of a loop; data must flow one way from input to output. Remove one connection of the loop.`,
  'not-from-input': (p: ProblemParams) => `${layerLabel(p)} is not connected to the input. Connect the layer before it, or delete it.`,
  'not-to-output': (p: ProblemParams) => `${layerLabel(p)} does not lead to the output. Connect it to the next layer, or delete it.`,
  'output-not-connected': (p: ProblemParams) => `${layerLabel(p)} is not connected to the input. Connect the last layer to it.`,
  'softmax-one-unit': (p: ProblemParams) => `${layerLabel(p)} applies softmax to 1 unit, which always outputs 1. Use sigmoid for one unit, or give it 2 or more units.`,
  'softmax-one-value': (p: ProblemParams) => `${layerLabel(p)} applies softmax to 1 value, which always outputs 1. Use sigmoid, or place it after a layer with 2 or more units.`,
  'manual-weights-count': (p: ProblemParams) =>
    `${layerLabel(p)}: the weight initializer has ${p.got} manual values but needs ${p.need} (${p.inputs} inputs × ${p.units} units, listed as W[in][out] row by row). Fix the list or choose another initializer.`,
  'manual-bias-count': (p: ProblemParams) => `${layerLabel(p)}: the bias initializer has ${p.got} manual values but needs ${p.need} (one per unit). Fix the list or choose another initializer.`,
  'output-units-regression': (p: ProblemParams) =>
    `${layerLabel(p)} has ${s(p.units, 'unit')} but the data has ${s(p.targets, 'target')}. Set it to ${s(p.targets, 'unit')}.`,
  'output-units-binary': (p: ProblemParams) => `${layerLabel(p)} has ${p.units} units but the data has 2 classes. Use 1 unit with sigmoid, or 2 units with softmax.`,
  'output-units-classes': (p: ProblemParams) => `${layerLabel(p)} has ${s(p.units, 'unit')} but the data has ${p.classes} classes. Set it to ${p.classes} units with softmax.`,
  'loss-task': () => 'Cross-entropy is a classification loss, but the data is a regression task. Choose mse, mae, Huber or ½·SSE as the loss.',
  'bce-output': (p: ProblemParams) =>
    `Binary cross-entropy needs an output of 1 sigmoid unit; ${layerLabel(p)} has ${p.units} ${p.activation} unit${Number(p.units) === 1 ? '' : 's'}. Set it to 1 unit with sigmoid, or use categorical cross-entropy with a softmax output.`,
  'cce-output': (p: ProblemParams) =>
    `Categorical cross-entropy needs a softmax output; ${layerLabel(p)} uses ${p.activation}. Set its activation to softmax, or use binary cross-entropy with 1 sigmoid unit.`,
} satisfies Record<string, (p: ProblemParams) => string>;

export type ProblemKey = keyof typeof PROBLEM_MESSAGES;

/** The params naming `node` in a message: its type and the user's name (or the id). */
export function layerParams(node: GraphNode): ProblemParams {
  return { kind: node.type, name: node.data.name || node.id };
}
