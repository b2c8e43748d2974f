/**
 * The classroom half of the store: the open lesson, Step mode (a traced training step shown
 * stage by stage, with a gradient check), the side-by-side comparison and optimizer race,
 * the glossary and presentation mode. Step mode and every comparison lane talk to the
 * trainer over connections of their own (`laneConnector`), so each is its own run and the
 * editor's run is never touched. Connections live in this closure, not in state.
 */
import type { StateCreator } from 'zustand';
import type { GradientCheckResult, GradientTarget } from '../../src-engine/inspect/gradient-check';
import type { StepTrace } from '../../src-engine/inspect/step-trace-types';
import { findLesson, type LessonLanguage, type LocalizedText } from '../../src-engine/lessons';
import { LIMITS, type Project } from '../../src-engine/project';
import { PROTOCOL_VERSION, type FromTrainer } from '../../src-engine/protocol/messages';
import type { MessageParams } from '../../src-engine/run-messages';
import { dataTextFor } from '../data/data-texts';
import { openTrainerLane, type LaneConnection, type LaneConnector } from '../classroom/lane-connection';
import type { AppState } from './types';

/** The classroom panel shown in the dock under the canvas, if any. */
export type ClassroomPanel = 'step' | 'compare' | 'glossary';

/** Digits after the point that Step mode may show (formatNumber allows 0 … 15). */
export const DECIMAL_CHOICES = [2, 3, 4, 5, 6, 7, 8, 10, 12, 15] as const;
/** Seven digits: the notes' 0.1006995 and 0.3000264. */
export const DEFAULT_DECIMALS = 7;

/** Step mode: the traced step and where the walk-through is. */
export interface StepModeState {
  status: 'off' | 'tracing' | 'ready' | 'error';
  runId: string | null;
  /** The project traced (the editor's when Step mode started, with `seed` applied). */
  project: Project | null;
  /** The seed in force: null keeps the project's own (Rewind repeats it exactly). */
  seed: number | null;
  trace: StepTrace | null;
  /** Traced steps taken in this run (the trace is of the last one). */
  steps: number;
  stageIndex: number;
  /** Which row of the batch the formulas show. */
  sample: number;
  /** The last problem (refused network, trainer error); the trace, if any, stays. */
  error: string | null;
  /** The trainer's error code ('refused': the network or batch is too big to show). */
  errorCode: string | null;
  /** The template `error` was made from, to show it in the UI's language (i18n/run-message-text.ts). */
  errorKey?: string;
  errorParams?: MessageParams;
  /** The run reached its last epoch: Rewind to step again. */
  finished: boolean;
  /** The parameter the user picked (for the gradient check of one weight). */
  selected: GradientTarget | null;
  gradient: { status: 'idle' | 'checking' | 'done'; result: GradientCheckResult | null };
}

/** One lane of a comparison: a variant's run and what it reported. */
export interface CompareLane {
  id: string;
  title: LocalizedText;
  runId: string;
  state: 'starting' | 'running' | 'done' | 'diverged' | 'stopped' | 'failed';
  /** Per finished epoch: training and validation loss (null without a validation split). */
  epochs: { epoch: number; train: number; val: number | null }[];
  lastLoss: number | null;
  /** ‖∂E/∂W‖ per dense layer from the latest snapshot (input side first). */
  gradNorms: number[] | null;
  error: string | null;
  /** The template `error` was made from (see `StepModeState.errorKey`). */
  errorKey?: string;
  errorParams?: MessageParams;
}

/** The comparison on show: which lesson (or 'race-current': the editor's project) and its lanes. */
export interface CompareState {
  key: string | null;
  lanes: CompareLane[];
}

/** A variant to run in a comparison lane. */
export interface LaneSpec {
  id: string;
  title: LocalizedText;
  project: Project;
}

export interface ClassroomState {
  panel: ClassroomPanel | null;
  /** The lesson opened last (its card shows over the canvas), or null. */
  lessonId: string | null;
  lessonCardOpen: boolean;
  decimals: number;
  presentation: boolean;
}

