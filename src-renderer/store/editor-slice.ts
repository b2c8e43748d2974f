/**
 * Editing gestures over the selection: copy, cut, paste, duplicate, delete, select all,
 * nudge with the arrow keys, auto-arrange. Each is one graph change through the project
 * slice's own actions or `applyGraphChange`, and each says how it counts for undo.
 */
import type { StateCreator } from 'zustand';
import { arrangeLeftToRight } from './arrange';
import { copyLayers, preparePaste } from './clipboard';
import { applyGraphChange, type GraphChange, type Position } from './graph-edits';
import { editedState } from './project-slice';
import type { AppState, EditorSlice, StoreDeps } from './types';
import type { Capture } from './undo';

export function createEditorSlice(deps: StoreDeps): StateCreator<AppState, [], [], EditorSlice> {
  return (set, get) => {
    /** Applies `change` as one edit; false when it changed nothing. */
    const edit = (change: GraphChange, capture: Capture): boolean => {
      const s = get();
      const graph = applyGraphChange(s.project.graph, change);
      if (graph === s.project.graph) return false;
      set(editedState(s, { ...s.project, graph }, capture, deps.now(), change.type !== 'move'));
      return true;
    };

    return {
      clipboard: null,

      copySelection() {
        const { project, selection } = get();
        const data = copyLayers(project.graph, selection.nodeIds);
        if (data) set({ clipboard: data });
        return data;
      },

      cutSelection() {
        const data = get().copySelection();
        if (data) get().deleteSelection();
        return data;
      },

      paste(data = get().clipboard, at?: Position) {
        if (!data) return false;
        const { nodes, edges } = preparePaste(get().project.graph, data, at);
        if (!edit({ type: 'insert', nodes, edges }, 'record')) return false;
        set({ selection: { nodeIds: nodes.map((n) => n.id), edgeIds: [] } });
        return true;
      },

      duplicateSelection() {
        const { project, selection } = get();
        const data = copyLayers(project.graph, selection.nodeIds);
        return data ? get().paste(data) : false;
      },

      deleteSelection() {
        const { selection } = get();
        edit({ type: 'remove', nodeIds: selection.nodeIds, edgeIds: selection.edgeIds }, 'record');
      },

      selectAll() {
        const { graph } = get().project;
        get().setSelection({ nodeIds: graph.nodes.map((n) => n.id), edgeIds: graph.edges.map((e) => e.id) });
      },

      nudgeSelection(dx, dy) {
        const { project, selection } = get();
        const ids = new Set(selection.nodeIds);
        const positions: Record<string, Position> = {};
        for (const n of project.graph.nodes) {
          if (ids.has(n.id)) positions[n.id] = { x: n.position.x + dx, y: n.position.y + dy };
        }
        edit({ type: 'move', positions }, { merge: 'keyboard-move' });
      },

      arrange() {
        const { project, measured } = get();
        edit({ type: 'move', positions: arrangeLeftToRight(project.graph, measured) }, 'record');
      },
    };
  };
}
