/**
 * The headless CLI: `layerlab train | predict | validate`. Uses the same engine, defaults
 * and file formats as the app. Bad input gets a message naming what is wrong and where,
 * and a non-zero exit status (1: bad input, 2: bad usage).
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parseCsv } from '../src-engine/csv';
import { decimalCommaFor } from '../src-engine/data-import/cells';
import { encodeFeatures, encodeFromSources } from '../src-engine/data-import/encode-features';
import { parseProjectText, type Project } from '../src-engine/project';
import { compileGraph } from '../src-engine/compile';
import { datasetShape } from '../src-engine/datasets';
import { createTrainingSession } from '../src-engine/training-session';
import { installKernelHelperThread } from './kernel-helper-thread';
import { exportModel, parseModel, predictFromModel } from '../src-engine/model-json';
import { writeFileAtomic } from './files';
import { describeMissingFile, loadFileDataset } from '../src-engine/data-import/file-dataset';
import type { Dataset } from '../src-engine/datasets/dataset';

const USAGE = `Usage:
  layerlab train <project.layerlab.json> [--epochs N] [--seed S] [--out model.json] [--quiet]
  layerlab predict <model.json> <data.csv>
  layerlab validate <project.layerlab.json>`;

const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

class UsageError extends Error {}
class InputError extends Error {}

async function readText(path: string): Promise<string> {
  try {
    const text = await readFile(path, 'utf8');
    if (text.length > MAX_FILE_BYTES) throw new InputError(`${path}: the file is larger than LayerLab reads.`);
    return text;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
}

async function loadProject(path: string): Promise<Project> {
  const parsed = parseProjectText(await readText(path));
  if (!parsed.ok) throw new InputError(`${path}: ${parsed.error}`);
  return parsed.value;
}

/**
 * For a project whose data set is a file, reads it (relative paths against the project's
 * folder) and checks its hash; null for built-in and inline data, which the engine loads.
 */
async function loadProjectData(project: Project, projectPath: string): Promise<Dataset | null> {
  const spec = project.dataset;
  if (spec.type !== 'file') return null;
  const path = resolve(dirname(projectPath), spec.path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputError(`${projectPath}: ${describeMissingFile(spec)}`);
  }
  const loaded = loadFileDataset(spec, text);
  if (!loaded.ok) throw new InputError(`${projectPath}: ${loaded.error}`);
  return loaded.dataset;
}

function parseFlags(args: string[], allowed: string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const name = a.slice(2);
    if (!allowed.includes(name)) throw new UsageError(`Unknown option ${a}.`);
    if (name === 'quiet') flags.set(name, 'true');
    else {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`Option ${a} needs a value.`);
      flags.set(name, value);
    }
  }
  return { positional, flags };
}

