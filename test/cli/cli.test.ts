/**
 * The headless CLI, run as a real process from its built bundle (bin/layerlab.mjs →
 * out/main/cli.js), on temporary project, model and CSV files.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { createTrainingSession } from '../../src-engine/training-session';
import { hashDataText } from '../../src-engine/data-import/file-dataset';
import { importTable } from '../../src-engine/data-import/import-table';
import { parseModel, predictFromModel } from '../../src-engine/model-json';

const BIN = join(import.meta.dirname, '../../bin/layerlab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'layerlab-cli-'));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function writeProject(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

/** Trains `project` (written as `projectFile`) for `epochs` with `--out`; returns the model file's path. */
function trainModel(projectFile: string, modelFile: string, project: unknown, epochs: number): string {
  const modelPath = join(dir, modelFile);
  expect(cli('train', writeProject(projectFile, project), '--epochs', String(epochs), '--quiet', '--out', modelPath).code).toBe(0);
  return modelPath;
}

/** Writes `text` as the CSV `csvFile` and runs `predict` on it with the model; the run and the CSV's path. */
function predictCsv(modelPath: string, csvFile: string, text: string) {
  const csv = join(dir, csvFile);
  writeFileSync(csv, text);
  return { ...cli('predict', modelPath, csv), csv };
}

