/**
 * A file-backed data set reaches the trainer as `start.datasetText`: the host loads it with
 * `loadFileDataset` (hash checked) and trains on exactly the imported data.
 */
import { describe, expect, it } from 'vitest';
import { fileSpecFor, importTable } from '../../src-engine/data-import';
import { toInlineSpec } from '../../src-engine/datasets/inline';
import { createSpiralExample } from '../../src-engine/examples';
import type { Project } from '../../src-engine/project';
import { PROTOCOL_VERSION, parseToTrainer } from '../../src-engine/protocol/messages';
import { inProcessHost } from './in-process-host';

/** 60 rows of two features and a two-class label, from a fixed formula. */
function csvText(): string {
  const rows = ['x1,x2,label'];
  for (let i = 0; i < 60; i++) {
    const x1 = ((i * 37) % 61) / 10 - 3;
    const x2 = ((i * 53) % 67) / 11 - 3;
    rows.push(`${x1},${x2},${x1 * x2 > 0 ? 'same' : 'other'}`);
  }
  return `${rows.join('\n')}\n`;
}

const TEXT = csvText();
const imported = importTable(TEXT, { target: 'label', task: 'classification' }, { name: 'signs' });
if (!imported.ok) throw new Error(imported.error);
const FILE_SPEC = fileSpecFor(imported.dataset, imported.report, 'signs.csv', TEXT, { target: 'label', task: 'classification' });
const withData = (dataset: Project['dataset']): Project => ({ ...createSpiralExample(), dataset });

/** Starts paused, takes `steps` batches and returns the messages. */
function trainSteps(project: Project, datasetText: string | undefined, steps: number) {
  const h = inProcessHost();
  h.send({ v: PROTOCOL_VERSION, type: 'start', runId: 'r', project, paused: true, ...(datasetText !== undefined && { datasetText }) });
  h.send({ v: PROTOCOL_VERSION, type: 'step', runId: 'r', count: steps });
  h.run();
  return { errors: () => h.all('error'), losses: (runId: string) => h.metricSteps(runId).map((s) => s.loss) };
}

describe('trainer host with a file-backed data set', () => {
  it('trains on the file text exactly as on the same data stored inline', () => {
    const fromFile = trainSteps(withData(FILE_SPEC), TEXT, 12);
    const inline = trainSteps(withData(toInlineSpec(imported.dataset)), undefined, 12);
    expect(fromFile.errors()).toEqual([]);
    const losses = fromFile.losses('r');
    expect(losses).toHaveLength(12);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses).toEqual(inline.losses('r'));
  });

  it('refuses a changed file by name and starts no run', () => {
    const h = trainSteps(withData(FILE_SPEC), TEXT.replace('\n', '\n9,9,same\n'), 3);
    expect(h.errors()[0]).toEqual(expect.objectContaining({ runId: 'r', code: 'invalid-project', message: expect.stringMatching(/^signs\.csv has changed since the project was saved \(hash differs\)/) }));
    expect(h.losses('r')).toEqual([]);
  });

  it('says the file has not been read when the text is missing', () => {
    const h = trainSteps(withData(FILE_SPEC), undefined, 3);
    expect(h.errors()[0]?.message).toMatch(/kept in signs\.csv, which has not been read/);
    expect(h.losses('r')).toEqual([]);
  });

  it('refuses datasetText with a data set that is not file-backed', () => {
    const r = parseToTrainer({ v: PROTOCOL_VERSION, type: 'start', runId: 'r', project: createSpiralExample(), datasetText: TEXT });
    expect(r).toEqual({ ok: false, error: expect.stringContaining('datasetText: only for a file-backed data set') });
    expect(parseToTrainer({ v: PROTOCOL_VERSION, type: 'start', runId: 'r', project: withData(FILE_SPEC), datasetText: TEXT }).ok).toBe(true);
  });
});
