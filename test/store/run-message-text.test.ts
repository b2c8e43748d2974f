/**
 * The trainer's run messages in Korean: a sentence for every template, filled with the same
 * facts; the key and params travel from the trainer host through the protocol into the
 * store's notices, and the English stays the engine's own message.
 */
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { PROTOCOL_VERSION, parseFromTrainer } from '../../src-engine/protocol/messages';
import { RUN_MESSAGES, type RunMessageKey } from '../../src-engine/run-messages';
import { runMessageText } from '../../src-renderer/i18n/run-message-text';
import { createAppStore } from '../../src-renderer/store/app-store';
import { notesLinearProject } from '../engine/helpers/projects';
import { inProcessHost } from '../protocol/in-process-host';
import { createFakeConnection } from './fixtures';

const HANGUL = /[\uac00-\ud7a3]/;
const PARAMS = { step: 37, lr: 0.125, layer: 'Hidden 7', value: 'NaN', max: 12, features: 19, units: 23, rows: 64 };

/** The figures and quoted names an English sentence states. */
const factsOf = (english: string) => english.match(/'[^']+'|\d+(?:\.\d+)?/g) ?? [];

const v = PROTOCOL_VERSION;

describe('runMessageText', () => {
  it('says every run message in Korean, with the numbers and names of the English message', () => {
    for (const key of Object.keys(RUN_MESSAGES) as RunMessageKey[]) {
      for (const value of ['NaN', 'infinite']) {
        const params = { ...PARAMS, value };
        const english = RUN_MESSAGES[key](params);
        const korean = runMessageText({ message: english, key, params }, 'ko');
        expect(korean, key).toMatch(HANGUL);
        expect(korean, key).not.toMatch(/undefined|\{\{/);
        for (const fact of factsOf(english)) expect(korean, `${key}: ${fact}`).toContain(fact.replace(/'/g, ''));
        // The loss's value: NaN stays NaN, infinite is 무한대.
        if (english.includes('loss became NaN')) expect(korean, key).toContain('손실이 NaN');
        if (english.includes('loss became infinite')) expect(korean, key).toContain('손실이 무한대');
        expect(runMessageText({ message: english, key, params }, 'en')).toBe(english);
      }
    }
  });

  it('leaves a message without a key, or with a key it does not know, in English', () => {
    expect(runMessageText({ message: 'Training stopped by an internal error: boom' }, 'ko')).toBe('Training stopped by an internal error: boom');
    expect(runMessageText({ message: 'From a newer trainer.', key: 'diverged-sideways', params: { step: 1 } }, 'ko')).toBe('From a newer trainer.');
  });

  it('carries a real divergence from the trainer host into a notice that reads in Korean', () => {
    const h = inProcessHost();
    h.send({ v, type: 'start', runId: 'run-1', project: notesLinearProject({ optimizer: { type: 'sgd', lr: 1e3 }, batchMode: 'batch' }), paused: true });
    h.send({ v, type: 'step', runId: 'run-1', count: 200 });
    h.run();
    const [error] = h.all('error');
    expect(error).toMatchObject({ code: 'diverged', nodeId: 'b1' });
    expect(error.key).toMatch(/^diverged-/);
    // The English is the template filled with the params that came along.
    expect(error.message).toBe(RUN_MESSAGES[error.key as RunMessageKey](error.params!));
    expect(error.params).toMatchObject({ lr: 1000, layer: 'b1' });
    const step = Number(/at step (\d+)/.exec(error.message)![1]);
    expect(error.params!.step).toBe(step);

    const store = createAppStore(undefined, { now: () => 0, newRunId: () => 'run-1' });
    const connection = createFakeConnection();
    store.getState().attachTrainer(connection);
    store.getState().train();
    connection.deliver(error);
    const notice = store.getState().notices.at(-1)!;
    expect(notice).toMatchObject({ code: 'diverged', message: error.message, key: error.key, params: error.params });
    const korean = runMessageText(notice, 'ko');
    expect(korean).toMatch(new RegExp(`^${step}번째 스텝에서 학습이 발산했습니다: .*'b1'.*학습률\\(1000\\)`));
    expect(runMessageText(notice, 'en')).toBe(error.message);
  });

  it('sends step mode’s refusal with its key, and says it in Korean', () => {
    const h = inProcessHost();
    const project = createSpiralExample();
    const hidden = project.graph.nodes.find((n) => n.type === 'dense')!;
    if (hidden.type === 'dense') hidden.data.units = 50;
    h.send({ v, type: 'start', runId: 'big', project, paused: true });
    h.send({ v, type: 'trace-step', runId: 'big' });
    h.run();
    const [error] = h.all('error');
    expect(error).toMatchObject({ code: 'refused', key: 'trace-too-many-units', params: { max: 10, units: 50, layer: hidden.data.name } });
    expect(runMessageText(error, 'ko')).toBe(`단계 모드는 층마다 유닛이 10개까지인 신경망만 보여 주는데, 층 '${hidden.data.name}'의 유닛은 50개입니다. 유닛을 10개 이하로 줄이세요.`);
  });
});

describe('error message key and params in the protocol', () => {
  const base = { v, type: 'error', runId: 'r', code: 'diverged', message: 'Training diverged at step 3: …', nodeId: null } as const;

  it('still reads an error without them (an older trainer)', () => {
    const parsed = parseFromTrainer(base);
    expect(parsed.ok).toBe(true);
    if (parsed.ok && parsed.message.type === 'error') expect(parsed.message.key).toBeUndefined();
  });

  it('keeps them when well formed, and refuses malformed ones', () => {
    const parsed = parseFromTrainer({ ...base, key: 'diverged-update', params: { step: 3, layer: 'h' } });
    expect(parsed).toMatchObject({ ok: true, message: { key: 'diverged-update', params: { step: 3, layer: 'h' } } });
    expect(parseFromTrainer({ ...base, key: 'Not A Key!' }).ok).toBe(false);
    expect(parseFromTrainer({ ...base, key: 'x', params: { layer: { nested: true } } }).ok).toBe(false);
    expect(parseFromTrainer({ ...base, key: 'x', params: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`p${i}`, i])) }).ok).toBe(false);
  });
});
