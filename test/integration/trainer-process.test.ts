import { afterEach, describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { createTrainingSession } from '../../src-engine/training-session';
import { PROTOCOL_VERSION, type FromTrainer } from '../../src-engine/protocol/messages';
import { startTrainerChild, type TrainerChild } from './trainer-child';

type Of<T extends FromTrainer['type']> = Extract<FromTrainer, { type: T }>;
const is =
  <T extends FromTrainer['type']>(type: T, runId?: string) =>
  (m: FromTrainer): m is Of<T> =>
    m.type === type && (runId === undefined || !('runId' in m) || m.runId === runId);

let child: TrainerChild | null = null;
afterEach(() => {
  child?.kill();
  child = null;
});

function stepLosses(c: TrainerChild, runId: string): number[] {
  return c.messages.filter(is('metrics', runId)).flatMap((m) => Array.from(m.steps.loss));
}

describe('the built trainer in a real child process', () => {
  it('announces itself, trains the example, streams falling loss and stops on request', async () => {
    child = startTrainerChild();
    const ready = await child.waitFor(is('ready'));
    expect(ready.host).toBe('node-child');

    child.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'run-1', project: createSpiralExample() });
    // Wait until at least 3 epochs are done so the comparison is over real training.
    await child.waitFor((m) => m.type === 'metrics' && m.runId === 'run-1' && m.epochs.some((e) => e.epoch >= 3), 30_000);
    const snapshot = await child.waitFor(is('snapshot', 'run-1'));
    expect(snapshot.layers.map((l) => l.nodeId)).toEqual(['hidden1', 'hidden2', 'output']);
    expect(snapshot.layers[0].inputs).toBe(2);
    expect(snapshot.layers[0].units).toBe(8);

    const epochs = child.messages.filter(is('metrics', 'run-1')).flatMap((m) => m.epochs);
    expect(epochs[0].epoch).toBe(1);
    const first = epochs[0].trainLoss;
    await child.waitFor((m) => m.type === 'metrics' && m.runId === 'run-1' && m.epochs.some((e) => e.epoch >= 30), 60_000);
    const later = child.messages.filter(is('metrics', 'run-1')).flatMap((m) => m.epochs);
    const last = later[later.length - 1].trainLoss;
    expect(last).toBeLessThan(first * 0.9);
    // Steps arrive in order, one record per optimizer step, none missing.
    const steps = child.messages.filter(is('metrics', 'run-1')).flatMap((m) => Array.from(m.steps.step));
    expect(steps.slice(0, 50)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));

    const stopFrom = child.messages.length;
    child.send({ v: PROTOCOL_VERSION, type: 'stop', runId: 'run-1' });
    const done = await child.waitFor(is('done', 'run-1'), 15_000, stopFrom);
    expect(done.reason).toBe('stopped');
    // After `done`, the run sends nothing more.
    const countAfterDone = child.messages.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(child.messages.slice(countAfterDone).filter((m) => 'runId' in m && m.runId === 'run-1')).toEqual([]);
    expect(stepLosses(child, 'run-1').every(Number.isFinite)).toBe(true);
    expect(child.invalid).toEqual([]);
  });

  it('answers a malformed message with an error and keeps serving', async () => {
    child = startTrainerChild();
    await child.waitFor(is('ready'));
    child.send({ hello: 'world' });
    child.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'x' /* no project */ });
    child.send({ v: 99, type: 'ping', nonce: 1 });
    child.send('not even an object');
    const errors = await new Promise<Of<'error'>[]>((resolve) => {
      const poll = () => {
        const found = child!.messages.filter(is('error'));
        if (found.length >= 4) resolve(found);
        else setTimeout(poll, 20);
      };
      poll();
    });
    expect(errors.every((e) => e.code === 'bad-message')).toBe(true);
    expect(errors[1].message).toContain('project');
    expect(errors[2].message).toContain('protocol version 99');
    // Still alive and serving.
    child.send({ v: PROTOCOL_VERSION, type: 'ping', nonce: 42 });
    const pong = await child.waitFor(is('pong'));
    expect(pong.nonce).toBe(42);
    expect(child.process.exitCode).toBeNull();
  });

  it('pauses, steps exactly the requested number of batches, and resumes', async () => {
    child = startTrainerChild();
    await child.waitFor(is('ready'));
    child.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'r', project: createSpiralExample(), paused: true });
    const first = await child.waitFor((m) => m.type === 'status' && m.runId === 'r' && m.state === 'paused');
    expect(first.type === 'status' && first.step).toBe(0);

    let from = child.messages.length;
    child.send({ v: PROTOCOL_VERSION, type: 'step', runId: 'r', unit: 'batch', count: 3 });
    const afterStep = await child.waitFor((m) => m.type === 'status' && m.runId === 'r' && m.step === 3, 10_000, from);
    expect(afterStep.type === 'status' && afterStep.state).toBe('paused');

    from = child.messages.length;
    child.send({ v: PROTOCOL_VERSION, type: 'step', runId: 'r', unit: 'epoch', count: 1 });
    const afterEpoch = await child.waitFor((m) => m.type === 'status' && m.runId === 'r' && m.epoch === 1 && m.state === 'paused', 10_000, from);
    if (afterEpoch.type !== 'status') throw new Error('unreachable');
    expect(afterEpoch.step).toBe(afterEpoch.stepsPerEpoch);
    await new Promise((r) => setTimeout(r, 150));
    const lastStatus = child.messages.filter(is('status', 'r')).at(-1)!;
    expect(lastStatus.step).toBe(afterEpoch.stepsPerEpoch);

    from = child.messages.length;
    child.send({ v: PROTOCOL_VERSION, type: 'resume', runId: 'r' });
    await child.waitFor((m) => m.type === 'status' && m.runId === 'r' && m.step > afterEpoch.step + 20, 10_000, from);
    child.send({ v: PROTOCOL_VERSION, type: 'stop', runId: 'r' });
    await child.waitFor(is('done', 'r'));
  });

  it('reports an untrainable project with the offending node and a stale run id as unknown', async () => {
    child = startTrainerChild();
    await child.waitFor(is('ready'));
    const project = createSpiralExample();
    project.graph.edges = project.graph.edges.filter((e) => e.target !== 'output');
    child.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'bad', project });
    const error = await child.waitFor(is('error', 'bad'));
    expect(error.code).toBe('invalid-project');
    expect(error.nodeId).not.toBeNull();
    expect(error.message.length).toBeGreaterThan(10);

    child.send({ v: PROTOCOL_VERSION, type: 'pause', runId: 'never-started' });
    const unknown = await child.waitFor(is('error', 'never-started'));
    expect(unknown.code).toBe('unknown-run');
  });

  it('exits when its parent disconnects', async () => {
    child = startTrainerChild();
    await child.waitFor(is('ready'));
    child.process.disconnect();
    expect(await child.exited).toBe(0);
  });

  it('survives a killed trainer: a new process resumes from the last weights received', async () => {
    child = startTrainerChild();
    await child.waitFor(is('ready'));
    child.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'k', project: createSpiralExample() });
    await child.waitFor((m) => m.type === 'status' && m.runId === 'k' && m.step > 200, 30_000);
    await child.waitFor(is('snapshot', 'k'));
    child.process.kill('SIGKILL');
    expect(await child.exited).toBeNull();
    const lastWeights = child.messages.filter(is('snapshot', 'k')).at(-1)!;

    child = startTrainerChild();
    await child.waitFor(is('ready'));
    child.send({
      v: PROTOCOL_VERSION,
      type: 'start',
      runId: 'k2',
      project: createSpiralExample(),
      paused: true,
      resumeFrom: { type: 'weights', layers: lastWeights.layers },
    });
    const first = await child.waitFor(is('snapshot', 'k2'));
    expect(first.layers.map((l) => Array.from(l.weights))).toEqual(lastWeights.layers.map((l) => Array.from(l.weights)));
    child.send({ v: PROTOCOL_VERSION, type: 'step', runId: 'k2', count: 5 });
    await child.waitFor((m) => m.type === 'status' && m.runId === 'k2' && m.step === 5);
  });

  it('gives the same weights in the child process as the engine in this process, bit for bit', async () => {
    const project = createSpiralExample();
    const local = createTrainingSession(project);
    if (!local.ok) throw new Error(local.error);
    for (let i = 0; i < 137; i++) local.session.trainStep();
    const expected = local.session.snapshot();

    child = startTrainerChild();
    await child.waitFor(is('ready'));
    child.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'd', project, paused: true });
    child.send({ v: PROTOCOL_VERSION, type: 'step', runId: 'd', count: 137 });
    const snapshot = await child.waitFor((m) => m.type === 'snapshot' && m.runId === 'd' && m.step === 137, 15_000);
    if (snapshot.type !== 'snapshot') throw new Error('unreachable');
    expect(snapshot.layers.map((l) => Array.from(l.weights))).toEqual(expected.map((l) => Array.from(l.weights)));
    expect(snapshot.layers.map((l) => Array.from(l.bias ?? []))).toEqual(expected.map((l) => Array.from(l.bias ?? [])));
  });
});
