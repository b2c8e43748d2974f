/**
 * The training half of the store: the run controls (Train, Pause, Resume, Step, Stop,
 * Reset), the trainer connection and the notices. Every run has a fresh `runId`; messages
 * of any other run are dropped in `applyTrainerMessage`.
 */
import type { StateCreator } from 'zustand';
import type { Checkpoint } from '../../src-engine/checkpoint';
import type { ResumeFrom } from '../../src-engine/protocol/messages';
import { PROTOCOL_VERSION } from '../../src-engine/protocol/messages';
import { dataTextFor } from '../data/data-texts';
import { createLossHistory } from './loss-history';
import { applyTrainerMessage, IDLE_RUN, startingRun, withState, type RunPhase } from './run-status';
import type { AppState, RunSlice, StoreDeps } from './types';

/** Phases in which a run exists on the trainer and accepts pause/resume/step/stop. */
export function isActivePhase(state: RunPhase): boolean {
  return state === 'starting' || state === 'running' || state === 'paused';
}

/** Why Train (or Step from idle) cannot start now, or null when it can. */
export function trainBlocker(s: Pick<AppState, 'analysis' | 'run' | 'connection'>): 'invalid' | 'active' | 'no-trainer' | null {
  if (isActivePhase(s.run.state)) return 'active';
  if (!s.analysis.ok) return 'invalid';
  if (!s.connection) return 'no-trainer';
  return null;
}

/** Keeps the newest notices only; old ones scroll away. */
const MAX_NOTICES = 5;

/**
 * The speed a run starts at until the user picks another. At full speed the first-start
 * example (10,000 steps) is over in about half a second; at 100 steps/s a newcomer watches
 * its loss fall from 0.7 to near 0 over the first 10-20 s (measured in Chromium). "Full
 * speed" is one click away in the Speed select, and the choice holds for the session.
 */
export const DEFAULT_SPEED = 100;

/** The choices of the Speed select, in steps per second (0: full speed). */
export const SPEEDS = [0, 1000, 100, 10, 1] as const;

