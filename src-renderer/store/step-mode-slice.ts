/**
 * Step mode, the classroom's walk through one training step: a traced step shown stage by
 * stage, with a gradient check. It talks to the trainer over a connection of its own
 * (`laneConnector('step')`), so it is its own run and the editor's run is never touched.
 * Part of the classroom slice (classroom-slice.ts).
 */
import type { StoreApi } from 'zustand';
import type { GradientCheckResult, GradientTarget } from '../../src-engine/inspect/gradient-check';
import type { StepTrace } from '../../src-engine/inspect/step-trace-types';
import type { Project } from '../../src-engine/project';
import { PROTOCOL_VERSION, type FromTrainer } from '../../src-engine/protocol/messages';
import type { MessageParams } from '../../src-engine/run-messages';
import { dataTextFor } from '../data/data-texts';
import type { LaneConnection } from '../classroom/lane-connection';
import { classroomRunId } from './classroom-run-id';
import type { AppState } from './types';

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

/** Step mode's state and actions. */
export interface StepModeSlice {
  stepMode: StepModeState;
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
}

/** A new random training seed (Math.random is fine here: the UI picks it, the engine stays seeded). */
function freshSeed(): number {
  return 1 + Math.floor(Math.random() * 1_000_000);
}

/**
 * Step mode's part of the store. `closeStepLane` closes its trainer connection without
 * touching state (opening a lesson does that along with its own changes).
 */
export function createStepModeSlice(
  set: StoreApi<AppState>['setState'],
  get: StoreApi<AppState>['getState'],
): { slice: StepModeSlice; closeStepLane: () => void } {
  let stepLane: LaneConnection | null = null;
  const patchStep = (patch: Partial<StepModeState>) => set({ stepMode: { ...get().stepMode, ...patch } });

  const closeStepLane = () => {
    stepLane?.close();
    stepLane = null;
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

  const slice: StepModeSlice = {
    stepMode: STEP_OFF,

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
  };
  return { slice, closeStepLane };
}
