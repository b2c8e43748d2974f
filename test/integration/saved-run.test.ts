/**
 * A long run survives a restart exactly: N steps straight equal N/2 steps, the checkpoint
 * written to disk as main writes it (JSON, atomic file), a NEW trainer process started from
 * it, and N/2 more steps: bit-identical weights and the same per-step losses (same batches,
 * same optimizer state). A checkpoint that does not fit the edited graph is refused whole.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCheckpointRecord } from '../../src-engine/checkpoint-record';
import { createSpiralExample } from '../../src-engine/examples';
import { projectSchema, type Project } from '../../src-engine/project';
import { PROTOCOL_VERSION, stepPointsFrom, type FromTrainer } from '../../src-engine/protocol/messages';
import { createCheckpointStore } from '../../src-main/checkpoint-store';
import { startTrainerChild, type TrainerChild } from './trainer-child';

type Of<T extends FromTrainer['type']> = Extract<FromTrainer, { type: T }>;
const is =
  <T extends FromTrainer['type']>(type: T, runId?: string) =>
  (m: FromTrainer): m is Of<T> =>
    m.type === type && (runId === undefined || !('runId' in m) || m.runId === runId);

const children: TrainerChild[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill();
});

async function trainer(): Promise<TrainerChild> {
  const c = startTrainerChild();
  children.push(c);
  await c.waitFor(is('ready'));
  return c;
}

/**
 * The spiral example (Adam, shuffled every epoch) with a dropout layer added: optimizer
 * state, the shuffle RNG and the dropout RNG all have to come back for the weights to match.
 */
function statefulSpiral(): Project {
  const project = createSpiralExample();
  project.graph.nodes.push(projectSchema.shape.graph.shape.nodes.element.parse({ id: 'drop', type: 'dropout', position: { x: 360, y: 80 }, data: { rate: 0.2 } }));
  project.graph.edges = project.graph.edges
    .filter((e) => e.id !== 'e-hidden1-hidden2')
    .concat([
      { id: 'e-hidden1-drop', source: 'hidden1', target: 'drop' },
      { id: 'e-drop-hidden2', source: 'drop', target: 'hidden2' },
    ]);
  return projectSchema.parse(project);
}

/** Takes `count` steps of paused run `runId` and returns the snapshot at `step`. */
async function stepTo(c: TrainerChild, runId: string, count: number, step: number): Promise<Of<'snapshot'>> {
  const from = c.messages.length;
  c.send({ v: PROTOCOL_VERSION, type: 'step', runId, count });
  return (await c.waitFor((m) => m.type === 'snapshot' && m.runId === runId && m.step === step, 30_000, from)) as Of<'snapshot'>;
}

const weightsOf = (s: Of<'snapshot'>) => s.layers.map((l) => [Array.from(l.weights), Array.from(l.bias ?? [])]);
const lossesOf = (c: TrainerChild, runId: string, after: number) =>
  c.messages.filter(is('metrics', runId)).flatMap((m) => stepPointsFrom(m.steps).filter((p) => p.step > after).map((p) => [p.step, p.loss]));

const N = 300; // 320 training samples in batches of 16: N/2 = 150 stops in the middle of epoch 8

describe('continuing a saved run in a new trainer process', () => {
  it('gives bit-identical weights and losses to a run that never stopped', async () => {
    const project = statefulSpiral();
    const straight = await trainer();
    straight.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'straight', project, paused: true });
    const expected = await stepTo(straight, 'straight', N, N);

    // The first half, then the checkpoint as the app saves it: through main's store (JSON
    // text, atomic file in the data folder), and the process is killed.
    const first = await trainer();
    first.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'half', project, paused: true });
    await stepTo(first, 'half', N / 2, N / 2);
    first.send({ v: PROTOCOL_VERSION, type: 'request-checkpoint', runId: 'half' });
    const { checkpoint } = await first.waitFor(is('checkpoint', 'half'));
    expect(checkpoint.step).toBe(N / 2);
    const store = createCheckpointStore(await mkdtemp(join(tmpdir(), 'layerlab-saved-run-')), 64 * 1024 * 1024);
    expect(await store.write(createCheckpointRecord(project, checkpoint, Date.now()))).toEqual({ ok: true });
    first.process.kill('SIGKILL');
    expect(await first.exited).toBeNull();

    const saved = await store.read();
    if (!saved) throw new Error('The saved run did not read back.');
    const second = await trainer();
    second.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'continued', project: saved.project, paused: true, resumeFrom: { type: 'checkpoint', checkpoint: saved.checkpoint } });
    const resumedStatus = await second.waitFor(is('status', 'continued'));
    expect(resumedStatus.step).toBe(N / 2);
    const continued = await stepTo(second, 'continued', N / 2, N);

    expect(weightsOf(continued)).toEqual(weightsOf(expected));
    const straightLosses = lossesOf(straight, 'straight', N / 2);
    expect(straightLosses).toHaveLength(N / 2);
    expect(lossesOf(second, 'continued', N / 2)).toEqual(straightLosses);
    expect(second.invalid).toEqual([]);
  });

  it('sends a checkpoint on every pause, at the step the run paused at', async () => {
    const c = await trainer();
    c.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'p', project: createSpiralExample(), stepsPerSecond: 500 });
    await c.waitFor((m) => m.type === 'status' && m.runId === 'p' && m.step >= 20, 30_000);
    const from = c.messages.length;
    c.send({ v: PROTOCOL_VERSION, type: 'pause', runId: 'p' });
    const saved = await c.waitFor(is('checkpoint', 'p'), 15_000, from);
    expect(saved.reason).toBe('pause');
    const paused = c.messages.slice(from).filter(is('status', 'p')).find((m) => m.state === 'paused');
    expect(paused?.step).toBe(saved.checkpoint.step);
  });

  it('refuses a checkpoint that does not fit the edited graph, naming the layer, and starts nothing', async () => {
    const project = createSpiralExample();
    const c = await trainer();
    c.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'a', project, paused: true });
    await stepTo(c, 'a', 40, 40);
    c.send({ v: PROTOCOL_VERSION, type: 'request-checkpoint', runId: 'a' });
    const { checkpoint } = await c.waitFor(is('checkpoint', 'a'));

    const edited = structuredClone(project);
    const hidden = edited.graph.nodes.find((n) => n.id === 'hidden1');
    if (!hidden || hidden.type !== 'dense') throw new Error('The example has no dense layer hidden1.');
    hidden.data.units = 6;
    c.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'b', project: edited, paused: true, resumeFrom: { type: 'checkpoint', checkpoint } });
    const refused = await c.waitFor(is('error', 'b'));
    expect(refused.code).toBe('invalid-project');
    expect(refused.nodeId).toBe('hidden1');
    expect(refused.message).toMatch(/6 units.*checkpoint saved 2 × 8/);
    await new Promise((r) => setTimeout(r, 100));
    expect(c.messages.filter((m) => m.type !== 'error' && 'runId' in m && m.runId === 'b')).toEqual([]);

    // The unedited project continues from the same checkpoint.
    c.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'c', project, paused: true, resumeFrom: { type: 'checkpoint', checkpoint } });
    expect((await c.waitFor(is('status', 'c'))).step).toBe(40);
  });
});
