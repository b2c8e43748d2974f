import i18next from 'i18next';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { datasetSpecFromCsv, importTable } from '../../src-engine/data-import';
import { createSpiralExample } from '../../src-engine/examples';
import { clearDataTexts, dataTextFor } from '../../src-renderer/data/data-texts';
import { applyImport } from '../../src-renderer/data/import-apply';
import { keepProjectData, reportProjectData } from '../../src-renderer/data/project-data';
import { en } from '../../src-renderer/i18n/en';
import { appStore } from '../../src-renderer/store/app-store';
import { createFakeConnection } from './fixtures';

/** 70,000 rows × (3 inputs + 1 target) = 280,000 numbers: stored as a file reference. */
function largeCsv(): string {
  const rows = ['a,b,c,label'];
  for (let i = 0; i < 70_000; i++) rows.push(`${i % 7},${i % 11},${i % 13},${i % 2 ? 'odd' : 'even'}`);
  return `${rows.join('\n')}\n`;
}
const TEXT = largeCsv();
const FILE = datasetSpecFromCsv(TEXT, 'big.csv', { target: 'label', task: 'classification' });
if (!FILE.ok || FILE.spec.type !== 'file') throw new Error('expected a file-backed import');
const FILE_SPEC = FILE.spec;

beforeAll(async () => {
  await i18next.init({ resources: { en: { translation: en } }, lng: 'en', showSupportNotice: false });
});

beforeEach(() => {
  clearDataTexts();
  appStore.getState().loadProject(createSpiralExample(), null);
  appStore.setState({ notices: [] });
});

describe('applying an import to the project', () => {
  it('replaces the data set in one undo step and says what came in', () => {
    const r = importTable('x,y,c\n1,2,a\n2,3,b\n3,1,a\n', { target: 'c', task: 'classification' }, { name: 'tiny' });
    if (!r.ok) throw new Error(r.error);
    const before = appStore.getState().project;
    expect(applyImport({ spec: r.spec, report: r.report, storage: 'inline' })).toBe(true);
    const s = appStore.getState();
    expect(s.project.dataset).toBe(r.spec);
    expect(s.project.graph).toBe(before.graph);
    expect(s.analysis.shape).toMatchObject({ features: 2, task: 'classification' });
    expect(s.notices.map((n) => [n.code, n.message])).toEqual([['data-imported', 'Imported tiny: 3 rows, 2 inputs, 2 classes.']]);
    s.undoEdit();
    expect(appStore.getState().project).toBe(before);
    expect(appStore.getState().undo.past).toHaveLength(0);
  });

  it('keeps a file-backed set’s text and sends it with the next run', () => {
    const connection = createFakeConnection();
    const detach = appStore.getState().attachTrainer(connection);
    expect(applyImport({ spec: FILE_SPEC, report: FILE.ok ? FILE.report : (null as never), storage: 'file', text: TEXT })).toBe(true);
    expect(dataTextFor(FILE_SPEC)).toBe(TEXT);
    appStore.getState().train();
    const start = connection.sent.find((m) => m.type === 'start');
    expect(start && start.type === 'start' && start.datasetText === TEXT).toBe(true);
    detach();
  });

  it('refuses a file-backed set without its text and changes nothing', () => {
    const before = appStore.getState().project;
    expect(applyImport({ spec: FILE_SPEC, report: FILE.ok ? FILE.report : (null as never), storage: 'file' })).toBe(false);
    expect(appStore.getState().project).toBe(before);
    expect(appStore.getState().notices).toEqual([]);
  });

  it('on open keeps the text main read, or names the missing file', () => {
    const project = { ...createSpiralExample(), dataset: FILE_SPEC };
    reportProjectData(project);
    expect(appStore.getState().notices.map((n) => [n.level, n.code])).toEqual([['error', 'data-file-missing']]);
    expect(appStore.getState().notices[0].message).toMatch(/^This project keeps its data in big\.csv, which LayerLab has not read/);
    appStore.setState({ notices: [] });
    reportProjectData(project, { ok: false, error: 'big.csv has changed since the project was saved (hash differs).' });
    expect(appStore.getState().notices[0]?.message).toContain('big.csv has changed');
    appStore.setState({ notices: [] });
    keepProjectData(project, { ok: true, path: '/data/big.csv', text: TEXT });
    reportProjectData(project, { ok: true, path: '/data/big.csv', text: TEXT });
    expect(dataTextFor(FILE_SPEC)).toBe(TEXT);
    expect(appStore.getState().notices).toEqual([]);
  });
});
