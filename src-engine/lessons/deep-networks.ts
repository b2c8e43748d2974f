/**
 * Lessons on deep networks: vanishing gradients (sigmoid versus ReLU, 000 and 002), weight
 * initialization (too small, too large, Xavier, He; 002 "가중치 초기화") and overfitting with
 * dropout (000 "Overfitting – Drop out"). Each compares variants of one network.
 */
import type { ActivationName, InitializerSpec, Project } from '../project';
import { chainLessonProject, hiddenLayers, type LessonLayer } from './build';
import type { Lesson } from './lesson-types';

/** Hidden layers of the vanishing-gradient network: deep enough that sigmoid's ≤ ¼ slopes multiply away. */
export const VANISHING_DEPTH = 6;

/** 2-8-8-8-8-8-8-1 on the circles with `activation` in every hidden layer; SGD, so nothing rescales the gradients. */
export function vanishingLessonProject(activation: Extract<ActivationName, 'sigmoid' | 'relu'>): Project {
  return chainLessonProject(
    `Deep network: ${activation}`,
    [...hiddenLayers(VANISHING_DEPTH, 8, activation), { id: 'output', type: 'output', data: { name: 'ŷ', units: 1, activation: 'sigmoid' } }],
    { type: 'builtin', name: 'circles', samples: 300, noise: 0.05, seed: 3 },
    { loss: 'binary_crossentropy', optimizer: { type: 'sgd', lr: 0.1 }, batchMode: 'minibatch', batchSize: 16, epochs: 150, validationSplit: 0.2, seed: 1 },
  );
}

export const VANISHING_LESSON: Lesson = {
  id: 'vanishing-gradients',
  title: { en: 'Vanishing gradients', ko: '기울기 소실' },
  summary: {
    en: 'The same deep network (six hidden layers) with sigmoid and with ReLU, trained side by side.',
    ko: '같은 깊은 신경망 (은닉층 6개) 을 시그모이드와 ReLU 로 나란히 학습합니다.',
  },
  steps: [
    {
      en: 'Sigmoid’s slope is at most ¼; backpropagation multiplies one such factor per layer, so the first layers get almost no gradient.',
      ko: '시그모이드의 기울기는 최대 ¼ 입니다. 역전파는 층마다 이런 인수를 곱하므로 앞쪽 층에는 기울기가 거의 전달되지 않습니다.',
    },
    {
      en: 'Compare the gradient size per layer: with sigmoid it shrinks layer by layer towards the input; with ReLU it stays.',
      ko: '층별 기울기 크기를 비교하세요. 시그모이드는 입력 쪽으로 갈수록 작아지고, ReLU 는 유지됩니다.',
    },
    {
      en: 'The sigmoid network’s loss stays flat for a long time; the ReLU network learns the circles.',
      ko: '시그모이드 신경망의 손실은 오랫동안 평평하고, ReLU 신경망은 원을 학습합니다.',
    },
  ],
  source: '000, 002 — 기울기 소실, ReLU',
  view: 'compare',
  project: () => vanishingLessonProject('sigmoid'),
  variants: [
    { id: 'sigmoid', title: { en: 'Sigmoid', ko: '시그모이드' }, project: () => vanishingLessonProject('sigmoid') },
    { id: 'relu', title: { en: 'ReLU', ko: 'ReLU' }, project: () => vanishingLessonProject('relu') },
  ],
};

/** The initializations the lesson compares. */
export type InitializationKind = 'too-small' | 'too-large' | 'xavier' | 'he';

const INITIALIZERS: Readonly<Record<InitializationKind, InitializerSpec>> = {
  'too-small': { type: 'random_normal', mean: 0, std: 0.01 },
  'too-large': { type: 'random_normal', mean: 0, std: 1.5 },
  xavier: { type: 'glorot_normal' },
  he: { type: 'he_normal' },
};

/** 2-16×5-1 ReLU on the circles, every dense layer initialised the `kind` way. */
export function initializationLessonProject(kind: InitializationKind): Project {
  const kernelInitializer = INITIALIZERS[kind];
  return chainLessonProject(
    `Initialization: ${kind}`,
    [...hiddenLayers(5, 16, 'relu', { kernelInitializer }), { id: 'output', type: 'output', data: { name: 'ŷ', units: 1, activation: 'sigmoid', kernelInitializer } }],
    { type: 'builtin', name: 'circles', samples: 300, noise: 0.05, seed: 3 },
    { loss: 'binary_crossentropy', optimizer: { type: 'sgd', lr: 0.05 }, batchMode: 'minibatch', batchSize: 16, epochs: 100, validationSplit: 0.2, seed: 1 },
  );
}

