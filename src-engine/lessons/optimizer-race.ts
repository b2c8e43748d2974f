/**
 * Lesson: the optimizers race (002 "옵티마이저": Momentum, NAG, Adagrad, RMSprop, Adadelta,
 * Adam, Nadam, and plain SGD). The same network, data and seed are trained once per
 * optimizer at the same time; the loss curves are overlaid. Each optimizer gets a learning
 * rate in its usual range (Adadelta's η = 1 is torch's default; it scales its own steps).
 */
import type { OptimizerSpec, Project } from '../project';
import { optimizerSchema } from '../project';
import { chainLessonProject } from './build';
import type { Lesson, LocalizedText } from './lesson-types';

/** One lane of the race: an optimizer with its hyperparameters. */
export interface RaceLane {
  /** Stable id (kebab-case); also the lane's trainer channel suffix. */
  id: string;
  title: LocalizedText;
  /** The optimizer on the race network. */
  optimizer: OptimizerSpec;
  /** The optimizer on the 2-parameter loss surface (loss-surface.ts): same rule, a rate suited to that surface. */
  surfaceOptimizer: OptimizerSpec;
}

const spec = (raw: Record<string, unknown>): OptimizerSpec => optimizerSchema.parse(raw);

/** The eight lanes, in the order the notes introduce the optimizers after plain SGD. */
export const RACE_LANES: readonly RaceLane[] = [
  { id: 'sgd', title: { en: 'SGD', ko: 'SGD' }, optimizer: spec({ type: 'sgd', lr: 0.1 }), surfaceOptimizer: spec({ type: 'sgd', lr: 0.2 }) },
  {
    id: 'momentum',
    title: { en: 'Momentum', ko: '모멘텀' },
    optimizer: spec({ type: 'sgd', lr: 0.1, momentum: 0.9 }),
    surfaceOptimizer: spec({ type: 'sgd', lr: 0.04, momentum: 0.9 }),
  },
  {
    id: 'nag',
    title: { en: 'NAG', ko: 'NAG (네스테로프)' },
    optimizer: spec({ type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true }),
    surfaceOptimizer: spec({ type: 'sgd', lr: 0.04, momentum: 0.9, nesterov: true }),
  },
  { id: 'adagrad', title: { en: 'Adagrad', ko: 'Adagrad' }, optimizer: spec({ type: 'adagrad', lr: 0.1 }), surfaceOptimizer: spec({ type: 'adagrad', lr: 1.5 }) },
  { id: 'rmsprop', title: { en: 'RMSprop', ko: 'RMSprop' }, optimizer: spec({ type: 'rmsprop', lr: 0.01 }), surfaceOptimizer: spec({ type: 'rmsprop', lr: 0.1 }) },
  { id: 'adadelta', title: { en: 'Adadelta', ko: 'Adadelta' }, optimizer: spec({ type: 'adadelta', lr: 1 }), surfaceOptimizer: spec({ type: 'adadelta', lr: 20 }) },
  { id: 'adam', title: { en: 'Adam', ko: 'Adam' }, optimizer: spec({ type: 'adam', lr: 0.01 }), surfaceOptimizer: spec({ type: 'adam', lr: 0.3 }) },
  { id: 'nadam', title: { en: 'NAdam', ko: 'NAdam' }, optimizer: spec({ type: 'nadam', lr: 0.01 }), surfaceOptimizer: spec({ type: 'nadam', lr: 0.3 }) },
];

/** The race network: 2-8-1, tanh hidden, sigmoid output, on 200 moons, mini-batches of 20, 60 epochs. */
export function raceLessonProject(optimizer: OptimizerSpec = RACE_LANES[0].optimizer): Project {
  return chainLessonProject(
    'Optimizers race',
    [
      { id: 'hidden', type: 'dense', data: { name: 'h', units: 8, activation: 'tanh' } },
      { id: 'output', type: 'output', data: { name: 'ŷ', units: 1, activation: 'sigmoid' } },
    ],
    { type: 'builtin', name: 'moons', samples: 200, noise: 0.1, seed: 2 },
    { loss: 'binary_crossentropy', optimizer, batchMode: 'minibatch', batchSize: 20, epochs: 60, validationSplit: 0, seed: 1 },
  );
}

/** `project` with its optimizer replaced by `lane`'s (every other setting, the seed included, kept). */
export function withLaneOptimizer(project: Project, lane: RaceLane): Project {
  return { ...project, name: `${project.name} — ${lane.title.en}`, training: { ...project.training, optimizer: lane.optimizer } };
}

export const OPTIMIZER_RACE_LESSON: Lesson = {
  id: 'optimizer-race',
  title: { en: 'Optimizers race', ko: '옵티마이저 경주' },
  summary: {
    en: 'The same network and data trained with eight optimizers at once, loss curves overlaid, and each optimizer’s path on a 2-parameter loss surface.',
    ko: '같은 신경망과 데이터를 옵티마이저 8개로 동시에 학습해 손실 곡선을 겹쳐 보고, 매개변수 2개짜리 손실 곡면 위에서 각 옵티마이저의 경로를 봅니다.',
  },
  steps: [
    {
      en: 'Press Start race: eight trainers start from the same initial weights; only the optimizer differs.',
      ko: '경주 시작을 누르세요. 트레이너 8개가 같은 초기 가중치에서 출발하고, 옵티마이저만 다릅니다.',
    },
    {
      en: 'Momentum and NAG keep a running direction (velocity); Adagrad, RMSprop and Adadelta scale each step by past squared gradients; Adam and NAdam do both.',
      ko: '모멘텀과 NAG 는 이동 방향(속도)을 유지하고, Adagrad, RMSprop, Adadelta 는 지난 기울기 제곱으로 보폭을 조절하며, Adam 과 NAdam 은 둘 다 합니다.',
    },
    {
      en: 'On the contour plot (the linear model’s loss over w and b), plain SGD zigzags across the narrow valley; momentum rolls along it.',
      ko: '등고선 그림 (w 와 b 에 대한 선형 모형의 손실) 에서 SGD 는 좁은 골짜기를 가로질러 지그재그로 움직이고, 모멘텀은 골짜기를 따라 굴러갑니다.',
    },
  ],
  source: '002 — 옵티마이저',
  view: 'compare',
  project: () => raceLessonProject(),
  variants: RACE_LANES.map((lane) => ({ id: lane.id, title: lane.title, project: () => raceLessonProject(lane.optimizer) })),
};
