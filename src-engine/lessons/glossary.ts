/**
 * The glossary: the notes' Korean terms beside the English ones, each with a one-line
 * meaning in both languages and the lesson or view that shows it.
 */
import type { LocalizedText } from './lesson-types';

/** What a glossary entry opens: a lesson (by id) or a classroom view. */
export type GlossaryLink = { type: 'lesson'; lessonId: string } | { type: 'view'; view: 'gradient-check' };

/** One term. */
export interface GlossaryEntry {
  /** Stable id (kebab-case). */
  id: string;
  ko: string;
  en: string;
  meaning: LocalizedText;
  link: GlossaryLink;
}

const lesson = (lessonId: string): GlossaryLink => ({ type: 'lesson', lessonId });

export const GLOSSARY: readonly GlossaryEntry[] = [
  { id: 'forward', ko: '순전파', en: 'forward propagation', meaning: { en: 'Inputs flow through the layers to the output: z = Σ w·x + b, a = f(z).', ko: '입력이 층을 지나 출력까지 전달됩니다: z = Σ w·x + b, a = f(z).' }, link: lesson('notes-221') },
  { id: 'backprop', ko: '오차역전파', en: 'backpropagation', meaning: { en: 'Gradients flow back from the loss, reusing each layer’s δ.', ko: '기울기가 손실에서 거꾸로 전달되며, 각 층의 δ를 다시 씁니다.' }, link: lesson('notes-221') },
  { id: 'chain-rule', ko: '연쇄 법칙', en: 'chain rule', meaning: { en: '∂E/∂w is the product of the derivatives along the path from w to E.', ko: '∂E/∂w 는 w 에서 E 까지 경로의 미분들의 곱입니다.' }, link: lesson('notes-221') },
  { id: 'cost', ko: '비용함수 (손실 함수)', en: 'cost function (loss)', meaning: { en: 'How wrong the predictions are, e.g. E = ½(y − ŷ)².', ko: '예측이 얼마나 틀렸는지 나타냅니다. 예: E = ½(y − ŷ)².' }, link: lesson('notes-221') },
  { id: 'weight', ko: '가중치', en: 'weight', meaning: { en: 'The factor w on a connection; learning changes it.', ko: '연결에 붙은 계수 w 이며, 학습으로 바뀝니다.' }, link: lesson('notes-221') },
  { id: 'gradient-descent', ko: '경사하강법', en: 'gradient descent', meaning: { en: 'w ← w − η·∂E/∂w, repeated.', ko: 'w ← w − η·∂E/∂w 를 반복합니다.' }, link: lesson('notes-linear') },
  { id: 'sgd', ko: '확률적 경사하강법', en: 'stochastic gradient descent', meaning: { en: 'One update per sample, in random order.', ko: '표본 하나마다 한 번씩, 무작위 순서로 갱신합니다.' }, link: lesson('notes-linear') },
  { id: 'mini-batch', ko: '미니배치', en: 'mini-batch', meaning: { en: 'A few samples per update: between batch and stochastic.', ko: '갱신마다 표본 몇 개를 씁니다: 배치와 확률적 방식의 중간입니다.' }, link: lesson('notes-linear') },
  { id: 'learning-rate', ko: '학습률', en: 'learning rate', meaning: { en: 'η, the size of each step down the gradient.', ko: 'η, 기울기를 따라 내려가는 한 걸음의 크기입니다.' }, link: lesson('notes-linear') },
  { id: 'activation', ko: '활성화 함수', en: 'activation function', meaning: { en: 'The non-linear f in a = f(z); without it layers collapse into one linear map.', ko: 'a = f(z) 의 비선형 함수 f 입니다. 없으면 층들이 하나의 선형 변환이 됩니다.' }, link: lesson('xor') },
  { id: 'hidden-layer', ko: '은닉층', en: 'hidden layer', meaning: { en: 'A layer between input and output.', ko: '입력층과 출력층 사이의 층입니다.' }, link: lesson('xor') },
  { id: 'vanishing', ko: '기울기 소실', en: 'vanishing gradient', meaning: { en: 'Gradients shrink layer by layer towards the input, so early layers stop learning.', ko: '기울기가 입력 쪽으로 갈수록 작아져 앞쪽 층이 학습하지 못합니다.' }, link: lesson('vanishing-gradients') },
  { id: 'overfitting', ko: '과적합', en: 'overfitting', meaning: { en: 'Fitting the training data, noise included, at the cost of new data.', ko: '잡음까지 학습 데이터에 맞춰 새 데이터에서 성능이 떨어지는 것입니다.' }, link: lesson('dropout') },
  { id: 'dropout', ko: '드롭아웃', en: 'dropout', meaning: { en: 'Randomly switching off units while training (a Bernoulli mask).', ko: '학습 중 유닛을 무작위로 끄는 것입니다 (베르누이 마스크).' }, link: lesson('dropout') },
  { id: 'optimizer', ko: '옵티마이저', en: 'optimizer', meaning: { en: 'The rule that turns gradients into weight updates.', ko: '기울기를 가중치 갱신으로 바꾸는 규칙입니다.' }, link: lesson('optimizer-race') },
  { id: 'momentum', ko: '모멘텀', en: 'momentum', meaning: { en: 'A running velocity of past gradients that smooths the path.', ko: '지난 기울기의 이동 평균 속도로 경로를 부드럽게 합니다.' }, link: lesson('optimizer-race') },
  { id: 'initialization', ko: '가중치 초기화', en: 'weight initialization', meaning: { en: 'How the first weights are drawn (Xavier, He).', ko: '처음 가중치를 정하는 방법입니다 (Xavier, He).' }, link: lesson('initialization') },
  { id: 'softmax', ko: '소프트맥스', en: 'softmax', meaning: { en: 'Turns output values into probabilities that add up to 1.', ko: '출력값을 합이 1 인 확률로 바꿉니다.' }, link: lesson('iris') },
  { id: 'gradient-check', ko: '기울기 검증', en: 'gradient check', meaning: { en: 'Backpropagated gradients compared with finite differences.', ko: '역전파로 구한 기울기를 유한 차분과 비교합니다.' }, link: { type: 'view', view: 'gradient-check' } },
];