export const INITIALIZATION_LESSON: Lesson = {
  id: 'initialization',
  title: { en: 'Weight initialization', ko: '가중치 초기화' },
  summary: {
    en: 'The same deep ReLU network started from too-small, too-large, Xavier and He initial weights.',
    ko: '같은 깊은 ReLU 신경망을 너무 작은, 너무 큰, Xavier, He 초기 가중치로 시작합니다.',
  },
  steps: [
    {
      en: 'Too small (σ = 0.01): signals shrink layer by layer, the gradients vanish and the loss hardly moves.',
      ko: '너무 작으면 (σ = 0.01) 신호가 층마다 줄어들어 기울기가 사라지고 손실이 거의 변하지 않습니다.',
    },
    {
      en: 'Too large (σ = 1.5): signals grow layer by layer, the loss starts huge and may diverge.',
      ko: '너무 크면 (σ = 1.5) 신호가 층마다 커져서 손실이 매우 크게 시작하고 발산할 수 있습니다.',
    },
    {
      en: 'Xavier scales by fan-in and fan-out (made for sigmoid and tanh); He by fan-in with a factor 2 (made for ReLU). Both train.',
      ko: 'Xavier 는 입력·출력 수로 (시그모이드, tanh 용), He 는 입력 수와 계수 2 로 (ReLU 용) 크기를 정합니다. 둘 다 학습이 됩니다.',
    },
  ],
  source: '002 — 가중치 초기화 (Xavier, He)',
  view: 'compare',
  project: () => initializationLessonProject('he'),
  variants: [
    { id: 'too-small', title: { en: 'Too small (σ = 0.01)', ko: '너무 작게 (σ = 0.01)' }, project: () => initializationLessonProject('too-small') },
    { id: 'too-large', title: { en: 'Too large (σ = 1.5)', ko: '너무 크게 (σ = 1.5)' }, project: () => initializationLessonProject('too-large') },
    { id: 'xavier', title: { en: 'Xavier (Glorot normal)', ko: 'Xavier (Glorot 정규)' }, project: () => initializationLessonProject('xavier') },
    { id: 'he', title: { en: 'He normal', ko: 'He 정규' }, project: () => initializationLessonProject('he') },
  ],
};

/** 2-64-64-1 ReLU on 60 noisy moons (half held out for validation), with or without dropout 0.5. */
export function dropoutLessonProject(withDropout: boolean): Project {
  const dropout = (id: string): LessonLayer[] => (withDropout ? [{ id, type: 'dropout', data: { name: 'dropout', rate: 0.5 } }] : []);
  return chainLessonProject(
    withDropout ? 'Overfitting: with dropout' : 'Overfitting: no dropout',
    [
      { id: 'h1', type: 'dense', data: { name: 'h1', units: 64, activation: 'relu' } },
      ...dropout('d1'),
      { id: 'h2', type: 'dense', data: { name: 'h2', units: 64, activation: 'relu' } },
      ...dropout('d2'),
      { id: 'output', type: 'output', data: { name: 'ŷ', units: 1, activation: 'sigmoid' } },
    ],
    { type: 'builtin', name: 'moons', samples: 60, noise: 0.35, seed: 5 },
    { loss: 'binary_crossentropy', optimizer: { type: 'adam', lr: 0.005 }, batchMode: 'batch', epochs: 300, validationSplit: 0.5, seed: 1 },
  );
}

export const DROPOUT_LESSON: Lesson = {
  id: 'dropout',
  title: { en: 'Overfitting and dropout', ko: '과적합과 드롭아웃' },
  summary: {
    en: 'A big network on 30 noisy training points: training and validation loss, without and with dropout.',
    ko: '잡음이 많은 학습 데이터 30개에 큰 신경망을 학습시키고, 드롭아웃이 없을 때와 있을 때의 학습·검증 손실을 봅니다.',
  },
  steps: [
    {
      en: 'Without dropout the training loss keeps falling while the validation loss turns and rises: the network memorises the noise.',
      ko: '드롭아웃이 없으면 학습 손실은 계속 줄지만 검증 손실은 다시 올라갑니다. 신경망이 잡음을 외우는 것입니다.',
    },
    {
      en: 'Dropout switches off half the hidden units at random in every step (a Bernoulli mask), so no unit can rely on another.',
      ko: '드롭아웃은 매 스텝 은닉 유닛의 절반을 무작위로 끕니다 (베르누이 마스크). 어떤 유닛도 다른 유닛에 기댈 수 없습니다.',
    },
    {
      en: 'With dropout the gap between training and validation loss stays smaller.',
      ko: '드롭아웃을 쓰면 학습 손실과 검증 손실의 차이가 더 작게 유지됩니다.',
    },
  ],
  source: '000, 004 — 과적합, 드롭아웃',
  view: 'compare',
  project: () => dropoutLessonProject(false),
  showValidation: true,
  variants: [
    { id: 'no-dropout', title: { en: 'Without dropout', ko: '드롭아웃 없음' }, project: () => dropoutLessonProject(false) },
    { id: 'dropout', title: { en: 'With dropout 0.5', ko: '드롭아웃 0.5' }, project: () => dropoutLessonProject(true) },
  ],
};
