/**
 * "Watch it learn": the live views' half of the store. Which view panels are open (and so
 * which views the trainer computes, via 'set-views'), the newest views the trainer sent,
 * each layer's gradient norm over time, the recorded moments the history slider scrubs
 * through, and the marks of live hyperparameter changes.
 *
 * Everything here is streamed or UI state: none of it enters undo history. The run slice
 * keeps the latest snapshot and acknowledges it (once per snapshot); it hands each snapshot
 * to `recordSnapshot` here. All buffers are bounded (see views/timeline.ts).
 */
import type { StateCreator } from 'zustand';
import type { OptimizerSpec } from '../../src-engine/project';
import { PROTOCOL_VERSION, viewsSchema, type Hyperparameters, type SnapshotViews, type Views } from '../../src-engine/protocol/messages';
import {
  appendGradients,
  appendTimeline,
  createGradientHistory,
  createTimeline,
  MAX_MARKS,
  type GradientHistory,
  type HyperparameterMark,
  type Timeline,
} from '../views/timeline';
import type { AppState, SnapshotView } from './types';

/** The view panels, in the order the dock shows them. */
export const PANEL_IDS = ['loss', 'network', 'gradients', 'boundary', 'distributions', 'confusion'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** Open at first start: the views the proof watches; the costlier rest on demand. */
export const DEFAULT_PANELS: Readonly<Record<PanelId, boolean>> = {
  loss: true,
  network: true,
  gradients: true,
  boundary: true,
  distributions: false,
  confusion: false,
};

/** Boundary grid cells per side: small in the dock, finer when the panel is enlarged. */
export const BOUNDARY_SIZE = 40;
export const BOUNDARY_SIZE_ENLARGED = 96;

/** Histogram bins for the distributions view. */
export const HISTOGRAM_BINS = 30;

/** What the views show now: the newest snapshot's layers and the newest of each view. */
export interface LiveViews {
  runId: string;
  step: number;
  layers: SnapshotView['layers'];
  /** The snapshot before (for the change of each weight per step); null for the first. */
  previous: { step: number; layers: SnapshotView['layers'] } | null;
  views: SnapshotViews;
  /** Step of the snapshot the newest views came with. */
  viewsStep: number | null;
}

export interface ViewsSlice {
  panels: Record<PanelId, boolean>;
  /** The panel shown large over the canvas, or null. */
  enlarged: PanelId | null;
  /** Training-split index of the sample whose activations the network view shows. */
  selectedSample: number | null;
  live: LiveViews | null;
  gradients: GradientHistory;
  timeline: Timeline;
  /** The recorded step the views show instead of the live one; null: live. */
  scrubStep: number | null;
  marks: HyperparameterMark[];
  /** The optimizer the current run uses now (its start settings plus live changes). */
  appliedOptimizer: OptimizerSpec | null;

  setPanel(id: PanelId, open: boolean): void;
  togglePanel(id: PanelId): void;
  enlargePanel(id: PanelId | null): void;
  selectSample(index: number | null): void;
  scrubTo(step: number | null): void;
  /** Takes in a snapshot of the current run (called by the run slice; a new run starts afresh). */
  recordSnapshot(snapshot: SnapshotView): void;
  /** Forgets everything streamed (Reset, a new project). */
  clearViews(): void;
  /** Sends 'set-views' when the open panels ask for other views than last sent (or `force`). */
  syncViews(force?: boolean): void;
  /** Marks a live hyperparameter change on the loss chart (called when one is sent). */
  markLiveChange(values: Hyperparameters): void;
  /** Sets L1, L2 or the dropout rate of every layer, in the project and the running network. */
  applyLiveRegularization(values: Pick<Hyperparameters, 'l1' | 'l2' | 'dropoutRate'>): void;
  /** Picks a new random seed (one undo step), then resets: the next Train starts from new weights. */
  resetWithNewSeed(seed?: number): void;
}

/** The views the open panels need from the trainer. Closed panels cost the trainer nothing. */
export function viewsRequest(s: Pick<ViewsSlice, 'panels' | 'enlarged' | 'selectedSample'>): Views {
  return viewsSchema.parse({
    histograms: s.panels.distributions,
    histogramBins: HISTOGRAM_BINS,
    boundary: s.panels.boundary,
    boundarySize: s.enlarged === 'boundary' ? BOUNDARY_SIZE_ENLARGED : BOUNDARY_SIZE,
    activationsSample: s.panels.network ? s.selectedSample : null,
    unitHealth: s.panels.network,
    confusion: s.panels.confusion,
    // Per-weight gradients for the network view's tooltip (narrow layers only, see MAX_GRADIENT_UNITS).
    weightGradients: s.panels.network,
  });
}

/** A short, language-neutral description of what changed ("lr 0.01", "β₁ 0.8"). */
export function describeChange(values: Hyperparameters, before: OptimizerSpec | null): string {
  const parts: string[] = [];
  const fmt = (v: unknown) => (typeof v === 'number' ? String(Number(v.toPrecision(4))) : String(v));
  if (values.optimizer) {
    const opt = values.optimizer;
    if (!before || before.type !== opt.type) parts.push(`${opt.type} lr ${fmt(opt.lr)}`);
    else {
      const prev = before as Record<string, unknown>;
      for (const [key, v] of Object.entries(opt)) if (key !== 'type' && prev[key] !== v) parts.push(`${key} ${fmt(v)}`);
    }
  }
  if (values.lr !== undefined) parts.push(`lr ${fmt(values.lr)}`);
  if (values.l1 !== undefined) parts.push(`L1 ${fmt(values.l1)}`);
  if (values.l2 !== undefined) parts.push(`L2 ${fmt(values.l2)}`);
  if (values.dropoutRate !== undefined) parts.push(`dropout ${fmt(values.dropoutRate)}`);
  return parts.join(', ');
}

/** The newest step the renderer knows of for the current run. */
function knownStep(s: AppState): number {
  return Math.max(s.run.step, s.history.stepX.at(-1) ?? 0, s.live?.step ?? 0);
}

/** Fresh streamed state (new objects every time: the histories' arrays are appended in place). */
function emptyStream(): Pick<ViewsSlice, 'live' | 'gradients' | 'timeline' | 'scrubStep' | 'marks' | 'appliedOptimizer'> {
  return { live: null, gradients: createGradientHistory(), timeline: createTimeline(), scrubStep: null, marks: [], appliedOptimizer: null };
}

export function createViewsSlice(): StateCreator<AppState, [], [], ViewsSlice> {
  return (set, get) => {
    /** What was last sent with 'set-views', and on which connection. */
    let sent: { json: string; connection: unknown } | null = null;

    const setAndSync = (patch: Partial<ViewsSlice>) => {
      set(patch);
      get().syncViews();
    };

    return {
      panels: { ...DEFAULT_PANELS },
      enlarged: null,
      selectedSample: null,
      ...emptyStream(),

      setPanel(id, open) {
        const { panels, enlarged } = get();
        if (panels[id] === open) return;
        setAndSync({ panels: { ...panels, [id]: open }, enlarged: !open && enlarged === id ? null : enlarged });
      },

      togglePanel(id) {
        get().setPanel(id, !get().panels[id]);
      },

      enlargePanel(id) {
        const { panels } = get();
        setAndSync(id === null ? { enlarged: null } : { enlarged: id, panels: { ...panels, [id]: true } });
      },

      selectSample(index) {
        if (index !== null && (!Number.isInteger(index) || index < 0)) return;
        setAndSync({ selectedSample: index });
      },

      scrubTo(step) {
        set({ scrubStep: step });
      },

      recordSnapshot(snapshot) {
        const s = get();
        const sameRun = s.live?.runId === snapshot.runId;
        const base = sameRun ? s : { ...s, ...emptyStream(), appliedOptimizer: s.runProject?.training.optimizer ?? null };
        const views = snapshot.views ? { ...base.live?.views, ...snapshot.views } : (base.live?.views ?? {});
        const live: LiveViews = {
          runId: snapshot.runId,
          step: snapshot.step,
          layers: snapshot.layers,
          previous: base.live && base.live.step < snapshot.step ? { step: base.live.step, layers: base.live.layers } : (base.live?.previous ?? null),
          views,
          viewsStep: snapshot.views ? snapshot.step : (base.live?.viewsStep ?? null),
        };
        set({
          live,
          gradients: appendGradients(base.gradients, snapshot.step, snapshot.layers),
          timeline: appendTimeline(base.timeline, { step: snapshot.step, layers: snapshot.layers, views }),
          ...(sameRun ? {} : { scrubStep: null, marks: [], appliedOptimizer: base.appliedOptimizer }),
        });
      },

      clearViews() {
        set(emptyStream());
      },

      syncViews(force = false) {
        const s = get();
        if (!s.connection) return;
        const views = viewsRequest(s);
        const json = JSON.stringify(views);
        if (!force && sent && sent.json === json && sent.connection === s.connection) return;
        sent = { json, connection: s.connection };
        s.connection.send({ v: PROTOCOL_VERSION, type: 'set-views', views });
      },

      markLiveChange(values) {
        const s = get();
        const label = describeChange(values, s.appliedOptimizer);
        if (!label) return;
        const mark = { step: knownStep(s) + 1, label };
        set({
          marks: [...s.marks, mark].slice(-MAX_MARKS),
          appliedOptimizer: values.optimizer ?? (values.lr !== undefined && s.appliedOptimizer ? { ...s.appliedOptimizer, lr: values.lr } : s.appliedOptimizer),
        });
      },

      applyLiveRegularization(values) {
        const s = get();
        for (const node of s.project.graph.nodes) {
          if ((node.type === 'dense' || node.type === 'output') && (values.l1 !== undefined || values.l2 !== undefined)) {
            const patch = { ...(values.l1 !== undefined ? { l1: values.l1 } : {}), ...(values.l2 !== undefined ? { l2: values.l2 } : {}) };
            s.updateNodeData(node.id, patch, { merge: 'live-regularization' });
          }
          if (node.type === 'dropout' && values.dropoutRate !== undefined) {
            s.updateNodeData(node.id, { rate: values.dropoutRate }, { merge: 'live-regularization' });
          }
        }
        s.setLiveHyperparameters(values);
      },

      resetWithNewSeed(seed) {
        const s = get();
        // The renderer is not the engine: an unseeded random pick is what "new seed" means.
        const next = seed ?? Math.floor(Math.random() * 2 ** 31);
        s.updateTraining({ seed: next }, 'record');
        s.reset();
      },
    };
  };
}