export function createRunSlice(deps: StoreDeps): StateCreator<AppState, [], [], RunSlice> {
  let nextNoticeId = 1;
  return (set, get) => {
    /** Starts a new run; returns its id, or null when Train is blocked. */
    const startRun = (paused: boolean, resumeFrom: ResumeFrom | null = null): string | null => {
      const s = get();
      if (trainBlocker(s) !== null || !s.connection) return null;
      const runId = deps.newRunId();
      set({ run: startingRun(runId), history: createLossHistory(), notices: [], snapshot: null, runProject: s.project });
      // A file-backed data set travels as the text read in this session (the trainer reads no files).
      const datasetText = dataTextFor(s.project.dataset);
      s.connection.send({ v: PROTOCOL_VERSION, type: 'start', runId, project: s.project, paused, stepsPerSecond: s.speed, resumeFrom, ...(datasetText !== undefined && { datasetText }) });
      return runId;
    };

    /** Sends a control message for the current run when one is active. */
    const control = (type: 'pause' | 'resume' | 'stop'): void => {
      const { run, connection } = get();
      if (!connection || run.runId === null || !isActivePhase(run.state)) return;
      connection.send({ v: PROTOCOL_VERSION, type, runId: run.runId });
    };

    return {
      run: IDLE_RUN,
      runProject: null,
      snapshot: null,
      speed: DEFAULT_SPEED,
      history: createLossHistory(),
      trainerHost: null,
      notices: [],
      connection: null,
      lastCheckpoint: null,

      attachTrainer(connection) {
        set({ connection });
        const unsubscribe = connection.subscribe((msg) => get().receive(msg));
        const unlost = connection.onLost?.((reason) => get().trainerLost(reason));
        return () => {
          unsubscribe();
          unlost?.();
          if (get().connection === connection) set({ connection: null });
        };
      },

      train() {
        startRun(false);
      },

      setSpeed(stepsPerSecond) {
        if (!Number.isFinite(stepsPerSecond) || stepsPerSecond < 0) return;
        set({ speed: stepsPerSecond });
        const { run, connection } = get();
        if (!connection || run.runId === null || !isActivePhase(run.state)) return;
        connection.send({ v: PROTOCOL_VERSION, type: 'set-speed', runId: run.runId, stepsPerSecond });
      },

      pause() {
        if (get().run.state === 'running') control('pause');
      },

      resume() {
        if (get().run.state === 'paused') control('resume');
      },

      step(unit = 'batch') {
        const { run, connection } = get();
        let runId = run.runId;
        if (!isActivePhase(run.state)) runId = startRun(true);
        if (!connection || runId === null) return;
        connection.send({ v: PROTOCOL_VERSION, type: 'step', runId, unit: unit === 'epoch' ? 'epoch' : 'batch', count: 1 }); // a click handler may pass its event as `unit`
      },

      stop() {
        control('stop');
      },

      reset() {
        control('stop');
        // The weights are re-initialised by the next Train from the same seed.
        set({ run: IDLE_RUN, history: createLossHistory(), snapshot: null, runProject: null, lastCheckpoint: null });
        get().clearViews();
      },

      setLiveHyperparameters(values) {
        const { run, connection } = get();
        if (!connection || run.runId === null || !isActivePhase(run.state)) return;
        connection.send({ v: PROTOCOL_VERSION, type: 'set-hyperparameters', runId: run.runId, values });
        get().markLiveChange(values);
      },

      receive(msg) {
        const s = get();
        if (msg.type === 'snapshot') {
          if (msg.runId !== s.run.runId) return;
          const snapshot = { runId: msg.runId, seq: msg.seq, step: msg.step, layers: msg.layers, ...(msg.views ? { views: msg.views } : {}) };
          set({ snapshot });
          get().recordSnapshot(snapshot);
          // Acknowledge once the frame showing it is drawn: the trainer sends the next one
          // only then, so a slow renderer never builds a queue (see 'snapshot-ack').
          deps.afterFrame(() => {
            const { connection, run } = get();
            if (connection && run.runId === msg.runId) {
              connection.send({ v: PROTOCOL_VERSION, type: 'snapshot-ack', runId: msg.runId, seq: msg.seq });
            }
          });
          return;
        }
        if (msg.type === 'checkpoint') {
          // Kept for saving beside the autosave (saved-run.ts): a restart continues from it.
          if (msg.runId === s.run.runId && s.runProject) set({ lastCheckpoint: { runId: msg.runId, project: s.runProject, checkpoint: msg.checkpoint } });
          return;
        }
        // A completed run has nothing left to continue.
        if (msg.type === 'done' && msg.reason === 'completed' && msg.runId === s.run.runId) set({ lastCheckpoint: null });
        const result = applyTrainerMessage({ run: s.run, history: s.history, trainerHost: s.trainerHost }, msg, deps.now());
        if (!result) return;
        set(result.view);
        if (result.notice) get().notify(result.notice);
      },

      resumeFromLastWeights(lrFactor) {
        const { snapshot, runProject } = get();
        if (!snapshot || snapshot.layers.length === 0) return false;
        if (lrFactor !== undefined && runProject) {
          const optimizer = get().project.training.optimizer;
          get().updateTraining({ optimizer: { ...optimizer, lr: Math.max(1e-12, optimizer.lr * lrFactor) } });
        }
        const layers = snapshot.layers.map((l) => ({ nodeId: l.nodeId, weights: l.weights, bias: l.bias }));
        return startRun(false, { type: 'weights', layers }) !== null;
      },

      continueFromCheckpoint(checkpoint) {
        const runId = startRun(false, { type: 'checkpoint', checkpoint });
        if (runId === null) return false;
        // The saved run is now this run's: Reset or completion forgets it, the next pause replaces it.
        set({ lastCheckpoint: { runId, project: get().project, checkpoint: checkpoint as Checkpoint } });
        return true;
      },

      trainerLost(reason) {
        const { run } = get();
        if (isActivePhase(run.state)) set({ run: withState(run, 'failed', deps.now()) });
        set({ trainerHost: null });
        get().notify({ level: 'error', code: 'trainer-exit', message: reason, nodeId: null });
      },

      notify(notice) {
        const notices = [...get().notices, { ...notice, id: nextNoticeId++ }];
        set({ notices: notices.slice(-MAX_NOTICES) });
      },

      dismissNotice(id) {
        set({ notices: get().notices.filter((n) => n.id !== id) });
      },
    };
  };
}
