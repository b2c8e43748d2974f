/**
 * The LayerLab project file (`.layerlab.json`): the graph the user drew, the data set it
 * trains on and the training settings. The app saves it, the CLI reads it, and the trainer
 * receives it in a `start` message. This module is the single schema for all three.
 *
 * Units: learning rates are per optimizer step; `epochs` counts full passes over the
 * training split; positions are React Flow canvas pixels.
 */
import { z } from 'zod';
import { CSV_DELIMITERS, MAX_FIELDS } from './csv';

export const PROJECT_FORMAT = 'layerlab-project';
export const PROJECT_VERSION = 1;

/** Hard limits that keep a hostile or mistaken file from allocating without bound. */
export const LIMITS = {
  maxNodes: 200,
  maxUnits: 4096,
  maxEpochs: 1_000_000,
  maxBatchSize: 1_000_000,
  maxSamples: 200_000,
  maxNameLength: 80,
} as const;

export const ACTIVATIONS = [
  'linear',
  'sigmoid',
  'tanh',
  'relu',
  'leaky_relu',
  'elu',
  'softmax',
  'softplus',
  'gelu',
  'swish',
] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

const finite = () => z.number().finite();
const nonNegative = () => z.number().finite().min(0);
const name = () => z.string().max(LIMITS.maxNameLength);

export const initializerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('glorot_uniform') }),
  z.object({ type: z.literal('glorot_normal') }),
  z.object({ type: z.literal('he_uniform') }),
  z.object({ type: z.literal('he_normal') }),
  z.object({ type: z.literal('lecun_normal') }),
  z.object({ type: z.literal('lecun_uniform') }),
  z.object({ type: z.literal('random_normal'), mean: finite().default(0), std: nonNegative().default(0.05) }),
  z.object({ type: z.literal('random_uniform'), min: finite().default(-0.05), max: finite().default(0.05) }),
  z.object({ type: z.literal('zeros') }),
  z.object({ type: z.literal('ones') }),
  z.object({ type: z.literal('constant'), value: finite().default(0) }),
  /** Explicit values, row-major: weights as W[in][out], biases as b[out]. */
  z.object({ type: z.literal('manual'), values: z.array(finite()).max(LIMITS.maxUnits * LIMITS.maxUnits) }),
]);
export type InitializerSpec = z.infer<typeof initializerSchema>;
export type InitializerType = InitializerSpec['type'];

const denseFields = {
  name: name().default(''),
  units: z.number().int().min(1).max(LIMITS.maxUnits),
  activation: z.enum(ACTIVATIONS).default('linear'),
  /** α of Leaky ReLU (slope for x < 0) and ELU (saturation value). */
  alpha: finite().default(0.01),
  useBias: z.boolean().default(true),
  kernelInitializer: initializerSchema.default({ type: 'glorot_uniform' }),
  biasInitializer: initializerSchema.default({ type: 'zeros' }),
  l1: nonNegative().default(0),
  l2: nonNegative().default(0),
};

export const layerDataSchemas = {
  input: z.object({ name: name().default('') }),
  dense: z.object(denseFields),
  output: z.object(denseFields),
  dropout: z.object({ name: name().default(''), rate: z.number().min(0).max(0.99).default(0.5) }),
  activation: z.object({
    name: name().default(''),
    activation: z.enum(ACTIVATIONS).default('relu'),
    alpha: finite().default(0.01),
  }),
} as const;

