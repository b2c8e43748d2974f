/**
 * The held-out test split's result travels with 'done': measured once at the end of a
 * completed or stopped run, null without a test split. Checked against a session replayed
 * from the same project (the engine is deterministic in its seeds), and against the split
 * size worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import type { Project } from '../../src-engine/project';
import { PROTOCOL_VERSION, type FromTrainer } from '../../src-engine/protocol/messages';
import { createTrainingSession } from '../../src-engine/training-session';
import { inProcessHost } from './in-process-host';

const EXACT = 1e-12;

/** Runs `project` to its end in the in-process host (stopped after `stopAfterTasks` tasks if given); every message. */
function runToEnd(project: Project, stopAfterTasks: number | null = null): FromTrainer[] {
  const h = inProcessHost();
  h.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'r', project });
  if (stopAfterTasks !== null) {
    h.run(stopAfterTasks);
    h.send({ v: PROTOCOL_VERSION, type: 'stop', runId: 'r' });
  }
  h.run(100_000);
  return h.received;
}

const doneOf = (messages: FromTrainer[]) => messages.find((m): m is Extract<FromTrainer, { type: 'done' }> => m.type === 'done')!;

function spiral(testSplit: number, epochs: number): Project {
  const project = createSpiralExample();
  project.training.testSplit = testSplit;
  project.training.epochs = epochs;
  return project;
}

describe('test split result', () => {
  it('reports the test loss and accuracy of the finished network on ⌊n·testSplit⌋ samples', () => {
    const project = spiral(0.25, 3);
    const done = doneOf(runToEnd(project));
    expect(done.reason).toBe('completed');
    // The example's 400 spiral points · 0.25 = 100 test samples.
    expect(project.dataset).toMatchObject({ name: 'spiral', samples: 400 });
    expect(done.test!.samples).toBe(100);
    // The same project trained for the same steps in a fresh session gives the same test result.
    const replay = createTrainingSession(project);
    if (!replay.ok) throw new Error(replay.error);
    while (replay.session.step < done.step) replay.session.trainStep();
    const expected = replay.session.evaluateTest()!;
    expect(Math.abs(done.test!.loss - expected.loss)).toBeLessThan(EXACT);
    expect(done.test!.accuracy).toBe(expected.accuracy);
    expect(done.test!.accuracy! >= 0 && done.test!.accuracy! <= 1).toBe(true);
  });

  it('sends no test result without a test split', () => {
    expect(doneOf(runToEnd(spiral(0, 2))).test).toBeNull();
  });

  it('measures the test split of a stopped run too', () => {
    const done = doneOf(runToEnd(spiral(0.1, 1000), 5));
    expect(done.reason).toBe('stopped');
    expect(done.test!.samples).toBeGreaterThan(0);
  });
});
