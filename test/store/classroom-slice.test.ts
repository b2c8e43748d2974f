/**
 * The classroom slice on fake trainer connections: lessons load their project and view,
 * Step mode runs on a connection of its own (start paused, trace, stages, rewind, gradient
 * check), and a comparison opens one connection per lane and collects each lane's curve.
 */
import { describe, expect, it } from 'vitest';
import { checkGradient } from '../../src-engine/inspect/gradient-check';
import { traceStep } from '../../src-engine/inspect/step-trace';
import { findLesson, notes221LessonProject } from '../../src-engine/lessons';
import { PROTOCOL_VERSION, stepColumnsFrom, type ToTrainerInput } from '../../src-engine/protocol/messages';
import { RUN_MESSAGES } from '../../src-engine/run-messages';
import { runMessageText } from '../../src-renderer/i18n/run-message-text';
import { createAppStore } from '../../src-renderer/store/app-store';
import { createFakeConnection, type FakeConnection } from './fixtures';

/** A store whose classroom connections are fakes, recorded by channel. */
function setup() {
  const store = createAppStore();
  const opened: { channel: string; connection: FakeConnection; closed: boolean }[] = [];
  store.setState({
    laneConnector: (channel) => {
      const entry = { channel, connection: createFakeConnection(), closed: false };
      opened.push(entry);
      return { connection: entry.connection, close: () => void (entry.closed = true) };
    },
  });
  return { store, opened };
}

function traceOf221() {
  const traced = traceStep(notes221LessonProject());
  if (!traced.ok) throw new Error(traced.error);
  return traced;
}

const typesOf = (sent: ToTrainerInput[]) => sent.map((m) => m.type);

describe('opening a lesson', () => {
  it('loads the 2-2-1 project, named in the chosen language, and starts Step mode on its own connection', () => {
    const { store, opened } = setup();
    expect(store.getState().openLesson('notes-221', undefined, 'ko')).toBe(true);
    const s = store.getState();
    expect(s.project.name).toBe('2-2-1 계산 예제');
    expect(s.project.training).toMatchObject({ loss: 'half_sse', precision: 'float64', batchMode: 'stochastic' });
    expect(s.classroom).toMatchObject({ lessonId: 'notes-221', panel: 'step' });
    expect(s.stepMode.status).toBe('tracing');
    expect(opened.map((o) => o.channel)).toEqual(['step']);
    const sent = opened[0].connection.sent;
    expect(typesOf(sent)).toEqual(['start', 'trace-step']);
    expect(sent[0]).toMatchObject({ type: 'start', paused: true, runId: s.stepMode.runId });
    // The editor's own run is untouched.
    expect(s.run.state).toBe('idle');
  });

  it('opens a comparison lesson on its panel without training yet', () => {
    const { store, opened } = setup();
    store.getState().openLesson('optimizer-race');
    expect(store.getState().classroom.panel).toBe('compare');
    expect(store.getState().compare).toEqual({ key: 'optimizer-race', lanes: [] });
    expect(opened).toEqual([]);
  });

  it('opens one variant of a lesson', () => {
    const { store } = setup();
    store.getState().openLesson('xor', 'linear');
    expect(store.getState().project.graph.nodes.find((n) => n.id === 'hidden')?.data).toMatchObject({ activation: 'linear' });
    expect(store.getState().project.name).toBe('XOR needs a hidden layer — Linear hidden layer');
  });

  it('refuses a lesson that does not exist', () => {
    const { store } = setup();
    const before = store.getState().project;
    expect(store.getState().openLesson('no-such-lesson')).toBe(false);
    expect(store.getState().project).toBe(before);
  });
});

