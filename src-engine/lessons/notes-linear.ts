/**
 * Lesson: batch, stochastic and mini-batch gradient descent on the notes' linear model
 * ŷ = b₁X (002, "경사하강법"): X = 2, 1, 3, 4; y = 5, 2, 6, 6; E = ½Σ(y − ŷ)² summed over
 * the batch; b₁ starts at 10. Stochastic with η = 0.1 in file order gives 10 → 7 → 6.5.
 * Because the loss sums over the batch, a batch of h samples has a gradient about h times
 * larger, so the batch and mini-batch variants use η = 0.1/h (0.025 for all 4, 0.05 for 2).
 */
import type { Project } from '../project';
import { chainLessonProject } from './build';
import type { Lesson } from './lesson-types';

/** The ways of choosing samples for one update that the lesson compares. */
export type GradientDescentKind = 'stochastic' | 'minibatch' | 'batch';

/** η per kind: 0.1 divided by the samples per update (see the module comment). */
export const LINEAR_LESSON_LR: Readonly<Record<GradientDescentKind, number>> = { stochastic: 0.1, minibatch: 0.05, batch: 0.025 };

/** The linear model ŷ = b₁X from b₁ = 10, trained the `kind` way, in float64. */
export function notesLinearLessonProject(kind: GradientDescentKind = 'stochastic'): Project {
  const names: Record<GradientDescentKind, string> = { stochastic: 'b1: stochastic', minibatch: 'b1: mini-batch', batch: 'b1: batch' };
  return chainLessonProject(
    names[kind],
    [{ id: 'b1', type: 'output', data: { name: 'b₁', units: 1, activation: 'linear', useBias: false, kernelInitializer: { type: 'manual', values: [10] } } }],
    { type: 'builtin', name: 'notes_linear' },
    {
      loss: 'half_sse',
      optimizer: { type: 'sgd', lr: LINEAR_LESSON_LR[kind] },
      batchMode: kind,
      batchSize: 2,
      shuffle: false,
      validationSplit: 0,
      epochs: 30,
      precision: 'float64',
    },
  );
}

export const NOTES_LINEAR_LESSON: Lesson = {
  id: 'notes-linear',
  title: { en: 'Batch, stochastic and mini-batch', ko: '배치, 확률적, 미니배치 경사하강법' },
  summary: {
    en: 'The notes’ linear model ŷ = b₁X on four points, updated one sample, two samples or all four at a time.',
    ko: '점 4개에 대한 강의 노트의 선형 모형 ŷ = b₁X 를 표본 1개, 2개, 4개 전부씩 갱신해 봅니다.',
  },
  steps: [
    {
      en: 'Stochastic, η = 0.1: the first sample (X = 2, y = 5) gives ∂E/∂b₁ = 4b₁ − 10 = 30, so b₁ goes 10 → 7.',
      ko: '확률적 경사하강법, η = 0.1: 첫 표본 (X = 2, y = 5) 에서 ∂E/∂b₁ = 4b₁ − 10 = 30 이므로 b₁ 은 10 → 7 이 됩니다.',
    },
    {
      en: 'The next sample (X = 1, y = 2) gives ∂E/∂b₁ = b₁ − 2 = 5, so b₁ goes 7 → 6.5. Press Another step in Step mode to see it.',
      ko: '다음 표본 (X = 1, y = 2) 에서 ∂E/∂b₁ = b₁ − 2 = 5 이므로 b₁ 은 7 → 6.5 가 됩니다. 단계 모드에서 한 스텝 더 를 눌러 확인하세요.',
    },
    {
      en: 'The loss sums over the batch, so larger batches use a smaller η (0.05 for two samples, 0.025 for all four).',
      ko: '손실은 배치에 대해 합하므로 배치가 클수록 η를 작게 합니다 (표본 2개는 0.05, 4개 전부는 0.025).',
    },
    {
      en: 'Compare the three: the batch curve falls smoothly, the stochastic one zigzags, mini-batch lies between.',
      ko: '세 가지를 비교해 보세요: 배치 곡선은 매끄럽게 내려가고, 확률적 곡선은 지그재그로 움직이며, 미니배치는 그 중간입니다.',
    },
  ],
  source: '002 — 경사하강법 (배치, 확률적, 미니배치)',
  view: 'step',
  project: () => notesLinearLessonProject('stochastic'),
  variants: [
    { id: 'stochastic', title: { en: 'Stochastic (1 sample)', ko: '확률적 (표본 1개)' }, project: () => notesLinearLessonProject('stochastic') },
    { id: 'minibatch', title: { en: 'Mini-batch (2 samples)', ko: '미니배치 (표본 2개)' }, project: () => notesLinearLessonProject('minibatch') },
    { id: 'batch', title: { en: 'Batch (all 4 samples)', ko: '배치 (표본 4개 전부)' }, project: () => notesLinearLessonProject('batch') },
  ],
};