describe('layerlab CLI', () => {
  it('trains a project exactly as the engine does and writes the model', () => {
    const project = createSpiralExample();
    project.training.epochs = 5;
    const path = writeProject('spiral.layerlab.json', project);
    const out = join(dir, 'model.json');
    const r = cli('train', path, '--epochs', '4', '--seed', '3', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/epoch 1 {2}loss /);
    expect(r.out).toMatch(/epoch 4 {2}loss /);
    expect(r.out).toContain(`Model written to ${out}.`);

    // The same settings in-process give the same final loss, to the printed digits.
    project.training.epochs = 4;
    project.training.seed = 3;
    const created = createTrainingSession(project);
    if (!created.ok) throw new Error(created.error);
    let last = null;
    while (created.session.epoch < 4) last = created.session.trainStep().epochEnd ?? last;
    expect(r.out).toContain(`epoch 4  loss ${last!.trainLoss.toPrecision(6)}`);

    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model.format).toBe('layerlab-model');
    expect(model.layers.length).toBeGreaterThanOrEqual(3);
  });

  it('predicts from the exported model on a CSV file', () => {
    const modelPath = trainModel('p2.layerlab.json', 'm2.json', createSpiralExample(), 2);
    const r = predictCsv(modelPath, 'points.csv', 'x,y\n0,0\n0.5,-0.5\n');
    // The spiral's inputs are x1, x2: a file with two other names is read by position, said once.
    expect(r.err).toBe(`${r.csv}: no column is named as the model's inputs; reading its 2 columns by position as x1, x2.\n`);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines.slice(1)) {
      const p = Number(line.split(',')[0]);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
    }
  });

  it('names the row and column of a non-number in the CSV', () => {
    const modelPath = trainModel('p3.layerlab.json', 'm3.json', createSpiralExample(), 1);
    const r = predictCsv(modelPath, 'bad.csv', 'x,y\n0,0\n1,abc\n');
    expect(r.code).toBe(1);
    expect(r.err).toContain("row 3, column y: 'abc' is not a number.");
  });

  it('one-hot encodes category columns for prediction as the import did for training', () => {
    const rows = ['size,color,price'];
    for (let i = 0; i < 40; i++) rows.push(`${i % 5},${['red', 'blue', 'green'][i % 3]},${(i % 5) + 3 * (i % 3)}`);
    const imported = importTable(rows.join('\n'), { target: 'price', task: 'regression' });
    if (!imported.ok) throw new Error(imported.error);
    const project = createSpiralExample();
    project.dataset = imported.spec;
    project.graph.nodes[3].data = { ...project.graph.nodes[3].data, activation: 'linear' } as never;
    project.training.loss = 'mse';
    const modelPath = trainModel('colors.layerlab.json', 'colors-model.json', project, 3);

    // New rows by column name, in another order, one with a colour never trained on.
    const r = predictCsv(modelPath, 'new-colors.csv', 'color,size\nblue,2\npurple,1\n');
    expect(r.code).toBe(0);
    expect(r.err).toContain('column color has 1 row with a category the model was not trained on');
    // The same numbers as the engine's prediction on the encoded inputs.
    const model = parseModel(JSON.parse(readFileSync(modelPath, 'utf8')));
    if (!model.ok) throw new Error(model.error);
    const expected = predictFromModel(model.value, Float64Array.from([2, 1, 0, 0, 1, 0, 0, 0]), 2);
    expect(r.out.trim().split('\n').slice(1).map(Number)).toEqual(Array.from(expected));
  });

  it('reports the held-out test split after training, as the engine measures it', () => {
    const project = createSpiralExample();
    project.training.testSplit = 0.25;
    project.training.epochs = 3;
    const r = cli('train', writeProject('tested.layerlab.json', project), '--quiet');
    expect(r.code).toBe(0);
    const created = createTrainingSession(project);
    if (!created.ok) throw new Error(created.error);
    while (created.session.epoch < 3) created.session.trainStep();
    const test = created.session.evaluateTest()!;
    expect(created.session.testSize).toBe(100);
    expect(r.out).toContain(`test (100 held-out samples)  loss ${test.loss.toPrecision(6)}  acc ${test.accuracy!.toPrecision(6)}`);
  });

  it('validates a good project and names what is wrong in a bad one', () => {
    const good = writeProject('good.layerlab.json', createSpiralExample());
    const ok = cli('validate', good);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('is a valid LayerLab project');

    const project = createSpiralExample();
    project.graph.edges = project.graph.edges.filter((e) => e.source !== 'hidden2');
    const broken = writeProject('broken.layerlab.json', project);
    const r = cli('validate', broken);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/layer "(hidden2|output)"/);

    const units = createSpiralExample() as unknown as { graph: { nodes: { data: { units: unknown } }[] } };
    units.graph.nodes[1].data.units = 'eight';
    const typo = cli('validate', writeProject('typo.layerlab.json', units));
    expect(typo.code).toBe(1);
    expect(typo.err).toContain('graph.nodes[1].data.units');

    const truncated = cli('validate', writeProject('cut.layerlab.json', JSON.stringify(createSpiralExample()).slice(0, 50)));
    expect(truncated.code).toBe(1);
    expect(truncated.err).toContain('not valid JSON');
  });

  it('exits with status 2 and the usage on bad arguments', () => {
    const r = cli('train');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage:');
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('train', 'x.json', '--epochs', 'many').err).toContain('--epochs must be a whole number');
    const missing = cli('validate', join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('cannot read the file (ENOENT)');
  });

  it('trains on a file-backed data set next to the project, and refuses it once changed', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `${(i % 7) / 7},${(i % 5) / 5},${i % 2 === 0 ? 'a' : 'b'}`);
    const csv = `x,y,label\n${rows.join('\n')}\n`;
    const sub = mkdtempSync(join(dir, 'file-data-'));
    writeFileSync(join(sub, 'points.csv'), csv);
    const project = createSpiralExample();
    project.dataset = {
      type: 'file',
      name: 'points',
      path: 'points.csv',
      sha256: hashDataText(csv),
      rows: 60,
      columns: 3,
      task: 'classification',
      featureNames: ['x', 'y'],
      targetNames: ['label'],
      classLabels: ['a', 'b'],
      importOptions: { target: 'label', task: 'classification', features: ['x', 'y'], types: {}, missing: 'refuse' },
    };
    const path = join(sub, 'p.layerlab.json');
    writeFileSync(path, JSON.stringify(project));
    const ok = cli('train', path, '--epochs', '2');
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);

    writeFileSync(join(sub, 'points.csv'), csv.replace('0,0,a', '0,0,b'));
    const changed = cli('train', path, '--epochs', '2');
    expect(changed.code).toBe(1);
    expect(changed.err).toContain('points.csv has changed since the project was saved (hash differs)');
  });
});
