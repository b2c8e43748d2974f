import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import type { Graph } from '../../src-engine/project';
import { applyGraphChange, checkConnection, createLayerNode, nextNodeId } from '../../src-renderer/store/graph-edits';

const spiral = (): Graph => createSpiralExample().graph;

describe('applyGraphChange', () => {
  it('adds a node with the schema defaults and a fresh id and name', () => {
    const graph = spiral();
    const node = createLayerNode(graph, 'dense', { x: 10, y: 20 }, 'Dense');
    expect(node).toMatchObject({ id: 'dense-1', type: 'dense', position: { x: 10, y: 20 } });
    expect(node.data).toMatchObject({ name: 'Dense 3', units: 8, activation: 'relu', useBias: true, l1: 0, l2: 0 });
    const next = applyGraphChange(graph, { type: 'add-node', node });
    expect(next.nodes).toHaveLength(5);
    expect(next.edges).toBe(graph.edges);
    expect(nextNodeId(next, 'dense')).toBe('dense-2');
  });

  it('removes a node together with its edges', () => {
    const next = applyGraphChange(spiral(), { type: 'remove', nodeIds: ['hidden1'], edgeIds: [] });
    expect(next.nodes.map((n) => n.id)).toEqual(['input', 'hidden2', 'output']);
    expect(next.edges.map((e) => e.id)).toEqual(['e-hidden2-output']);
  });

  it('removes a single edge', () => {
    const next = applyGraphChange(spiral(), { type: 'remove', nodeIds: [], edgeIds: ['e-hidden1-hidden2'] });
    expect(next.nodes).toHaveLength(4);
    expect(next.edges).toHaveLength(2);
  });

  it('moves nodes and keeps unmoved ones as the same objects', () => {
    const graph = spiral();
    const next = applyGraphChange(graph, { type: 'move', positions: { hidden1: { x: 1, y: 2 } } });
    expect(next.nodes[1].position).toEqual({ x: 1, y: 2 });
    expect(next.nodes[0]).toBe(graph.nodes[0]);
    expect(next.nodes[2]).toBe(graph.nodes[2]);
  });

  it('returns the same graph for a no-op edit', () => {
    const graph = spiral();
    expect(applyGraphChange(graph, { type: 'move', positions: { hidden1: { x: 240, y: 80 } } })).toBe(graph);
    expect(applyGraphChange(graph, { type: 'update-data', nodeId: 'hidden1', data: { units: 8 } })).toBe(graph);
    expect(applyGraphChange(graph, { type: 'remove', nodeIds: ['nope'], edgeIds: [] })).toBe(graph);
  });

  it('updates layer data without touching other nodes', () => {
    const graph = spiral();
    const next = applyGraphChange(graph, { type: 'update-data', nodeId: 'hidden2', data: { units: 16, activation: 'relu' } });
    expect(next.nodes[2].data).toMatchObject({ units: 16, activation: 'relu', name: 'Hidden 2' });
    expect(next.nodes[1]).toBe(graph.nodes[1]);
  });

  it('connects two layers with an id derived from the ends', () => {
    const graph = applyGraphChange(spiral(), { type: 'remove', nodeIds: [], edgeIds: ['e-hidden1-hidden2'] });
    const next = applyGraphChange(graph, { type: 'connect', source: 'hidden1', target: 'hidden2' });
    expect(next.edges.at(-1)).toEqual({ id: 'e-hidden1-hidden2', source: 'hidden1', target: 'hidden2' });
  });

  it('refuses self-loops, duplicates, edges into the input, out of the output and cycles', () => {
    const graph = spiral();
    expect(checkConnection(graph, 'hidden1', 'hidden1')).toBe('self');
    expect(checkConnection(graph, 'hidden1', 'hidden2')).toBe('duplicate');
    expect(checkConnection(graph, 'hidden1', 'input')).toBe('into-input');
    expect(checkConnection(graph, 'output', 'hidden1')).toBe('from-output');
    expect(checkConnection(graph, 'hidden2', 'hidden1')).toBe('cycle');
    expect(checkConnection(graph, 'hidden1', 'ghost')).toBe('missing');
    expect(checkConnection(graph, 'input', 'hidden2')).toBeNull();
    expect(applyGraphChange(graph, { type: 'connect', source: 'hidden2', target: 'hidden1' })).toBe(graph);
  });
});
