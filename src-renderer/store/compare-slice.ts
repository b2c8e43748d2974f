/**
 * The side-by-side comparison and optimizer race: every lane trains one variant on a trainer
 * connection of its own (`laneConnector`), all at once, and reports its losses, gradient
 * norms and end. Part of the classroom slice (classroom-slice.ts).
 */
import type { StoreApi } from 'zustand';
import type { LocalizedText } from '../../src-engine/lessons';
import type { Project } from '../../src-engine/project';
import { PROTOCOL_VERSION, type FromTrainer } from '../../src-engine/protocol/messages';
import type { MessageParams } from '../../src-engine/run-messages';
import { dataTextFor } from '../data/data-texts';
import type { LaneConnection } from '../classroom/lane-connection';
import { classroomRunId } from './classroom-run-id';
import type { AppState } from './types';

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

/** The comparison's state and actions. */
export interface CompareSlice {
  compare: CompareState;
  /** Trains every lane at once (each on its own connection), replacing any comparison running. */
  startCompare(key: string, lanes: readonly LaneSpec[]): void;
  stopCompare(): void;
}

/**
 * The comparison's part of the store. `closeLanes` closes every lane's trainer connection
 * without touching state (opening a lesson does that along with its own changes).
 */
export function createCompareSlice(
  set: StoreApi<AppState>['setState'],
  get: StoreApi<AppState>['getState'],
): { slice: CompareSlice; closeLanes: () => void } {
  const lanes = new Map<string, LaneConnection>();

  const closeLanes = () => {
    for (const lane of lanes.values()) lane.close();
    lanes.clear();
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
        const losses = msg.steps.loss;
        const last = losses.length > 0 ? losses[losses.length - 1] : lane.lastLoss;
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

  const slice: CompareSlice = {
    compare: { key: null, lanes: [] },

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
  return { slice, closeLanes };
}
