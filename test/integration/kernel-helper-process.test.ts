import { existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type FromTrainer } from '../../src-engine/protocol/messages';
import { createTrainingSession } from '../../src-engine/training-session';
import { startTrainerChild, type TrainerChild } from './trainer-child';
import { sparseProject } from './sparse-project';

const STEPS = 300;

let children: TrainerChild[] = [];
afterEach(() => {
  for (const c of children) c.kill();
  children = [];
  delete process.env.LAYERLAB_KERNEL_THREADS;
});

/** The built trainer as a child process with `LAYERLAB_KERNEL_THREADS` set to `threads`. */
async function startWithThreads(threads: 1 | 2): Promise<TrainerChild> {
  process.env.LAYERLAB_KERNEL_THREADS = String(threads);
  const child = startTrainerChild();
  delete process.env.LAYERLAB_KERNEL_THREADS;
  children.push(child);
  await child.waitFor((m) => m.type === 'ready');
  return child;
}

/** The child's weights and biases after `STEPS` steps of the sparse project. */
async function weightsAfterSteps(child: TrainerChild, runId: string): Promise<number[][]> {
  child.send({ v: PROTOCOL_VERSION, type: 'start', runId, project: sparseProject(), paused: true });
  child.send({ v: PROTOCOL_VERSION, type: 'step', runId, count: STEPS });
  const snapshot = await child.waitFor((m: FromTrainer) => m.type === 'snapshot' && m.runId === runId && m.step === STEPS, 60_000);
  if (snapshot.type !== 'snapshot') throw new Error('unreachable');
  return snapshot.layers.flatMap((l) => [Array.from(l.weights), Array.from(l.bias ?? [])]);
}

/** Threads of a process (Linux), or null where /proc is missing. */
function threadCount(pid: number | undefined): number | null {
  const dir = `/proc/${pid}/task`;
  return pid !== undefined && existsSync(dir) ? readdirSync(dir).length : null;
}

describe('the built trainer with a kernel helper thread', () => {
  it('trains 300 steps to the same weights, bit for bit, with one and with two threads, and still exits', async () => {
    const local = createTrainingSession(sparseProject());
    if (!local.ok) throw new Error(local.error);
    for (let s = 0; s < STEPS; s++) local.session.trainStep();
    const expected = local.session.snapshot().flatMap((l) => [Array.from(l.weights), Array.from(l.bias ?? [])]);

    const one = await startWithThreads(1);
    const two = await startWithThreads(2);
    const [oneThreads, twoThreads] = [threadCount(one.process.pid), threadCount(two.process.pid)];
    // The helper is a real extra thread in the child (where /proc shows threads).
    if (oneThreads !== null && twoThreads !== null) expect(twoThreads).toBeGreaterThan(oneThreads);
    const [single, split] = await Promise.all([weightsAfterSteps(one, 'one'), weightsAfterSteps(two, 'two')]);
    expect(single).toEqual(expected);
    expect(split).toEqual(single);

    // The weights living in shared memory still leave the process: a checkpoint and the model export.
    const from = two.messages.length;
    two.send({ v: PROTOCOL_VERSION, type: 'request-checkpoint', runId: 'two' });
    two.send({ v: PROTOCOL_VERSION, type: 'export-model', runId: 'two' });
    await two.waitFor((m) => m.type === 'checkpoint' && m.runId === 'two', 15_000, from);
    await two.waitFor((m) => m.type === 'model' && m.runId === 'two', 15_000, from);
    expect(two.messages.slice(from).filter((m) => m.type === 'error')).toEqual([]);
    expect(two.invalid).toEqual([]);

    // The helper thread does not keep the trainer alive: it exits when its parent disconnects.
    two.process.disconnect();
    expect(await two.exited).toBe(0);
  });
});
