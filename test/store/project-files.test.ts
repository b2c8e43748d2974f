/**
 * Project files: save → open is lossless, and a fuzzed, truncated, foreign or newer file
 * never throws and never replaces the open project (it is named with its problem instead).
 */
import fc from 'fast-check';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { PROJECT_VERSION, type Project } from '../../src-engine/project';
import { openProjectText } from '../../src-renderer/app/file-actions';
import { readProjectText, serializeProject, suggestFileName } from '../../src-renderer/bridge/project-files';
import { en } from '../../src-renderer/i18n/en';
import { appStore, createAppStore } from '../../src-renderer/store/app-store';

beforeAll(async () => {
  await i18next.init({ resources: { en: { translation: en } }, lng: 'en', showSupportNotice: false });
});

/** A project that uses much of the format: every layer kind, manual weights, schedule, clipping. */
function richProject(): Project {
  const store = createAppStore(createSpiralExample());
  const s = store.getState();
  s.addNode('dropout', { x: 10.5, y: -3.25 }, 'Dropout');
  s.addNode('activation', { x: 100, y: 200 }, 'Activation');
  s.updateNodeData('hidden1', { activation: 'leaky_relu', alpha: 0.2, l2: 1e-4, kernelInitializer: { type: 'manual', values: Array.from({ length: 16 }, (_, i) => i / 7 - 1) } });
  s.updateTraining({ schedule: { type: 'cosine', periodEpochs: 50, minLr: 1e-5 }, clip: { type: 'value', clipValue: 0.5 } });
  s.renameProject('Rich “project” – 한국어');
  return store.getState().project;
}

describe('save → open round trip', () => {
  it('is lossless for the example and a project using much of the format', () => {
    for (const project of [createSpiralExample(), richProject()]) {
      const text = serializeProject(project);
      const r = readProjectText(text, 'p.layerlab.json', null);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.project).toEqual(project);
      expect(serializeProject(r.project)).toBe(text);
    }
  });

  it('suggests a kebab-case .layerlab.json name', () => {
    expect(suggestFileName({ ...createSpiralExample(), name: 'My Net: v2!' })).toBe('my-net-v2.layerlab.json');
    expect(suggestFileName({ ...createSpiralExample(), name: '한국어' })).toBe('project.layerlab.json');
  });
});

describe('bad files', () => {
  const good = serializeProject(richProject());

  it('never throws on truncated files and accepts only valid ones', () => {
    // Everything short of the closing brace is cut JSON.
    for (let n = 0; n < good.trimEnd().length; n += 7) {
      const r = readProjectText(good.slice(0, n), 'cut.json', null);
      expect(r.ok).toBe(false);
    }
  });

  it('never throws on fuzzed files', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length - 1 }), fc.string({ maxLength: 8 }), fc.nat({ max: 8 }), (at, insert, remove) => {
        const text = good.slice(0, at) + insert + good.slice(at + remove);
        const r = readProjectText(text, 'fuzzed.json', null);
        if (r.ok) expect(r.project.format).toBe('layerlab-project');
        else expect(!r.canceled && r.error).toMatch(/^fuzzed\.json: /);
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => readProjectText(JSON.stringify(value) ?? '', 'random.json', null)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it('names a newer format version instead of listing schema errors', () => {
    const newer = JSON.stringify({ ...JSON.parse(good), version: PROJECT_VERSION + 1 });
    const r = readProjectText(newer, 'future.layerlab.json', null);
    expect(r.ok).toBe(false);
    if (!r.ok && !r.canceled) expect(r.error).toMatch(/future\.layerlab\.json: .*newer LayerLab/);
  });

  it('leaves the open project untouched and says why', async () => {
    const before = appStore.getState().project;
    for (const text of ['', '{', '{"format":"something-else"}', good.slice(0, good.length / 2), JSON.stringify({ ...JSON.parse(good), version: 99 })]) {
      await openProjectText(text, 'bad.layerlab.json', null);
      expect(appStore.getState().project).toBe(before);
    }
    const notices = appStore.getState().notices;
    expect(notices.at(-1)).toMatchObject({ level: 'error', code: 'open-failed' });
    expect(notices.at(-1)?.message).toContain('bad.layerlab.json');
  });

  it('opens a good file through the same path', async () => {
    await openProjectText(good, 'rich.layerlab.json', '/p/rich.layerlab.json');
    expect(appStore.getState().project).toEqual(JSON.parse(good));
    expect(appStore.getState()).toMatchObject({ filePath: '/p/rich.layerlab.json', dirty: false });
  });
});