function intFlag(flags: Map<string, string>, name: string, min: number, max: number): number | undefined {
  const raw = flags.get(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return value;
}

const fmt = (x: number | null) => (x === null ? '-' : x.toPrecision(6));

async function train(args: string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseFlags(args, ['epochs', 'seed', 'out', 'quiet']);
  if (positional.length !== 1) throw new UsageError('train needs exactly one project file.');
  const epochs = intFlag(flags, 'epochs', 1, 1_000_000);
  const seed = intFlag(flags, 'seed', 0, 2 ** 32 - 1);
  const project = await loadProject(positional[0]);
  if (epochs !== undefined) project.training.epochs = epochs;
  if (seed !== undefined) project.training.seed = seed;
  const dataset = await loadProjectData(project, positional[0]);
  // A second thread for big float32 dense kernels (kernelThreadCount: 4+ cores, or LAYERLAB_KERNEL_THREADS=2).
  installKernelHelperThread();
  const created = createTrainingSession(project, dataset ? { dataset } : {});
  if (!created.ok) {
    throw new InputError(`${positional[0]}: ${created.error}${created.nodeId ? ` (layer "${created.nodeId}")` : ''}`);
  }
  const session = created.session;
  const quiet = flags.has('quiet');
  const every = Math.max(1, Math.floor(session.epochs / 20));
  io.out(`Training ${project.name}: ${session.trainSize} training / ${session.valSize} validation samples, ${session.epochs} epochs of ${session.stepsPerEpoch} steps.`);
  while (session.epoch < session.epochs) {
    const r = session.trainStep();
    if (r.divergence) {
      io.err(`Training stopped at step ${r.point.step}: ${r.divergence.message}`);
      return 1;
    }
    const e = r.epochEnd;
    if (e && !quiet && (e.epoch % every === 0 || e.epoch === session.epochs || e.epoch === 1)) {
      io.out(
        `epoch ${e.epoch}  loss ${fmt(e.trainLoss)}  val_loss ${fmt(e.valLoss)}` +
          (e.trainAccuracy === null ? '' : `  acc ${fmt(e.trainAccuracy)}  val_acc ${fmt(e.valAccuracy)}`),
      );
    }
  }
  const test = session.evaluateTest();
  if (test) {
    io.out(`test (${session.testSize} held-out samples)  loss ${fmt(test.loss)}` + (test.accuracy === null ? '' : `  acc ${fmt(test.accuracy)}`));
  }
  const out = flags.get('out');
  if (out) {
    await writeFileAtomic(out, JSON.stringify(exportModel(session, project), null, 2));
    io.out(`Model written to ${out}.`);
  }
  return 0;
}

async function predict(args: string[], io: CliIo): Promise<number> {
  const { positional } = parseFlags(args, []);
  if (positional.length !== 2) throw new UsageError('predict needs a model file and a CSV file.');
  const [modelPath, csvPath] = positional;
  let raw: unknown;
  try {
    raw = JSON.parse(await readText(modelPath));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${modelPath}: not valid JSON (${(e as Error).message}).`);
  }
  const model = parseModel(raw);
  if (!model.ok) throw new InputError(`${modelPath}: ${model.error}`);
  const csv = parseCsv(await readText(csvPath));
  if (!csv.ok) throw new InputError(`${csvPath}: ${csv.error}`);
  const names = model.value.input.featureNames;
  // A file whose header names none of the inputs but has exactly as many columns is read by
  // position (a CSV written without the training names); otherwise columns are found by name,
  // and category columns are one-hot encoded as in training (`color=red`).
  const byPosition = csv.header.length === names.length && !names.some((name) => csv.header.includes(name) || csv.header.includes(name.split('=')[0]));
  const decimalComma = decimalCommaFor(csv.delimiter);
  const x = byPosition
    ? encodeFromSources(csv.header, csv.rows, names.map((_, column) => ({ kind: 'number' as const, column })), decimalComma)
    : encodeFeatures(csv.header, csv.rows, names, decimalComma);
  if (!x.ok) throw new InputError(`${csvPath}: ${x.error}`);
  if (byPosition) io.err(`${csvPath}: no column is named as the model's inputs; reading its ${names.length} columns by position as ${names.join(', ')}.`);
  for (const [column, count] of x.unseen) {
    io.err(`${csvPath}: column ${column} has ${count} row${count === 1 ? '' : 's'} with a category the model was not trained on; their one-hot inputs are all 0.`);
  }
  const n = csv.rows.length;
  const y = predictFromModel(model.value, x.values, n);
  const units = y.length / Math.max(1, n);
  const labels = model.value.output.classLabels;
  const outNames = Array.from({ length: units }, (_, j) => (units === 1 ? 'output' : `output_${j}`));
  io.out([...outNames, ...(labels ? ['class'] : [])].join(','));
  for (let i = 0; i < n; i++) {
    const row = Array.from(y.subarray(i * units, (i + 1) * units));
    let cls = '';
    if (labels) {
      const index = units === 1 ? (row[0] > 0.5 ? 1 : 0) : row.indexOf(Math.max(...row));
      cls = `,${labels[index] ?? index}`;
    }
    io.out(row.map((v) => String(v)).join(',') + cls);
  }
  return 0;
}

async function validate(args: string[], io: CliIo): Promise<number> {
  const { positional } = parseFlags(args, []);
  if (positional.length !== 1) throw new UsageError('validate needs exactly one project file.');
  const project = await loadProject(positional[0]);
  const compiled = compileGraph(project.graph, datasetShape(project.dataset), project.training);
  if (!compiled.ok) {
    for (const p of compiled.problems) io.err(`${positional[0]}: ${p.nodeId ? `layer "${p.nodeId}": ` : ''}${p.message}`);
    return 1;
  }
  io.out(`${basename(positional[0])} is a valid LayerLab project (${compiled.layers.length} layers).`);
  return 0;
}

/** Runs the CLI with `argv` (without node and script). Returns the exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'train':
        return await train(rest, io);
      case 'predict':
        return await predict(rest, io);
      case 'validate':
        return await validate(rest, io);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(e.message);
      return 1;
    }
    io.err(`Internal error: ${(e as Error).stack ?? String(e)}`);
    return 70;
  }
}

const io: CliIo = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };
if (process.argv[1] && /cli\.(js|ts)$/.test(process.argv[1])) {
  void runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
