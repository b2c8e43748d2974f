/**
 * Every edit of the editor and its undo: each action changes the project as it should, is
 * one undo step (or merges as its capture says), and undo brings back the exact project.
 */
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import type { Project } from '../../src-engine/project';
import { createAppStore, type AppStore } from '../../src-renderer/store/app-store';
import { MERGE_WINDOW_MS } from '../../src-renderer/store/undo';

function setup(project: Project = createSpiralExample()) {
  let clock = 0;
  const store = createAppStore(project, { now: () => clock, afterFrame: (fn) => fn() });
  return { store, tick: (ms: number) => (clock += ms) };
}

/** Runs `edit`, checks it made exactly one undo step, undoes it and checks the project is back. */
function expectOneUndoableStep(store: AppStore, edit: () => void): Project {
  const before = store.getState().project;
  const steps = store.getState().undo.past.length;
  edit();
  const after = store.getState().project;
  expect(after, 'the edit changes the project').not.toBe(before);
  expect(store.getState().undo.past).toHaveLength(steps + 1);
  store.getState().undoEdit();
  expect(store.getState().project).toBe(before);
  store.getState().redoEdit();
  expect(store.getState().project).toBe(after);
  return after;
}

describe('every edit is one undo step', () => {
  it('adds a layer', () => {
    const { store } = setup();
    const after = expectOneUndoableStep(store, () => store.getState().addNode('dropout', { x: 0, y: 0 }, 'Dropout'));
    expect(after.graph.nodes.map((n) => n.id)).toContain('dropout-1');
  });

  it('connects two layers', () => {
    const { store } = setup();
    store.getState().removeElements([], ['e-hidden1-hidden2']);
    const after = expectOneUndoableStep(store, () => store.getState().connect('hidden1', 'hidden2'));
    expect(after.graph.edges.map((e) => e.id)).toContain('e-hidden1-hidden2');
  });

  it('removes layers with their connections', () => {
    const { store } = setup();
    const after = expectOneUndoableStep(store, () => store.getState().removeElements(['hidden1'], []));
    expect(after.graph.edges).toHaveLength(1);
  });

  it('changes a layer setting, and a burst of typing in one field is one step', () => {
    const { store, tick } = setup();
    expectOneUndoableStep(store, () => store.getState().updateNodeData('hidden1', { activation: 'relu' }));
    const before = store.getState().project;
    store.getState().updateNodeData('hidden1', { units: 1 });
    tick(200);
    store.getState().updateNodeData('hidden1', { units: 12 });
    tick(MERGE_WINDOW_MS + 1);
    store.getState().updateNodeData('hidden1', { units: 16 });
    store.getState().undoEdit();
    store.getState().undoEdit();
    expect(store.getState().project).toBe(before);
  });

  it('changes training and data set settings (inspector changes)', () => {
    const { store } = setup();
    const opt = store.getState().project.training.optimizer;
    expectOneUndoableStep(store, () => store.getState().updateTraining({ optimizer: { ...opt, lr: 0.5 } }));
    expectOneUndoableStep(store, () => store.getState().updateTraining({ schedule: { type: 'step', stepSize: 5, gamma: 0.5 } }));
    expectOneUndoableStep(store, () => store.getState().updateTraining({ clip: { type: 'norm', maxNorm: 2 } }));
    expectOneUndoableStep(store, () => store.getState().setDataset({ type: 'builtin', name: 'iris', samples: 150, noise: 0, seed: 1, classes: 3 }));
  });

  it('renames the project', () => {
    const { store } = setup();
    expect(expectOneUndoableStep(store, () => store.getState().renameProject('Spirals v2')).name).toBe('Spirals v2');
  });

  it('records a mouse drag once, on drop', () => {
    const { store } = setup();
    expectOneUndoableStep(store, () => {
      store.getState().beginDrag();
      for (let i = 1; i <= 5; i++) store.getState().moveNodes({ hidden1: { x: 240 + 10 * i, y: 80 } });
      store.getState().endDrag();
    });
  });

  it('merges arrow-key moves in a row into one step', () => {
    const { store, tick } = setup();
    store.getState().setSelection({ nodeIds: ['hidden1', 'hidden2'], edgeIds: [] });
    const after = expectOneUndoableStep(store, () => {
      for (let i = 0; i < 4; i++) {
        store.getState().nudgeSelection(10, 0);
        tick(100);
      }
    });
    expect(after.graph.nodes.find((n) => n.id === 'hidden1')?.position).toEqual({ x: 280, y: 80 });
    expect(after.graph.nodes.find((n) => n.id === 'hidden2')?.position).toEqual({ x: 520, y: 80 });
    // React Flow's own arrow keys on a focused node arrive as moves outside a drag: also merged.
    const before = store.getState().project;
    tick(MERGE_WINDOW_MS + 1);
    store.getState().moveNodes({ output: { x: 730, y: 120 } });
    tick(50);
    store.getState().moveNodes({ output: { x: 740, y: 120 } });
    store.getState().undoEdit();
    expect(store.getState().project).toBe(before);
  });

  it('duplicates the selection with fresh ids and names and selects the copies', () => {
    const { store } = setup();
    store.getState().setSelection({ nodeIds: ['hidden1', 'hidden2'], edgeIds: [] });
    const after = expectOneUndoableStep(store, () => store.getState().duplicateSelection());
    const added = after.graph.nodes.slice(4);
    expect(added.map((n) => n.id)).toEqual(['dense-1', 'dense-2']);
    expect(added.map((n) => n.data.name)).toEqual(['Hidden 3', 'Hidden 4']);
    expect(after.graph.edges.at(-1)).toMatchObject({ source: 'dense-1', target: 'dense-2' });
  });

  it('cuts and pastes the selection', () => {
    const { store } = setup();
    store.getState().setSelection({ nodeIds: ['hidden2'], edgeIds: [] });
    expectOneUndoableStep(store, () => store.getState().cutSelection());
    expect(store.getState().clipboard?.nodes.map((n) => n.id)).toEqual(['hidden2']);
    const after = expectOneUndoableStep(store, () => store.getState().paste());
    expect(after.graph.nodes.map((n) => n.data.name)).toContain('Hidden 2');
  });

  it('deletes the selected layers and connections', () => {
    const { store } = setup();
    store.getState().setSelection({ nodeIds: ['output'], edgeIds: ['e-input-hidden1'] });
    const after = expectOneUndoableStep(store, () => store.getState().deleteSelection());
    expect(after.graph.nodes).toHaveLength(3);
    expect(after.graph.edges).toHaveLength(1);
  });

  it('arranges the graph left to right as one step', () => {
    const { store } = setup();
    store.getState().moveNodes({ hidden2: { x: -400, y: 500 } }, 'record');
    const after = expectOneUndoableStep(store, () => store.getState().arrange());
    const x = (id: string) => after.graph.nodes.find((n) => n.id === id)?.position.x ?? NaN;
    expect(x('input')).toBeLessThan(x('hidden1'));
    expect(x('hidden1')).toBeLessThan(x('hidden2'));
    expect(x('hidden2')).toBeLessThan(x('output'));
  });
});

