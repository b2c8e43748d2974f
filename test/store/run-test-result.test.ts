/** The run status keeps the test split's result from 'done' and forgets it when a new run starts. */
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, parseFromTrainer, type FromTrainer } from '../../src-engine/protocol/messages';
import { createLossHistory } from '../../src-renderer/store/loss-history';
import { applyTrainerMessage, startingRun, withState, type TrainerView } from '../../src-renderer/store/run-status';

function message(raw: unknown): FromTrainer {
  const parsed = parseFromTrainer(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.message;
}

const running = (): TrainerView => ({ run: withState(startingRun('r'), 'running', 0), history: createLossHistory(), trainerHost: 'test' });

describe('test result in the run status', () => {
  it('stores the test loss and accuracy sent with done', () => {
    const done = message({ v: PROTOCOL_VERSION, type: 'done', runId: 'r', reason: 'completed', step: 10, epoch: 2, test: { samples: 40, loss: 0.25, accuracy: 0.9 } });
    const { view } = applyTrainerMessage(running(), done, 5)!;
    expect(view.run.state).toBe('done');
    expect(view.run.test).toEqual({ samples: 40, loss: 0.25, accuracy: 0.9 });
    expect(startingRun('next').test).toBeNull();
  });

  it('reads a done message without a test result (older trainers) as none', () => {
    const done = message({ v: PROTOCOL_VERSION, type: 'done', runId: 'r', reason: 'stopped', step: 3, epoch: 0 });
    expect(applyTrainerMessage(running(), done, 5)!.view.run.test).toBeNull();
  });

  it('refuses a test result with a non-finite loss or an accuracy above 1', () => {
    for (const test of [{ samples: 4, loss: Infinity, accuracy: null }, { samples: 4, loss: 1, accuracy: 1.5 }, { samples: 0, loss: 1, accuracy: null }]) {
      expect(parseFromTrainer({ v: PROTOCOL_VERSION, type: 'done', runId: 'r', reason: 'completed', step: 1, epoch: 1, test }).ok).toBe(false);
    }
  });
});
