/**
 * Lesson: the notes' worked 2-2-1 sigmoid network (002, "예제 데이터를 사용한 가중치 업데이트").
 * Weights W1 = [[0.3, 0.4], [0.2, 0.1]] (w_{i,j} from input i to hidden unit j), W2 = [0.1, 0.2],
 * no biases, data (1,1)→1 and (2,2)→0, E = ½(y − ŷ)², SGD with η = 0.01, one sample per step
 * in file order. After the first step w2_11 = 0.1006995 and w1_11 = 0.3000264.
 */
import type { Project } from '../project';
import { chainLessonProject } from './build';
import type { Lesson } from './lesson-types';

/** The project of the worked example, trained in float64 so Step mode shows the notes' digits. */
export function notes221LessonProject(): Project {
  return chainLessonProject(
    '2-2-1 worked example',
    [
      { id: 'hidden', type: 'dense', data: { name: 'h', units: 2, activation: 'sigmoid', useBias: false, kernelInitializer: { type: 'manual', values: [0.3, 0.4, 0.2, 0.1] } } },
      { id: 'output', type: 'output', data: { name: 'ŷ', units: 1, activation: 'sigmoid', useBias: false, kernelInitializer: { type: 'manual', values: [0.1, 0.2] } } },
    ],
    { type: 'builtin', name: 'notes_221' },
    { loss: 'half_sse', optimizer: { type: 'sgd', lr: 0.01 }, batchMode: 'stochastic', shuffle: false, validationSplit: 0, epochs: 100, precision: 'float64' },
  );
}

export const NOTES_221_LESSON: Lesson = {
  id: 'notes-221',
  title: { en: '2-2-1 worked example', ko: '2-2-1 계산 예제' },
  summary: {
    en: 'The notes’ network with two inputs, two sigmoid hidden units and one sigmoid output, trained by hand on one sample.',
    ko: '입력 2개, 시그모이드 은닉 유닛 2개, 시그모이드 출력 1개인 강의 노트의 신경망을 표본 하나로 직접 계산해 봅니다.',
  },
  steps: [
    {
      en: 'Forward: z = 0.3·1 + 0.2·1 = 0.5 for both hidden units, so h₁ = h₂ = σ(0.5) = 0.6224593.',
      ko: '순전파: 두 은닉 유닛 모두 z = 0.3·1 + 0.2·1 = 0.5 이므로 h₁ = h₂ = σ(0.5) = 0.6224593 입니다.',
    },
    {
      en: 'Loss: E = ½(y − ŷ)² with y = 1. Backward, the output’s δ is (ŷ − y)·ŷ(1 − ŷ).',
      ko: '손실: y = 1 일 때 E = ½(y − ŷ)². 역전파에서 출력층의 δ는 (ŷ − y)·ŷ(1 − ŷ) 입니다.',
    },
    {
      en: 'Each ∂E/∂w is a product of factors (chain rule); the hidden layer reuses the output’s δ. That reuse is backpropagation.',
      ko: '각 ∂E/∂w는 인수들의 곱(연쇄 법칙)입니다. 은닉층은 출력층의 δ를 다시 씁니다. 이것이 오차역전파입니다.',
    },
    {
      en: 'Update with η = 0.01: w2_11 becomes 0.1006995 and w1_11 becomes 0.3000264 (the notes print 0.30026).',
      ko: 'η = 0.01 로 갱신하면 w2_11 은 0.1006995, w1_11 은 0.3000264 가 됩니다 (노트에는 0.30026 으로 적혀 있습니다).',
    },
  ],
  source: '002 — 예제 데이터를 사용한 가중치 업데이트',
  view: 'step',
  project: notes221LessonProject,
  variants: [],
};
