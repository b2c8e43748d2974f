/**
 * Lessons on real data sets: iris with the 4-4-4-3 softmax network of notes 003, and the
 * 8×8 digits with 64-32-10.
 */
import type { Project } from '../project';
import { chainLessonProject } from './build';
import type { Lesson } from './lesson-types';

/** Iris 4-4-4-3: two sigmoid hidden layers of 4 (as in notes 003), softmax output, inputs standardised. */
export function irisLessonProject(): Project {
  return chainLessonProject(
    'Iris 4-4-4-3',
    [
      { id: 'h1', type: 'dense', data: { name: 'h1', units: 4, activation: 'sigmoid' } },
      { id: 'h2', type: 'dense', data: { name: 'h2', units: 4, activation: 'sigmoid' } },
      { id: 'output', type: 'output', data: { name: 'ŷ', units: 3, activation: 'softmax' } },
    ],
    { type: 'builtin', name: 'iris' },
    {
      loss: 'categorical_crossentropy',
      optimizer: { type: 'adam', lr: 0.05 },
      batchMode: 'minibatch',
      batchSize: 16,
      epochs: 150,
      validationSplit: 0.2,
      normalization: { type: 'standardize' },
      seed: 1,
    },
  );
}

export const IRIS_LESSON: Lesson = {
  id: 'iris',
  title: { en: 'Iris 4-4-4-3 with softmax', ko: '붓꽃 4-4-4-3 과 소프트맥스' },
  summary: {
    en: 'Four flower measurements, two hidden layers of four, three species out through softmax (notes 003).',
    ko: '꽃의 측정값 4개, 4개짜리 은닉층 2개, 소프트맥스로 세 품종을 출력합니다 (노트 003).',
  },
  steps: [
    {
      en: 'Softmax turns the three output values into probabilities that add up to 1.',
      ko: '소프트맥스는 출력값 3개를 합이 1 인 확률로 바꿉니다.',
    },
    {
      en: 'With softmax and cross-entropy, the output’s δ is simply ŷ − y; open Step mode to see it for one mini-batch.',
      ko: '소프트맥스와 교차 엔트로피를 함께 쓰면 출력층의 δ는 간단히 ŷ − y 입니다. 단계 모드에서 미니배치 하나로 확인해 보세요.',
    },
    {
      en: 'Train: the validation accuracy passes 90 % within a few dozen epochs.',
      ko: '학습을 시작하면 수십 에포크 안에 검증 정확도가 90 % 를 넘습니다.',
    },
  ],
  source: '003 — 붓꽃 신경망의 역전파',
  view: 'train',
  project: irisLessonProject,
  variants: [],
};

/** Digits 64-32-10: 8×8 images scaled to [0, 1], one ReLU hidden layer, softmax output. */
export function digitsLessonProject(): Project {
  return chainLessonProject(
    'Digits 64-32-10',
    [
      { id: 'hidden', type: 'dense', data: { name: 'h', units: 32, activation: 'relu', kernelInitializer: { type: 'he_normal' } } },
      { id: 'output', type: 'output', data: { name: 'ŷ', units: 10, activation: 'softmax' } },
    ],
    { type: 'builtin', name: 'digits' },
    {
      loss: 'categorical_crossentropy',
      optimizer: { type: 'adam', lr: 0.005 },
      batchMode: 'minibatch',
      batchSize: 32,
      epochs: 30,
      validationSplit: 0.2,
      normalization: { type: 'minmax' },
      seed: 1,
    },
  );
}

export const DIGITS_LESSON: Lesson = {
  id: 'digits',
  title: { en: 'Digits 64-32-10', ko: '손글씨 숫자 64-32-10' },
  summary: {
    en: 'Handwritten digits as 8×8 pixels (64 inputs), 32 ReLU hidden units and ten softmax outputs.',
    ko: '8×8 픽셀 (입력 64개) 손글씨 숫자를 ReLU 은닉 유닛 32개와 소프트맥스 출력 10개로 분류합니다.',
  },
  steps: [
    {
      en: 'Each of the 64 inputs is one pixel’s brightness, scaled to 0 … 1.',
      ko: '입력 64개는 각각 한 픽셀의 밝기이며 0 … 1 로 조정됩니다.',
    },
    {
      en: 'The network has 2,410 parameters; watch the validation accuracy rise above 90 %.',
      ko: '이 신경망의 매개변수는 2,410 개입니다. 검증 정확도가 90 % 를 넘는 것을 확인하세요.',
    },
  ],
  source: '001 — 행렬 표현, 소프트맥스',
  view: 'train',
  project: digitsLessonProject,
  variants: [],
};
