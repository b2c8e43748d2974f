/**
 * Lesson: XOR needs a hidden layer with a non-linear activation (000 and 004: "why
 * non-linear activations"). The four XOR points cannot be split by one line, and a stack of
 * linear layers is still one linear map, so the linear network gets at most 3 of 4 right;
 * with tanh in the hidden layer it gets all 4.
 */
import type { ActivationName, Project } from '../project';
import { chainLessonProject } from './build';
import type { Lesson } from './lesson-types';

/** The four XOR points as an inline data set: (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0. */
export const XOR_POINTS = {
  type: 'inline',
  name: 'XOR',
  task: 'classification',
  featureNames: ['x1', 'x2'],
  targetNames: ['y'],
  classLabels: ['0', '1'],
  x: [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ],
  y: [[0], [1], [1], [0]],
} as const;

/** 2-4-1 with `hidden` activation in the hidden layer and a sigmoid output, Adam, full batch. */
export function xorLessonProject(hidden: Extract<ActivationName, 'linear' | 'tanh'>): Project {
  return chainLessonProject(
    hidden === 'tanh' ? 'XOR: tanh hidden layer' : 'XOR: linear hidden layer',
    [
      { id: 'hidden', type: 'dense', data: { name: 'h', units: 4, activation: hidden } },
      { id: 'output', type: 'output', data: { name: 'ŷ', units: 1, activation: 'sigmoid' } },
    ],
    XOR_POINTS,
    { loss: 'binary_crossentropy', optimizer: { type: 'adam', lr: 0.05 }, batchMode: 'batch', shuffle: false, validationSplit: 0, epochs: 400, precision: 'float64', seed: 1 },
  );
}

export const XOR_LESSON: Lesson = {
  id: 'xor',
  title: { en: 'XOR needs a hidden layer', ko: 'XOR 에는 은닉층이 필요하다' },
  summary: {
    en: 'The same 2-4-1 network on the four XOR points, once with a linear and once with a tanh hidden layer.',
    ko: '같은 2-4-1 신경망을 XOR 점 4개에 대해, 은닉층 활성화 함수를 선형과 tanh 로 바꿔 학습합니다.',
  },
  steps: [
    {
      en: 'No straight line separates (0,1) and (1,0) from (0,0) and (1,1).',
      ko: '어떤 직선도 (0,1), (1,0) 과 (0,0), (1,1) 을 나눌 수 없습니다.',
    },
    {
      en: 'Linear layers stacked are still one linear map: the linear network stays at 75 % accuracy at best, its loss stuck.',
      ko: '선형 층을 쌓아도 하나의 선형 변환일 뿐입니다. 선형 신경망은 정확도가 많아야 75 % 이고 손실이 줄지 않습니다.',
    },
    {
      en: 'With tanh the hidden units bend the space: the loss falls towards 0 and all four points are right.',
      ko: 'tanh 를 쓰면 은닉 유닛이 공간을 휘게 만들어 손실이 0 에 가까워지고 네 점을 모두 맞힙니다.',
    },
  ],
  source: '000, 004 — 비선형 활성화 함수',
  view: 'compare',
  project: () => xorLessonProject('tanh'),
  variants: [
    { id: 'linear', title: { en: 'Linear hidden layer', ko: '선형 은닉층' }, project: () => xorLessonProject('linear') },
    { id: 'tanh', title: { en: 'Tanh hidden layer', ko: 'tanh 은닉층' }, project: () => xorLessonProject('tanh') },
  ],
};
