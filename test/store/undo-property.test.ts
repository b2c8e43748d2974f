/**
 * Property tests (fast-check): any sequence of edits, followed by as many undos as there
 * were edits, restores the original project exactly (the same object, and deep-equal to a
 * copy taken before, so no edit mutated it in place); as many redos restore the final one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { ACTIVATIONS, LAYER_KINDS, type Project } from '../../src-engine/project';
import { createAppStore, type AppStore } from '../../src-renderer/store/app-store';
import { createEmptyProject } from '../../src-renderer/store/new-project';
import { MAX_UNDO_STEPS, MERGE_WINDOW_MS } from '../../src-renderer/store/undo';

type Edit =
  | { op: 'add'; kind: (typeof LAYER_KINDS)[number]; x: number; y: number }
  | { op: 'connect'; a: number; b: number }
  | { op: 'removeNode'; a: number }
  | { op: 'removeEdge'; a: number }
  | { op: 'drag'; a: number; dx: number; dy: number }
  | { op: 'nudge'; a: number; dx: number }
  | { op: 'units'; a: number; units: number }
  | { op: 'activation'; a: number; activation: (typeof ACTIVATIONS)[number] }
  | { op: 'lr'; lr: number }
  | { op: 'epochs'; epochs: number }
  | { op: 'dataset'; name: 'iris' | 'xor' | 'spiral' }
  | { op: 'rename'; name: string }
  | { op: 'duplicate'; a: number; b: number }
  | { op: 'cut'; a: number }
  | { op: 'paste' }
  | { op: 'arrange' };

const index = fc.nat({ max: 50 });
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), kind: fc.constantFrom(...LAYER_KINDS), x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) }),
  fc.record({ op: fc.constant('connect' as const), a: index, b: index }),
  fc.record({ op: fc.constant('removeNode' as const), a: index }),
  fc.record({ op: fc.constant('removeEdge' as const), a: index }),
  fc.record({ op: fc.constant('drag' as const), a: index, dx: fc.integer({ min: -80, max: 80 }), dy: fc.integer({ min: -80, max: 80 }) }),
  fc.record({ op: fc.constant('nudge' as const), a: index, dx: fc.constantFrom(-10, 10, 50) }),
  fc.record({ op: fc.constant('units' as const), a: index, units: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('activation' as const), a: index, activation: fc.constantFrom(...ACTIVATIONS) }),
  fc.record({ op: fc.constant('lr' as const), lr: fc.double({ min: 1e-4, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('epochs' as const), epochs: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ op: fc.constant('dataset' as const), name: fc.constantFrom('iris' as const, 'xor' as const, 'spiral' as const) }),
  fc.record({ op: fc.constant('rename' as const), name: fc.string({ maxLength: 20 }) }),
  fc.record({ op: fc.constant('duplicate' as const), a: index, b: index }),
  fc.record({ op: fc.constant('cut' as const), a: index }),
  fc.record({ op: fc.constant('paste' as const) }),
  fc.record({ op: fc.constant('arrange' as const) }),
);

function apply(store: AppStore, edit: Edit): void {
  const s = store.getState();
  const nodes = s.project.graph.nodes;
  const edges = s.project.graph.edges;
  const node = (i: number) => (nodes.length > 0 ? nodes[i % nodes.length] : null);
  switch (edit.op) {
    case 'add':
      s.addNode(edit.kind, { x: edit.x, y: edit.y }, edit.kind);
      return;
    case 'connect': {
      const a = node(edit.a);
      const b = node(edit.b);
      if (a && b) s.connect(a.id, b.id);
      return;
    }
    case 'removeNode': {
      const a = node(edit.a);
      if (a) s.removeElements([a.id], []);
      return;
    }
    case 'removeEdge':
      if (edges.length > 0) s.removeElements([], [edges[edit.a % edges.length].id]);
      return;
    case 'drag': {
      const a = node(edit.a);
      if (!a) return;
      s.beginDrag();
      s.moveNodes({ [a.id]: { x: a.position.x + edit.dx / 2, y: a.position.y } });
      s.moveNodes({ [a.id]: { x: a.position.x + edit.dx, y: a.position.y + edit.dy } });
      s.endDrag();
      return;
    }
    case 'nudge': {
      const a = node(edit.a);
      if (!a) return;
      s.setSelection({ nodeIds: [a.id], edgeIds: [] });
      s.nudgeSelection(edit.dx, 0);
      return;
    }
    case 'units': {
      const a = node(edit.a);
      if (a && (a.type === 'dense' || a.type === 'output')) s.updateNodeData(a.id, { units: edit.units });
      return;
    }
    case 'activation': {
      const a = node(edit.a);
      if (a && a.type !== 'input' && a.type !== 'dropout') s.updateNodeData(a.id, { activation: edit.activation });
      return;
    }
    case 'lr':
      s.updateTraining({ optimizer: { ...s.project.training.optimizer, lr: edit.lr } });
      return;
    case 'epochs':
      s.updateTraining({ epochs: edit.epochs });
      return;
    case 'dataset':
      s.setDataset({ type: 'builtin', name: edit.name, samples: 200, noise: 0.1, seed: 1, classes: 3 });
      return;
    case 'rename':
      s.renameProject(edit.name);
      return;
    case 'duplicate': {
      const a = node(edit.a);
      const b = node(edit.b);
      if (!a || !b) return;
      s.setSelection({ nodeIds: [...new Set([a.id, b.id])], edgeIds: [] });
      s.duplicateSelection();
      return;
    }
    case 'cut': {
      const a = node(edit.a);
      if (!a) return;
      s.setSelection({ nodeIds: [a.id], edgeIds: [] });
      s.cutSelection();
      return;
    }
    case 'paste':
      s.paste();
      return;
    case 'arrange':
      s.arrange();
      return;
  }
}

function check(start: Project, edits: Edit[]): void {
  let clock = 0;
  const store = createAppStore(start, { now: () => clock, afterFrame: (fn) => fn() });
  const copy = structuredClone(start);
  for (const edit of edits) {
    apply(store, edit);
    // Edits further apart than the merge window are separate steps.
    clock += MERGE_WINDOW_MS + 1;
  }
  const final = store.getState().project;
  const finalCopy = structuredClone(final);
  expect(store.getState().undo.past.length).toBeLessThanOrEqual(edits.length);
  for (let i = 0; i < edits.length; i++) store.getState().undoEdit();
  expect(store.getState().project).toBe(start);
  expect(store.getState().project).toEqual(copy);
  expect(store.getState().dirty).toBe(false);
  for (let i = 0; i < edits.length; i++) store.getState().redoEdit();
  expect(store.getState().project).toBe(final);
  expect(store.getState().project).toEqual(finalCopy);
}

describe('undo restores the original graph exactly', () => {
  it('after any sequence of edits on the example', () => {
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 40 }), (edits) => check(createSpiralExample(), edits)),
      { numRuns: 150 },
    );
  });

  it('after any sequence of edits on an empty canvas', () => {
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 40 }), (edits) => check(createEmptyProject('Empty'), edits)),
      { numRuns: 150 },
    );
  });

  it('keeps the newest steps when a session makes more than the history holds', () => {
    let clock = 0;
    const store = createAppStore(createSpiralExample(), { now: () => clock });
    for (let i = 0; i < MAX_UNDO_STEPS + 20; i++) {
      store.getState().updateTraining({ epochs: i + 1 });
      clock += MERGE_WINDOW_MS + 1;
    }
    expect(store.getState().undo.past).toHaveLength(MAX_UNDO_STEPS);
    for (let i = 0; i < MAX_UNDO_STEPS; i++) store.getState().undoEdit();
    expect(store.getState().project.training.epochs).toBe(20);
  });
});