export interface ClassroomSlice {
  classroom: ClassroomState;
  stepMode: StepModeState;
  compare: CompareState;
  /** Opens trainer connections for Step mode and lanes; tests replace it with fakes. */
  laneConnector: LaneConnector;

  setClassroom(patch: Partial<ClassroomState>): void;
  openPanel(panel: ClassroomPanel | null): void;
  /**
   * Loads a lesson's project (or one variant's), named in `language`, and opens the
   * lesson's view (Step mode starts tracing; a comparison panel opens).
   */
  openLesson(lessonId: string, variantId?: string, language?: LessonLanguage): boolean;
  /** Starts Step mode on the editor's project and traces its first step. */
  startStepMode(): void;
  /** Traces the next step of the same run. */
  traceNextStep(): void;
  /** Starts over from the same initial weights (same seed), or from a fresh seed. */
  rewindStep(freshSeed: boolean): void;
  goToStage(index: number): void;
  nextStage(): void;
  previousStage(): void;
  setStepSample(row: number): void;
  selectParam(target: GradientTarget | null): void;
  /** Compares backpropagation with finite differences on the next batch: all parameters or the selected one. */
  checkGradients(which: 'all' | 'selected'): void;
  closeStepMode(): void;
  /** Trains every lane at once (each on its own connection), replacing any comparison running. */
  startCompare(key: string, lanes: readonly LaneSpec[]): void;
  stopCompare(): void;
}

export const STEP_OFF: StepModeState = {
  status: 'off',
  runId: null,
  project: null,
  seed: null,
  trace: null,
  steps: 0,
  stageIndex: 0,
  sample: 0,
  error: null,
  errorCode: null,
  finished: false,
  selected: null,
  gradient: { status: 'idle', result: null },
};

let idCounter = 0;
function classroomRunId(kind: string): string {
  idCounter += 1;
  return `${kind}-${Date.now().toString(36)}-${idCounter}`;
}

/** A new random training seed (Math.random is fine here: the UI picks it, the engine stays seeded). */
function freshSeed(): number {
  return 1 + Math.floor(Math.random() * 1_000_000);
}