describe('history rules', () => {
  it('keeps selection, select-all and streamed data out of history', () => {
    const { store } = setup();
    store.getState().removeElements(['hidden2'], []);
    store.getState().undoEdit();
    store.getState().selectAll();
    expect(store.getState().selection.nodeIds).toHaveLength(4);
    expect(store.getState().undo.future).toHaveLength(1);
  });

  it('is not dirty after undoing back to the saved project', () => {
    const { store } = setup();
    expect(store.getState().dirty).toBe(false);
    store.getState().updateNodeData('hidden1', { units: 3 });
    expect(store.getState().dirty).toBe(true);
    store.getState().undoEdit();
    expect(store.getState().dirty).toBe(false);
    store.getState().redoEdit();
    store.getState().markSaved('/tmp/a.layerlab.json');
    expect(store.getState().dirty).toBe(false);
    store.getState().undoEdit();
    expect(store.getState().dirty).toBe(true);
  });

  it('refuses a paste that would exceed the layer limit without recording anything', () => {
    const { store } = setup();
    store.getState().selectAll();
    for (let i = 0; i < 60; i++) store.getState().duplicateSelection();
    const steps = store.getState().undo.past.length;
    expect(store.getState().project.graph.nodes.length).toBeLessThanOrEqual(200);
    expect(store.getState().duplicateSelection()).toBe(false);
    expect(store.getState().undo.past).toHaveLength(steps);
  });
});