describe('Step mode', () => {
  it('shows the trace the trainer sends and walks its stages, clamped at both ends', () => {
    const { store, opened } = setup();
    store.getState().openLesson('notes-221');
    const { runId } = store.getState().stepMode;
    const { trace } = traceOf221();
    opened[0].connection.deliver({ v: PROTOCOL_VERSION, type: 'trace', runId: runId!, trace });
    expect(store.getState().stepMode).toMatchObject({ status: 'ready', stageIndex: 0, steps: 1 });
    store.getState().previousStage();
    expect(store.getState().stepMode.stageIndex).toBe(0);
    for (let i = 0; i < 10; i++) store.getState().nextStage();
    expect(store.getState().stepMode.stageIndex).toBe(6);
    store.getState().goToStage(2);
    expect(store.getState().stepMode.stageIndex).toBe(2);
  });

  it('drops a trace of another run', () => {
    const { store, opened } = setup();
    store.getState().openLesson('notes-221');
    opened[0].connection.deliver({ v: PROTOCOL_VERSION, type: 'trace', runId: 'someone-else', trace: traceOf221().trace });
    expect(store.getState().stepMode.trace).toBeNull();
  });

  it('traces the next step of the same run, then rewinds to the same seed or a fresh one', () => {
    const { store, opened } = setup();
    store.getState().openLesson('notes-221');
    const first = store.getState().stepMode.runId!;
    opened[0].connection.deliver({ v: PROTOCOL_VERSION, type: 'trace', runId: first, trace: traceOf221().trace });
    store.getState().traceNextStep();
    expect(typesOf(opened[0].connection.sent)).toEqual(['start', 'trace-step', 'trace-step']);

    store.getState().rewindStep(false);
    expect(opened[0].closed).toBe(true);
    const again = opened[1].connection.sent[0];
    expect(again.type === 'start' && again.project.training.seed).toBe(store.getState().project.training.seed);
    expect(store.getState().stepMode.runId).not.toBe(first);

    store.getState().rewindStep(true);
    const fresh = opened[2].connection.sent[0];
    expect(fresh.type).toBe('start');
    if (fresh.type === 'start') expect(fresh.project.training.seed).toBe(store.getState().stepMode.seed);
    expect(store.getState().stepMode.seed).not.toBeNull();
    // A fresh seed is a Step-mode choice; the project itself is not edited.
    expect(store.getState().dirty).toBe(false);
  });

  it('asks for a gradient check of everything or of the selected weight, and shows the result', () => {
    const { store, opened } = setup();
    store.getState().openLesson('notes-221');
    const runId = store.getState().stepMode.runId!;
    const traced = traceOf221();
    opened[0].connection.deliver({ v: PROTOCOL_VERSION, type: 'trace', runId, trace: traced.trace });
    store.getState().checkGradients('all');
    store.getState().selectParam({ layerIndex: 1, row: 0, col: 0 });
    store.getState().checkGradients('selected');
    const checks = opened[0].connection.sent.filter((m) => m.type === 'check-gradient');
    expect(checks.map((m) => m.type === 'check-gradient' && m.target)).toEqual(['all', { layerIndex: 1, row: 0, col: 0 }]);
    expect(store.getState().stepMode.gradient.status).toBe('checking');
    const result = checkGradient(traced.session);
    opened[0].connection.deliver({ v: PROTOCOL_VERSION, type: 'gradient-check', runId, result });
    expect(store.getState().stepMode.gradient).toMatchObject({ status: 'done', result: { passed: true } });
  });

  it('shows the trainer’s error when a step is refused', () => {
    const { store, opened } = setup();
    store.getState().openLesson('notes-221');
    const runId = store.getState().stepMode.runId!;
    opened[0].connection.deliver({ v: PROTOCOL_VERSION, type: 'error', runId, code: 'refused', message: 'Too big.', nodeId: null });
    expect(store.getState().stepMode).toMatchObject({ status: 'error', error: 'Too big.' });
    // With its template, the refusal reads in Korean too.
    const params = { max: 10, layer: 'Hidden 1', units: 50 };
    opened[0].connection.deliver({ v: PROTOCOL_VERSION, type: 'error', runId, code: 'refused', message: RUN_MESSAGES['trace-too-many-units'](params), nodeId: null, key: 'trace-too-many-units', params });
    const step = store.getState().stepMode;
    expect(runMessageText({ message: step.error!, key: step.errorKey, params: step.errorParams }, 'ko')).toBe(
      "단계 모드는 층마다 유닛이 10개까지인 신경망만 보여 주는데, 층 'Hidden 1'의 유닛은 50개입니다. 유닛을 10개 이하로 줄이세요.",
    );
  });

  it('closes its connection when Step mode closes', () => {
    const { store, opened } = setup();
    store.getState().openPanel('step');
    expect(opened).toHaveLength(1);
    store.getState().closeStepMode();
    expect(opened[0].closed).toBe(true);
    expect(store.getState().stepMode.status).toBe('off');
    expect(store.getState().classroom.panel).toBeNull();
  });
});

