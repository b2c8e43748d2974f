/** Copy and paste of layers (within and between projects) and the left-to-right arrangement. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { graphSchema } from '../../src-engine/project';
import { arrangeLeftToRight, DEFAULT_NODE_SIZE } from '../../src-renderer/store/arrange';
import { copyLayers, parseClipboard, preparePaste, serializeClipboard, uniqueName } from '../../src-renderer/store/clipboard';
import { createAppStore } from '../../src-renderer/store/app-store';
import { createEmptyProject } from '../../src-renderer/store/new-project';

describe('clipboard', () => {
  it('copies the selected layers and only the connections among them', () => {
    const data = copyLayers(createSpiralExample().graph, ['hidden1', 'hidden2', 'output']);
    expect(data?.nodes.map((n) => n.id)).toEqual(['hidden1', 'hidden2', 'output']);
    expect(data?.edges.map((e) => e.id)).toEqual(['e-hidden1-hidden2', 'e-hidden2-output']);
    expect(copyLayers(createSpiralExample().graph, [])).toBeNull();
  });

  it('pastes into another project through clipboard text, keeping names that are free', () => {
    const text = serializeClipboard(copyLayers(createSpiralExample().graph, ['input', 'hidden1', 'output']) ?? (null as never));
    const other = createAppStore(createEmptyProject('Other'));
    expect(other.getState().paste(parseClipboard(text))).toBe(true);
    const g = other.getState().project.graph;
    expect(g.nodes.map((n) => [n.id, n.data.name])).toEqual([
      ['input-1', 'Input'],
      ['dense-1', 'Hidden 1'],
      ['output-1', 'Output'],
    ]);
    expect(g.edges).toEqual([{ id: 'e-input-1-dense-1', source: 'input-1', target: 'dense-1' }]);
    expect(other.getState().selection.nodeIds).toEqual(['input-1', 'dense-1', 'output-1']);
    expect(graphSchema.safeParse(g).success).toBe(true);
  });

  it('pastes at a given position, keeping the group layout', () => {
    const data = copyLayers(createSpiralExample().graph, ['hidden1', 'hidden2']);
    if (!data) throw new Error('nothing copied');
    const { nodes } = preparePaste(createSpiralExample().graph, data, { x: 1000, y: 1000 });
    expect(nodes.map((n) => n.position)).toEqual([
      { x: 1000, y: 1000 },
      { x: 1240, y: 1000 },
    ]);
  });

  it('makes copied names unique', () => {
    const taken = new Set(['Hidden 1', 'Hidden 2', 'Output']);
    expect(uniqueName('Hidden 1', taken)).toBe('Hidden 3');
    expect(uniqueName('Output', taken)).toBe('Output 2');
    expect(uniqueName('Fresh', taken)).toBe('Fresh');
  });

  it('refuses anything that is not copied layers, without throwing', () => {
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard('{"format":"layerlab-layers","version":1,"nodes":[],"edges":[]}')).toBeNull();
    expect(parseClipboard('{"format":"layerlab-layers","version":1,"nodes":[{"id":"x","type":"dense"}],"edges":[]}')).toBeNull();
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(parseClipboard(`{"format":"layerlab-layers",${s}`)).toBeNull();
      }),
    );
  });
});

describe('arrangeLeftToRight', () => {
  it('puts each layer one column right of the layer before it, centred on one line', () => {
    const graph = createSpiralExample().graph;
    const shuffled = { ...graph, nodes: graph.nodes.map((n, i) => ({ ...n, position: { x: (3 - i) * 50, y: i * 70 } })) };
    const p = arrangeLeftToRight(shuffled, {});
    const ids = ['input', 'hidden1', 'hidden2', 'output'];
    for (let i = 1; i < ids.length; i++) expect(p[ids[i]].x).toBeGreaterThanOrEqual(p[ids[i - 1]].x + DEFAULT_NODE_SIZE.width);
    expect(new Set(ids.map((id) => p[id].y)).size).toBe(1);
  });

  it('stacks unconnected layers of one column and survives a cycle', () => {
    const graph = {
      nodes: createSpiralExample().graph.nodes,
      edges: [
        { id: 'a', source: 'hidden1', target: 'hidden2' },
        { id: 'b', source: 'hidden2', target: 'hidden1' },
      ],
    };
    const p = arrangeLeftToRight(graph, {});
    expect(Object.keys(p)).toHaveLength(4);
    for (const v of Object.values(p)) expect(Number.isFinite(v.x) && Number.isFinite(v.y)).toBe(true);
  });
});