export const LAYER_KINDS = ['input', 'dense', 'dropout', 'activation', 'output'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

const position = z.object({ x: finite(), y: finite() });
const nodeId = z.string().min(1).max(64);

export const graphNodeSchema = z.discriminatedUnion('type', [
  z.object({ id: nodeId, type: z.literal('input'), position, data: layerDataSchemas.input }),
  z.object({ id: nodeId, type: z.literal('dense'), position, data: layerDataSchemas.dense }),
  z.object({ id: nodeId, type: z.literal('output'), position, data: layerDataSchemas.output }),
  z.object({ id: nodeId, type: z.literal('dropout'), position, data: layerDataSchemas.dropout }),
  z.object({ id: nodeId, type: z.literal('activation'), position, data: layerDataSchemas.activation }),
]);
export type GraphNode = z.infer<typeof graphNodeSchema>;
export type DenseData = z.infer<typeof layerDataSchemas.dense>;
export type DropoutData = z.infer<typeof layerDataSchemas.dropout>;
export type ActivationData = z.infer<typeof layerDataSchemas.activation>;

export const graphEdgeSchema = z.object({
  id: z.string().min(1).max(140),
  source: nodeId,
  target: nodeId,
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const graphSchema = z.object({
  nodes: z.array(graphNodeSchema).max(LIMITS.maxNodes),
  edges: z.array(graphEdgeSchema).max(LIMITS.maxNodes * 4),
});
export type Graph = z.infer<typeof graphSchema>;

export const LOSSES = [
  'mse',
  'half_sse',
  'mae',
  'huber',
  'binary_crossentropy',
  'categorical_crossentropy',
] as const;
export type LossName = (typeof LOSSES)[number];

const lr = () => z.number().finite().gt(0).max(1e3);
const weightDecay = () => nonNegative().default(0);

/** Defaults follow torch.optim so results can be checked against PyTorch. */
export const optimizerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('sgd'),
    lr: lr().default(0.01),
    momentum: z.number().min(0).max(1).default(0),
    dampening: z.number().min(0).max(1).default(0),
    nesterov: z.boolean().default(false),
    weightDecay: weightDecay(),
  }),
  z.object({
    type: z.literal('adagrad'),
    lr: lr().default(0.01),
    lrDecay: nonNegative().default(0),
    initialAccumulatorValue: nonNegative().default(0),
    eps: z.number().gt(0).default(1e-10),
    weightDecay: weightDecay(),
  }),
  z.object({
    type: z.literal('rmsprop'),
    lr: lr().default(0.01),
    alpha: z.number().min(0).max(1).default(0.99),
    eps: z.number().gt(0).default(1e-8),
    momentum: z.number().min(0).max(1).default(0),
    centered: z.boolean().default(false),
    weightDecay: weightDecay(),
  }),
  z.object({
    type: z.literal('adadelta'),
    lr: lr().default(1.0),
    rho: z.number().min(0).max(1).default(0.9),
    eps: z.number().gt(0).default(1e-6),
    weightDecay: weightDecay(),
  }),
  z.object({
    type: z.literal('adam'),
    lr: lr().default(0.001),
    beta1: z.number().min(0).lt(1).default(0.9),
    beta2: z.number().min(0).lt(1).default(0.999),
    eps: z.number().gt(0).default(1e-8),
    amsgrad: z.boolean().default(false),
    weightDecay: weightDecay(),
  }),
  z.object({
    type: z.literal('adamw'),
    lr: lr().default(0.001),
    beta1: z.number().min(0).lt(1).default(0.9),
    beta2: z.number().min(0).lt(1).default(0.999),
    eps: z.number().gt(0).default(1e-8),
    amsgrad: z.boolean().default(false),
    weightDecay: nonNegative().default(0.01),
  }),
  z.object({
    type: z.literal('nadam'),
    lr: lr().default(0.002),
    beta1: z.number().min(0).lt(1).default(0.9),
    beta2: z.number().min(0).lt(1).default(0.999),
    eps: z.number().gt(0).default(1e-8),
    momentumDecay: nonNegative().default(0.004),
    weightDecay: weightDecay(),
  }),
]);
export type OptimizerSpec = z.infer<typeof optimizerSchema>;
export type OptimizerType = OptimizerSpec['type'];

export const scheduleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('constant') }),
  /** η_t = η0·δ^(t/T); `staircase` uses integer division t div T as in the notes. */
  z.object({
    type: z.literal('exponential'),
    decayRate: z.number().gt(0).max(1).default(0.96),
    decaySteps: z.number().int().min(1).default(100),
    staircase: z.boolean().default(true),
  }),
  z.object({
    type: z.literal('step'),
    stepSize: z.number().int().min(1).default(10),
    gamma: z.number().gt(0).max(1).default(0.1),
  }),
  z.object({
    type: z.literal('cosine'),
    periodEpochs: z.number().int().min(1).default(100),
    minLr: nonNegative().default(0),
  }),
  z.object({
    type: z.literal('plateau'),
    factor: z.number().gt(0).lt(1).default(0.1),
    patience: z.number().int().min(0).default(10),
    minLr: nonNegative().default(0),
  }),
]);
export type ScheduleSpec = z.infer<typeof scheduleSchema>;

