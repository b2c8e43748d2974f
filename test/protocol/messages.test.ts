import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSpiralExample } from '../../src-engine/examples';
import { PROTOCOL_VERSION, parseFromTrainer, parseToTrainer } from '../../src-engine/protocol/messages';

describe('trainer protocol', () => {
  it('accepts a start message with a valid project and fills defaults', () => {
    const r = parseToTrainer({ v: PROTOCOL_VERSION, type: 'start', runId: 'a', project: createSpiralExample() });
    expect(r.ok).toBe(true);
    if (r.ok && r.message.type === 'start') {
      expect(r.message.paused).toBe(false);
      expect(r.message.stepsPerSecond).toBe(0);
    }
  });

  it('defaults a step to one batch', () => {
    const r = parseToTrainer({ v: PROTOCOL_VERSION, type: 'step', runId: 'a' });
    expect(r.ok && r.message.type === 'step' && [r.message.unit, r.message.count]).toEqual(['batch', 1]);
  });

  it('names the field that is wrong', () => {
    const r = parseToTrainer({ v: PROTOCOL_VERSION, type: 'step', runId: 'a', count: -3 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('count');
  });

  it('refuses another protocol version with a message that says so', () => {
    const r = parseToTrainer({ v: PROTOCOL_VERSION + 1, type: 'pause', runId: 'a' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(`protocol version ${PROTOCOL_VERSION + 1}`);
  });

  it('refuses a negative learning rate in set-hyperparameters', () => {
    expect(parseToTrainer({ v: PROTOCOL_VERSION, type: 'set-hyperparameters', runId: 'a', values: { lr: -1 } }).ok).toBe(false);
    expect(parseToTrainer({ v: PROTOCOL_VERSION, type: 'set-hyperparameters', runId: 'a', values: { lr: 0.5 } }).ok).toBe(true);
  });

  it('validates messages from the trainer, typed arrays included', () => {
    const snapshot = {
      v: PROTOCOL_VERSION,
      type: 'snapshot',
      runId: 'a',
      seq: 1,
      step: 3,
      layers: [
        { nodeId: 'h', inputs: 2, units: 1, weights: new Float32Array(2), bias: null, weightNorm: 0, gradNorm: 0, meanAbsGrad: 0 },
      ],
    };
    expect(parseFromTrainer(snapshot).ok).toBe(true);
    expect(parseFromTrainer({ ...snapshot, layers: [{ nodeId: 'h' }] }).ok).toBe(false);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const a = parseToTrainer(raw);
        const b = parseFromTrainer(raw);
        return typeof a.ok === 'boolean' && typeof b.ok === 'boolean';
      }),
      { numRuns: 500 },
    );
  });
});