export function createClassroomSlice(): StateCreator<AppState, [], [], ClassroomSlice> {
  let stepLane: LaneConnection | null = null;
  const lanes = new Map<string, LaneConnection>();

  return (set, get) => {
    const patchStep = (patch: Partial<StepModeState>) => set({ stepMode: { ...get().stepMode, ...patch } });

    const closeStepLane = () => {
      stepLane?.close();
      stepLane = null;
    };

    const closeLanes = () => {
      for (const lane of lanes.values()) lane.close();
      lanes.clear();
    };

    const onStepMessage = (msg: FromTrainer) => {
      const s = get().stepMode;
      if (!('runId' in msg) || (msg.runId !== null && msg.runId !== s.runId)) return;
      switch (msg.type) {
        case 'trace':
          patchStep({ status: 'ready', trace: msg.trace, steps: s.steps + 1, stageIndex: 0, sample: 0, error: null, errorCode: null, gradient: { status: 'idle', result: null } });
          return;
        case 'gradient-check':
          patchStep({ gradient: { status: 'done', result: msg.result } });
          return;
        case 'error':
          patchStep({ status: s.trace ? 'ready' : 'error', error: msg.message, errorCode: msg.code, errorKey: msg.key, errorParams: msg.params, gradient: s.gradient.status === 'checking' ? { status: 'idle', result: null } : s.gradient });
          return;
        case 'done':
          patchStep({ finished: true });
          return;
        default:
          return;
      }
    };

    /** (Re)starts the step run on `project` (its seed replaced by `seed` when given) and traces step 1. */
    const startStepRun = (project: Project, seed: number | null) => {
      closeStepLane();
      const traced: Project = seed === null ? project : { ...project, training: { ...project.training, seed } };
      const runId = classroomRunId('step');
      const lane = get().laneConnector('step');
      stepLane = lane;
      lane.connection.subscribe(onStepMessage);
      lane.connection.onLost?.((reason) => patchStep({ status: 'error', error: reason, errorCode: 'trainer-exit', errorKey: undefined, errorParams: undefined }));
      set({ stepMode: { ...STEP_OFF, status: 'tracing', runId, project, seed }, classroom: { ...get().classroom, panel: 'step' } });
      const datasetText = dataTextFor(traced.dataset);
      lane.connection.send({ v: PROTOCOL_VERSION, type: 'start', runId, project: traced, paused: true, checkpointEverySeconds: 0, ...(datasetText !== undefined && { datasetText }) });
      lane.connection.send({ v: PROTOCOL_VERSION, type: 'trace-step', runId });
    };

    const onLaneMessage = (laneId: string, msg: FromTrainer) => {
      const { compare } = get();
      const index = compare.lanes.findIndex((l) => l.id === laneId);
      if (index < 0) return;
      const lane = compare.lanes[index];
      if (!('runId' in msg) || (msg.runId !== null && msg.runId !== lane.runId)) return;
      let next: CompareLane = lane;
      switch (msg.type) {
        case 'metrics': {
          const epochs = msg.epochs.map((e) => ({ epoch: e.epoch, train: e.trainLoss, val: e.valLoss }));
          const last = msg.steps.length > 0 ? msg.steps[msg.steps.length - 1].loss : lane.lastLoss;
          if (epochs.length === 0 && last === lane.lastLoss) return;
          next = { ...lane, epochs: epochs.length > 0 ? [...lane.epochs, ...epochs] : lane.epochs, lastLoss: last };
          break;
        }
        case 'status':
          if (lane.state !== 'starting' || msg.state !== 'running') return;
          next = { ...lane, state: 'running' };
          break;
        case 'snapshot':
          lanes.get(laneId)?.connection.send({ v: PROTOCOL_VERSION, type: 'snapshot-ack', runId: lane.runId, seq: msg.seq });
          next = { ...lane, gradNorms: msg.layers.map((l) => l.gradNorm) };
          break;
        case 'done':
          next = { ...lane, state: msg.reason === 'completed' ? 'done' : msg.reason === 'diverged' ? 'diverged' : 'stopped' };
          break;
        case 'error':
          next = { ...lane, state: msg.code === 'diverged' ? 'diverged' : 'failed', error: msg.message, errorKey: msg.key, errorParams: msg.params };
          break;
        default:
          return;
      }
      const updated = compare.lanes.slice();
      updated[index] = next;
      set({ compare: { ...compare, lanes: updated } });
      // 'done' is a run's last message; a failed lane sends nothing more either.
      if (msg.type === 'done' || next.state === 'failed') {
        lanes.get(laneId)?.close();
        lanes.delete(laneId);
      }
    };

    return {
      classroom: { panel: null, lessonId: null, lessonCardOpen: true, decimals: DEFAULT_DECIMALS, presentation: false },
      stepMode: STEP_OFF,
      compare: { key: null, lanes: [] },
      laneConnector: openTrainerLane,

      setClassroom(patch) {
        set({ classroom: { ...get().classroom, ...patch } });
      },

      openPanel(panel) {
        const { classroom, stepMode } = get();
        if (panel === 'step' && stepMode.status === 'off') {
          get().startStepMode();
          return;
        }
        set({ classroom: { ...classroom, panel } });
      },

      openLesson(lessonId, variantId, language = 'en') {
        const lesson = findLesson(lessonId);
        if (!lesson) return false;
        const variant = variantId === undefined ? null : lesson.variants.find((v) => v.id === variantId) ?? null;
        const project = variant ? variant.project() : lesson.project();
        const name = variant ? `${lesson.title[language]} — ${variant.title[language]}` : lesson.title[language];
        get().loadProject({ ...project, name: name.slice(0, LIMITS.maxNameLength) });
        closeStepLane();
        set({ stepMode: STEP_OFF, classroom: { ...get().classroom, lessonId, lessonCardOpen: true, panel: null } });
        if (lesson.view === 'step') get().startStepMode();
        else if (lesson.view === 'compare') {
          if (get().compare.key !== lessonId) {
            closeLanes();
            set({ compare: { key: lessonId, lanes: [] } });
          }
          get().setClassroom({ panel: 'compare' });
        }
        return true;
      },

      startStepMode() {
        startStepRun(get().project, null);
      },

      traceNextStep() {
        const { stepMode } = get();
        if (!stepLane || stepMode.runId === null || stepMode.status === 'tracing' || stepMode.finished) return;
        patchStep({ status: 'tracing', error: null, errorCode: null });
        stepLane.connection.send({ v: PROTOCOL_VERSION, type: 'trace-step', runId: stepMode.runId });
      },

      rewindStep(fresh) {
        const { stepMode, project } = get();
        // Rewind repeats the traced project; after an edit it traces the edited one.
        const base = stepMode.project && stepMode.project === project ? stepMode.project : project;
        startStepRun(base, fresh ? freshSeed() : stepMode.project === project ? stepMode.seed : null);
      },

      goToStage(index) {
        const { stepMode } = get();
        const count = stepMode.trace?.stages.length ?? 0;
        if (count === 0) return;
        const clamped = Math.min(count - 1, Math.max(0, Math.floor(index)));
        if (clamped !== stepMode.stageIndex) patchStep({ stageIndex: clamped });
      },

      nextStage() {
        get().goToStage(get().stepMode.stageIndex + 1);
      },

      previousStage() {
        get().goToStage(get().stepMode.stageIndex - 1);
      },

      setStepSample(row) {
        const rows = get().stepMode.trace?.rows ?? 0;
        if (row >= 0 && row < rows) patchStep({ sample: row });
      },

      selectParam(target) {
        patchStep({ selected: target });
      },

      checkGradients(which) {
        const { stepMode } = get();
        if (!stepLane || stepMode.runId === null || stepMode.finished) return;
        const target = which === 'selected' && stepMode.selected ? stepMode.selected : 'all';
        patchStep({ gradient: { status: 'checking', result: null } });
        stepLane.connection.send({ v: PROTOCOL_VERSION, type: 'check-gradient', runId: stepMode.runId, target });
      },

      closeStepMode() {
        closeStepLane();
        const { classroom } = get();
        set({ stepMode: STEP_OFF, classroom: { ...classroom, panel: classroom.panel === 'step' ? null : classroom.panel } });
      },

      startCompare(key, specs) {
        closeLanes();
        const started: CompareLane[] = specs.map((spec) => ({
          id: spec.id,
          title: spec.title,
          runId: classroomRunId(`lane-${spec.id}`),
          state: 'starting',
          epochs: [],
          lastLoss: null,
          gradNorms: null,
          error: null,
        }));
        set({ compare: { key, lanes: started }, classroom: { ...get().classroom, panel: 'compare' } });
        specs.forEach((spec, i) => {
          const lane = get().laneConnector(`race-${i + 1}`);
          lanes.set(spec.id, lane);
          lane.connection.subscribe((msg) => onLaneMessage(spec.id, msg));
          lane.connection.onLost?.((reason) => onLaneMessage(spec.id, { v: PROTOCOL_VERSION, type: 'error', runId: started[i].runId, code: 'internal', message: reason, nodeId: null }));
          const datasetText = dataTextFor(spec.project.dataset);
          lane.connection.send({ v: PROTOCOL_VERSION, type: 'start', runId: started[i].runId, project: spec.project, stepsPerSecond: 0, checkpointEverySeconds: 0, ...(datasetText !== undefined && { datasetText }) });
        });
      },

      stopCompare() {
        const { compare } = get();
        for (const lane of compare.lanes) {
          if (lane.state === 'starting' || lane.state === 'running') lanes.get(lane.id)?.connection.send({ v: PROTOCOL_VERSION, type: 'stop', runId: lane.runId });
        }
      },
    };
  };
}