export const clipSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('norm'), maxNorm: z.number().gt(0).default(1) }),
  z.object({ type: z.literal('value'), clipValue: z.number().gt(0).default(1) }),
]);

/**
 * How inputs are scaled before the network sees them: 'standardize' maps each feature to
 * mean 0 and standard deviation 1, 'minmax' to [0, 1], both with statistics of the training
 * split only (so validation and test data stay unseen).
 */
export const NORMALIZATIONS = ['none', 'standardize', 'minmax'] as const;
export type NormalizationType = (typeof NORMALIZATIONS)[number];
export const normalizationSchema = z.object({ type: z.enum(NORMALIZATIONS).default('none') });
export type NormalizationSettings = z.infer<typeof normalizationSchema>;

export const trainingSchema = z.object({
  loss: z.enum(LOSSES).default('mse'),
  huberDelta: z.number().gt(0).default(1),
  optimizer: optimizerSchema.default({
    type: 'sgd',
    lr: 0.01,
    momentum: 0,
    dampening: 0,
    nesterov: false,
    weightDecay: 0,
  }),
  /** 'batch': whole training split per step; 'stochastic': one sample; 'minibatch': `batchSize`. */
  batchMode: z.enum(['batch', 'stochastic', 'minibatch']).default('minibatch'),
  batchSize: z.number().int().min(1).max(LIMITS.maxBatchSize).default(10),
  epochs: z.number().int().min(1).max(LIMITS.maxEpochs).default(100),
  shuffle: z.boolean().default(true),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  validationSplit: z.number().min(0).max(0.9).default(0.2),
  /**
   * Share held out for the final test (⌊n·testSplit⌋ samples), never trained or validated on;
   * its metrics come only from `session.evaluateTest()`. When validation and test together
   * would leave no training sample, validation gives way first (see `splitCounts`).
   */
  testSplit: z.number().min(0).max(0.9).default(0),
  /** Input scaling fitted on the training split only and stored in the exported model. */
  normalization: normalizationSchema.default({ type: 'none' }),
  precision: z.enum(['float32', 'float64']).default('float32'),
  schedule: scheduleSchema.default({ type: 'constant' }),
  clip: clipSchema.default({ type: 'none' }),
});
export type TrainingSettings = z.infer<typeof trainingSchema>;

export const BUILTIN_DATASETS = [
  'spiral',
  'circles',
  'xor',
  'gaussians',
  'moons',
  'blobs',
  'linear1d',
  'sine1d',
  'notes_linear',
  'notes_221',
  'iris',
  'polynomial1d',
  'surface2d',
  'saddle',
  'digits',
] as const;
export type BuiltinDatasetName = (typeof BUILTIN_DATASETS)[number];

/** Most fields per CSV record the importer reads (a guard against runaway allocation). */
export const MAX_CSV_COLUMNS = MAX_FIELDS;

/**
 * How a CSV/TSV table becomes a data set (`importTable` in data-import/). Column names are
 * the (deduplicated) names `inspectCsv` reports. `features` defaults to every column except
 * the target; `types` overrides the guessed type per column; `missing` decides what happens
 * to an empty or NA cell: 'refuse' stops with its row and column, 'drop' drops the row,
 * 'mean' fills a number with the column mean and a category with its most frequent value
 * (a row whose target is missing is dropped in both 'drop' and 'mean').
 */