describe('comparisons and the optimizer race', () => {
  it('opens one connection per lane and starts every variant at full speed', () => {
    const { store, opened } = setup();
    const lesson = findLesson('optimizer-race')!;
    store.getState().startCompare('optimizer-race', lesson.variants.map((v) => ({ id: v.id, title: v.title, project: v.project() })));
    expect(opened.map((o) => o.channel)).toEqual(['race-1', 'race-2', 'race-3', 'race-4', 'race-5', 'race-6', 'race-7', 'race-8']);
    const optimizers = opened.map((o) => {
      const start = o.connection.sent[0];
      return start.type === 'start' ? [start.stepsPerSecond, start.project.training.optimizer?.type] : null;
    });
    expect(optimizers).toEqual([[0, 'sgd'], [0, 'sgd'], [0, 'sgd'], [0, 'adagrad'], [0, 'rmsprop'], [0, 'adadelta'], [0, 'adam'], [0, 'nadam']]);
    expect(store.getState().compare.lanes.map((l) => l.state)).toEqual(Array(8).fill('starting'));
  });

  it('collects each lane’s epoch losses and closes a lane when it is done', () => {
    const { store, opened } = setup();
    const lesson = findLesson('xor')!;
    store.getState().startCompare('xor', lesson.variants.map((v) => ({ id: v.id, title: v.title, project: v.project() })));
    const [linear, tanh] = store.getState().compare.lanes;
    const epoch = (e: number, loss: number) => ({ epoch: e, step: e, trainLoss: loss, valLoss: null, trainAccuracy: 0.5, valAccuracy: null });
    opened[0].connection.deliver({ v: PROTOCOL_VERSION, type: 'metrics', runId: linear.runId, steps: stepColumnsFrom([{ step: 1, epoch: 1, loss: 0.7, lr: 0.05 }]), epochs: [epoch(1, 0.7)] });
    opened[1].connection.deliver({ v: PROTOCOL_VERSION, type: 'metrics', runId: tanh.runId, steps: stepColumnsFrom([]), epochs: [epoch(1, 0.6), epoch(2, 0.4)] });
    opened[1].connection.deliver({ v: PROTOCOL_VERSION, type: 'metrics', runId: 'stale-run', steps: stepColumnsFrom([]), epochs: [epoch(3, 9)] });
    opened[1].connection.deliver({ v: PROTOCOL_VERSION, type: 'done', runId: tanh.runId, reason: 'completed', step: 2, epoch: 2 });
    const [a, b] = store.getState().compare.lanes;
    expect(a).toMatchObject({ epochs: [{ epoch: 1, train: 0.7, val: null }], lastLoss: 0.7, state: 'starting' });
    expect(b.epochs.map((e) => e.train)).toEqual([0.6, 0.4]);
    expect(b.state).toBe('done');
    expect(opened[1].closed).toBe(true);
    expect(opened[0].closed).toBe(false);
  });

  it('marks a diverged lane and stops the others on request', () => {
    const { store, opened } = setup();
    const lesson = findLesson('initialization')!;
    store.getState().startCompare('initialization', lesson.variants.map((v) => ({ id: v.id, title: v.title, project: v.project() })));
    const lanes = store.getState().compare.lanes;
    opened[1].connection.deliver({ v: PROTOCOL_VERSION, type: 'error', runId: lanes[1].runId, code: 'diverged', message: 'The loss became NaN.', nodeId: null });
    expect(store.getState().compare.lanes[1]).toMatchObject({ state: 'diverged', error: 'The loss became NaN.' });
    store.getState().stopCompare();
    expect(opened.map((o) => o.connection.sent.some((m) => m.type === 'stop'))).toEqual([true, false, true, true]);
  });

  it('keeps the snapshot’s gradient norms per lane and acknowledges the snapshot', () => {
    const { store, opened } = setup();
    const lesson = findLesson('vanishing-gradients')!;
    store.getState().startCompare('vanishing-gradients', lesson.variants.map((v) => ({ id: v.id, title: v.title, project: v.project() })));
    const lane = store.getState().compare.lanes[0];
    const layer = { nodeId: 'h1', inputs: 2, units: 1, weights: [0, 0], bias: null, weightNorm: 1, meanAbsGrad: 0 };
    opened[0].connection.deliver({ v: PROTOCOL_VERSION, type: 'snapshot', runId: lane.runId, seq: 3, step: 5, layers: [{ ...layer, gradNorm: 1e-5 }, { ...layer, gradNorm: 0.1 }] });
    expect(store.getState().compare.lanes[0].gradNorms).toEqual([1e-5, 0.1]);
    expect(opened[0].connection.sent.at(-1)).toMatchObject({ type: 'snapshot-ack', seq: 3 });
  });
});
