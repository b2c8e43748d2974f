import { describe, expect, it } from 'vitest';
import { compileGraph, type GraphProblem } from '../../src-engine/compile';
import type { DataShape } from '../../src-engine/datasets';
import { graphSchema, trainingSchema, type Graph } from '../../src-engine/project';

const TWO_CLASSES: DataShape = { features: 2, targets: 1, task: 'classification', classes: 2 };
const THREE_CLASSES: DataShape = { features: 2, targets: 3, task: 'classification', classes: 3 };
const REGRESSION: DataShape = { features: 1, targets: 1, task: 'regression', classes: 0 };

type NodeSpec = [id: string, type: 'input' | 'dense' | 'output' | 'dropout' | 'activation', data?: Record<string, unknown>];

/** A graph from nodes and "a->b" edges, with every default filled by the schema. */
function graph(nodes: NodeSpec[], edges: string[]): Graph {
  return graphSchema.parse({
    nodes: nodes.map(([id, type, data]) => ({
      id,
      type,
      position: { x: 0, y: 0 },
      data: type === 'dense' || type === 'output' ? { units: 1, activation: 'sigmoid', ...data } : { ...data },
    })),
    edges: edges.map((e) => {
      const [source, target] = e.split('->');
      return { id: e, source, target };
    }),
  });
}

function problems(g: Graph, shape = TWO_CLASSES, training?: Record<string, unknown>): GraphProblem[] {
  const r = compileGraph(g, shape, training ? trainingSchema.parse(training) : undefined);
  return r.ok ? [] : r.problems;
}

function codesAt(list: GraphProblem[]): string[] {
  return list.map((p) => `${p.code}@${p.nodeId}`);
}

describe('compileGraph', () => {
  it('compiles a chain with dropout and an activation right after the input', () => {
    const g = graph(
      [['in', 'input'], ['drop', 'dropout', { rate: 0.2 }], ['act', 'activation', { activation: 'tanh' }], ['h', 'dense', { units: 4, activation: 'relu' }], ['out', 'output']],
      ['in->drop', 'drop->act', 'act->h', 'h->out'],
    );
    const r = compileGraph(g, TWO_CLASSES);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layers.map((l) => `${l.kind}:${l.nodeId}:${l.units}`)).toEqual(['dropout:drop:2', 'activation:act:2', 'dense:h:4', 'dense:out:1']);
    const out = r.layers[3];
    expect(out.kind === 'dense' && out.inputs).toBe(4);
  });

  it('reports a missing input and a missing output without a node', () => {
    expect(codesAt(problems(graph([['h', 'dense']], [])))).toEqual(expect.arrayContaining(['no-input@null', 'no-output@null']));
  });

  it('reports a second input and a second output on the extra nodes', () => {
    const g = graph([['in', 'input'], ['in2', 'input'], ['out', 'output'], ['out2', 'output']], ['in->out']);
    expect(codesAt(problems(g))).toEqual(expect.arrayContaining(['multiple-inputs@in2', 'multiple-outputs@out2']));
  });

  it('reports a cycle on a node of the loop', () => {
    const g = graph([['in', 'input'], ['a', 'dense'], ['b', 'dense'], ['out', 'output']], ['in->a', 'a->b', 'b->a', 'b->out']);
    const list = problems(g);
    expect(list.some((p) => p.code === 'cycle' && (p.nodeId === 'a' || p.nodeId === 'b'))).toBe(true);
    expect(list.find((p) => p.code === 'cycle')?.message).toMatch(/loop.*Remove one connection/);
  });

  it('reports a layer that is not connected, and one that does not lead to the output', () => {
    const g = graph([['in', 'input'], ['a', 'dense'], ['lonely', 'dense'], ['dead', 'dense'], ['out', 'output']], ['in->a', 'a->out', 'lonely->out', 'in->dead']);
    const list = problems(g);
    expect(codesAt(list)).toEqual(expect.arrayContaining(['unconnected@lonely', 'unconnected@dead']));
    expect(list.find((p) => p.nodeId === 'dead' && p.code === 'unconnected')?.message).toMatch(/does not lead to the output/);
  });

  it('reports branching on the node with two outgoing or two incoming connections', () => {
    const g = graph([['in', 'input'], ['a', 'dense'], ['b', 'dense'], ['out', 'output']], ['in->a', 'in->b', 'a->out', 'b->out']);
    expect(codesAt(problems(g)).filter((c) => c.startsWith('branching'))).toEqual(['branching@in', 'branching@out']);
  });

  it('reports output units that do not match the data', () => {
    const chain = (units: number, activation = 'softmax'): Graph =>
      graph([['in', 'input'], ['out', 'output', { units, activation }]], ['in->out']);
    expect(problems(chain(1, 'sigmoid'))).toEqual([]);
    expect(problems(chain(2))).toEqual([]);
    expect(codesAt(problems(chain(3)))).toEqual(['output-units@out']);
    expect(problems(chain(2), THREE_CLASSES)[0].message).toMatch(/2 units but the data has 3 classes\. Set it to 3 units/);
    expect(codesAt(problems(chain(2, 'linear'), REGRESSION))).toEqual(['output-units@out']);
  });

  it('reports softmax on a single unit', () => {
    const g = graph([['in', 'input'], ['out', 'output', { units: 1, activation: 'softmax' }]], ['in->out']);
    expect(codesAt(problems(g))).toEqual(['softmax-one-unit@out']);
  });

  it('reports a loss that does not fit the output activation', () => {
    const softmax2 = graph([['in', 'input'], ['out', 'output', { units: 2, activation: 'softmax' }]], ['in->out']);
    const bce = problems(softmax2, TWO_CLASSES, { loss: 'binary_crossentropy' });
    expect(codesAt(bce)).toEqual(['loss-activation@out']);
    expect(bce[0].message).toMatch(/needs an output of 1 sigmoid unit/);
    const sigmoid1 = graph([['in', 'input'], ['out', 'output', { units: 1, activation: 'sigmoid' }]], ['in->out']);
    expect(codesAt(problems(sigmoid1, TWO_CLASSES, { loss: 'categorical_crossentropy' }))).toEqual(['loss-activation@out']);
    expect(problems(sigmoid1, TWO_CLASSES, { loss: 'binary_crossentropy' })).toEqual([]);
  });

  it('reports a manual initializer with the wrong number of values, naming the expected count', () => {
    const g = graph(
      [['in', 'input'], ['h', 'dense', { units: 3, kernelInitializer: { type: 'manual', values: [1, 2, 3] } }], ['out', 'output']],
      ['in->h', 'h->out'],
    );
    const list = problems(g);
    expect(codesAt(list)).toEqual(['manual-count@h']);
    expect(list[0].message).toMatch(/has 3 manual values but needs 6 \(2 inputs × 3 units/);
  });

  it('collects several problems at once instead of stopping at the first', () => {
    const g = graph([['in', 'input'], ['a', 'dense'], ['b', 'dense'], ['out', 'output', { units: 5 }]], ['in->a', 'in->b', 'a->out']);
    expect(problems(g).length).toBeGreaterThanOrEqual(3);
  });
});