export const importOptionsSchema = z.object({
  /** Field separator; detected when absent. */
  delimiter: z.enum(CSV_DELIMITERS).optional(),
  /** Whether the first row holds column names; detected when absent. */
  header: z.boolean().optional(),
  target: z.string().min(1).max(200),
  task: z.enum(['classification', 'regression']),
  features: z.array(z.string().max(200)).max(MAX_CSV_COLUMNS).optional(),
  types: z.record(z.string().max(200), z.enum(['number', 'category'])).default({}),
  missing: z.enum(['refuse', 'drop', 'mean']).default('refuse'),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;
/** What callers may pass (defaults not yet filled in). */
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;

export const datasetSpecSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('builtin'),
    name: z.enum(BUILTIN_DATASETS),
    samples: z.number().int().min(2).max(LIMITS.maxSamples).default(400),
    noise: z.number().min(0).max(10).default(0.1),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    classes: z.number().int().min(2).max(10).default(3),
  }),
  /**
   * Data stored in the project itself; `x` is row-major [samples][features]. Imports of more
   * than `INLINE_MAX_VALUES` numbers (data-import/file-dataset.ts, 2 MiB) are saved as
   * `{ type: 'file' }` instead.
   */
  z.object({
    type: z.literal('inline'),
    name: name().default('data'),
    task: z.enum(['classification', 'regression']),
    featureNames: z.array(z.string().max(200)).min(1).max(LIMITS.maxUnits),
    targetNames: z.array(z.string().max(200)).min(1).max(LIMITS.maxUnits),
    classLabels: z.array(z.string().max(200)).max(LIMITS.maxUnits).optional(),
    x: z.array(z.array(finite())).max(LIMITS.maxSamples),
    y: z.array(z.array(finite())).max(LIMITS.maxSamples),
  }),
  /**
   * Data too large to inline (see `INLINE_MAX_VALUES` in data-import/): the project keeps
   * the path of the CSV/TSV file, its SHA-256 and the options it was imported with. The host
   * reads the file and calls `loadFileDataset(spec, text)`, which refuses a changed file. The
   * names, `rows` (samples after import) and `columns` (fields in the file) let the compiler
   * and the UI know the shape without reading the file.
   */
  z.object({
    type: z.literal('file'),
    name: name().default('data'),
    /** As the host saved it; relative to the project file where possible. */
    path: z.string().min(1).max(4096),
    /** Lower-case hex SHA-256 of the file's text (UTF-8, without a byte-order mark). */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    rows: z.number().int().min(1).max(LIMITS.maxSamples),
    columns: z.number().int().min(1).max(MAX_CSV_COLUMNS),
    task: z.enum(['classification', 'regression']),
    featureNames: z.array(z.string().max(200)).min(1).max(LIMITS.maxUnits),
    targetNames: z.array(z.string().max(200)).min(1).max(LIMITS.maxUnits),
    classLabels: z.array(z.string().max(200)).max(LIMITS.maxUnits).optional(),
    importOptions: importOptionsSchema,
  }),
]);
export type DatasetSpec = z.infer<typeof datasetSpecSchema>;

export const projectSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(PROJECT_VERSION),
  name: name().default('Untitled'),
  graph: graphSchema,
  dataset: datasetSpecSchema,
  training: trainingSchema,
});
export type Project = z.infer<typeof projectSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Renders zod issues as "where: what" lines, e.g. "graph.nodes[2].data.units: must be ≥ 1". */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((issue) => {
      const where = issue.path
        .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
        .join('');
      return `${where || '(file)'}: ${issue.message}`;
    })
    .join('\n');
}

/**
 * Validates an unknown value (parsed JSON) as a project. Never throws. A file from a newer
 * LayerLab is refused with a message that says so instead of a list of schema errors.
 */
export function parseProject(raw: unknown): ParseResult<Project> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'The file is not a LayerLab project: expected a JSON object.' };
  }
  const head = raw as { format?: unknown; version?: unknown };
  if (head.format !== PROJECT_FORMAT) {
    return { ok: false, error: `The file is not a LayerLab project: "format" must be "${PROJECT_FORMAT}".` };
  }
  if (typeof head.version === 'number' && head.version > PROJECT_VERSION) {
    return {
      ok: false,
      error: `This project was saved by a newer LayerLab (format version ${head.version}; this one reads up to ${PROJECT_VERSION}). Update LayerLab to open it.`,
    };
  }
  const parsed = projectSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: formatIssues(parsed.error) };
  return { ok: true, value: parsed.data };
}

/** Parses project text (JSON). Never throws; names the JSON syntax error's position. */
export function parseProjectText(text: string): ParseResult<Project> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `The file is not valid JSON: ${(e as Error).message}` };
  }
  return parseProject(raw);
}
