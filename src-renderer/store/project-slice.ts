/**
 * The project half of the store: graph edits, training and data set settings, selection
 * and undo. Every edit goes through `commit`, which re-analyses the project (problems gate
 * Train) and records the edit for undo as its `Capture` says.
 */
import type { StateCreator } from 'zustand';
import { fitOutputToData } from '../../src-engine/fit-output';
import { LIMITS, type Project } from '../../src-engine/project';
import { analyzeProject } from './analysis';
import { applyGraphChange, createLayerNode, type GraphChange } from './graph-edits';
import type { AppState, ProjectSlice, Selection, StoreDeps } from './types';
import { EMPTY_UNDO, recordEdit, redoStep, undoStep, type Capture } from './undo';

export const EMPTY_SELECTION: Selection = { nodeIds: [], edgeIds: [] };

/** Keeps only the selected ids that still exist in `project`. */
export function pruneSelection(selection: Selection, project: Project): Selection {
  const nodes = new Set(project.graph.nodes.map((n) => n.id));
  const edges = new Set(project.graph.edges.map((e) => e.id));
  const nodeIds = selection.nodeIds.filter((id) => nodes.has(id));
  const edgeIds = selection.edgeIds.filter((id) => edges.has(id));
  if (nodeIds.length === selection.nodeIds.length && edgeIds.length === selection.edgeIds.length) return selection;
  return { nodeIds, edgeIds };
}

/**
 * The state after an edit replaced `s.project` by `project`: re-analysed (unless only
 * positions changed: a drag does not re-run the compiler per frame), recorded for undo as
 * `capture` says, dirty unless it is the saved project again, selection pruned.
 */
export function editedState(s: AppState, project: Project, capture: Capture, now: number, reanalyze: boolean): Partial<AppState> {
  return {
    project,
    analysis: reanalyze ? analyzeProject(project) : s.analysis,
    dirty: project !== s.savedProject,
    undo: recordEdit(s.undo, s.project, capture, now),
    selection: pruneSelection(s.selection, project),
  };
}

export function createProjectSlice(initial: Project, deps: StoreDeps): StateCreator<AppState, [], [], ProjectSlice> {
  return (set, get) => {
    /** Replaces the project after an edit; a no-op when `project` is the current one. */
    const commit = (project: Project, capture: Capture, reanalyze = true): void => {
      const s = get();
      if (project !== s.project) set(editedState(s, project, capture, deps.now(), reanalyze));
    };

    const editGraph = (change: GraphChange, capture: Capture): boolean => {
      const { project } = get();
      const graph = applyGraphChange(project.graph, change);
      if (graph === project.graph) return false;
      commit({ ...project, graph }, capture, change.type !== 'move');
      return true;
    };

    return {
      project: initial,
      filePath: null,
      dirty: false,
      savedProject: initial,
      loadCount: 0,
      analysis: analyzeProject(initial),
      selection: EMPTY_SELECTION,
      measured: {},
      undo: EMPTY_UNDO,
      dragBase: null,

      addNode(kind, position, baseName) {
        const node = createLayerNode(get().project.graph, kind, position, baseName);
        if (!editGraph({ type: 'add-node', node }, 'record')) return null;
        set({ selection: { nodeIds: [node.id], edgeIds: [] } });
        return node.id;
      },

      connect(source, target) {
        return editGraph({ type: 'connect', source, target }, 'record');
      },

      removeElements(nodeIds, edgeIds) {
        editGraph({ type: 'remove', nodeIds, edgeIds }, 'record');
      },

      moveNodes(positions, capture) {
        // Outside a drag (arrow keys on a focused layer) presses in a row are one step; the
        // moves of a drag are recorded once, on drop (endDrag).
        editGraph({ type: 'move', positions }, capture ?? (get().dragBase ? 'skip' : { merge: 'keyboard-move' }));
      },

      beginDrag() {
        set({ dragBase: get().project });
      },

      endDrag() {
        const { dragBase, project, undo } = get();
        set({ dragBase: null });
        if (dragBase && dragBase !== project) set({ undo: recordEdit(undo, dragBase, 'record', deps.now()) });
      },

      updateNodeData(nodeId, data, capture = { merge: `node:${nodeId}:${Object.keys(data).join(',')}` }) {
        editGraph({ type: 'update-data', nodeId, data }, capture);
      },

      updateTraining(patch, capture = { merge: `training:${Object.keys(patch).join(',')}` }) {
        const { project } = get();
        commit({ ...project, training: { ...project.training, ...patch } }, capture);
        // The optimizer's settings may change while a run is going; other settings apply to the next run.
        const before = project.training.optimizer;
        const next = patch.optimizer;
        if (next && JSON.stringify(next) !== JSON.stringify(before)) {
          get().setLiveHyperparameters(JSON.stringify({ ...next, lr: before.lr }) === JSON.stringify(before) ? { lr: next.lr } : { optimizer: next });
        }
      },

      setDataset(dataset, capture = { merge: 'dataset' }) {
        const { project } = get();
        commit({ ...project, dataset }, capture);
      },

      fitOutputToData() {
        const fitted = fitOutputToData(get().project);
        if (fitted) commit(fitted, 'record');
        return fitted !== null;
      },

      setSelection(selection) {
        const current = get().selection;
        const same =
          current.nodeIds.length === selection.nodeIds.length &&
          current.edgeIds.length === selection.edgeIds.length &&
          current.nodeIds.every((id, i) => id === selection.nodeIds[i]) &&
          current.edgeIds.every((id, i) => id === selection.edgeIds[i]);
        // Selection never touches undo history (so it keeps the redo stack).
        if (!same) set({ selection });
      },

      setMeasured(sizes) {
        set({ measured: { ...get().measured, ...sizes } });
      },

      undoEdit() {
        const s = get();
        const r = undoStep(s.undo, s.project);
        if (!r) return;
        set({ project: r.project, undo: r.undo, analysis: analyzeProject(r.project), dirty: r.project !== s.savedProject, selection: pruneSelection(s.selection, r.project) });
      },

      redoEdit() {
        const s = get();
        const r = redoStep(s.undo, s.project);
        if (!r) return;
        set({ project: r.project, undo: r.undo, analysis: analyzeProject(r.project), dirty: r.project !== s.savedProject, selection: pruneSelection(s.selection, r.project) });
      },

      renameProject(name) {
        const { project } = get();
        commit({ ...project, name: name.slice(0, LIMITS.maxNameLength) }, { merge: 'project-name' }, false);
      },

      loadProject(project, filePath = null) {
        get().reset();
        set({
          project,
          filePath,
          dirty: false,
          savedProject: project,
          loadCount: get().loadCount + 1,
          analysis: analyzeProject(project),
          selection: EMPTY_SELECTION,
          undo: EMPTY_UNDO,
          dragBase: null,
        });
      },

      restoreProject(project, filePath, dirty) {
        get().loadProject(project, filePath);
        if (dirty) set({ dirty: true, savedProject: null });
      },

      markSaved(filePath, saved = get().project) {
        const { project } = get();
        set({ dirty: project !== saved, savedProject: saved, filePath });
      },
    };
  };
}
