/**
 * The compiler's problems in the UI's language. The engine writes each message in English
 * from a template key and params (src-engine/compile-messages.ts); Korean has its own
 * sentence for every key here, and TypeScript refuses a missing one (`Record<ProblemKey, …>`).
 * Layer kinds and activation names come from the UI's own tables.
 */
import i18next from 'i18next';
import type { ProblemKey, ProblemParams } from '../../src-engine/compile-messages';

/** A problem as the store keeps it; `key`/`params` are absent for problems not from the compiler. */
export interface ProblemLike {
  message: string;
  key?: ProblemKey;
  params?: ProblemParams;
}

type Sentence = (p: ProblemParams, layer: string, activation: string) => string;

const KO: Record<ProblemKey, Sentence> = {
  'duplicate-id': (p) => `두 층이 같은 id '${p.id}'를 가지고 있습니다. 하나를 삭제하세요.`,
  'dangling-edge': (p) => `연결 '${p.edge}'이(가) 존재하지 않는 층으로 이어집니다. 연결을 삭제하세요.`,
  'no-input': () => '네트워크에 입력층이 없습니다. 입력층을 추가하고 첫 번째 층에 연결하세요.',
  'multiple-inputs': (_p, layer) => `${layer}은(는) 두 번째 입력층입니다. 네트워크의 입력층은 하나뿐이어야 합니다. 삭제하세요.`,
  'no-output': () => '네트워크에 출력층이 없습니다. 출력층을 추가하고 마지막 층을 연결하세요.',
  'multiple-outputs': (_p, layer) => `${layer}은(는) 두 번째 출력층입니다. 네트워크의 출력층은 하나뿐이어야 합니다. 삭제하세요.`,
  'input-has-incoming': (_p, layer) => `${layer}에 들어오는 연결이 있지만 입력층은 맨 앞에 있어야 합니다. 들어오는 연결을 제거하세요.`,
  'output-has-outgoing': (_p, layer) => `${layer}에서 나가는 연결이 있지만 출력층은 맨 끝에 있어야 합니다. 나가는 연결을 제거하세요.`,
  'branching-out': (p, layer) => `${layer}에서 나가는 연결이 ${p.count}개입니다. 지금은 일렬로 이어진 네트워크만 지원합니다. 하나만 남기고 제거하세요.`,
  'branching-in': (p, layer) => `${layer}에 들어오는 연결이 ${p.count}개입니다. 지금은 일렬로 이어진 네트워크만 지원합니다. 하나만 남기고 제거하세요.`,
  cycle: (_p, layer) => `${layer}이(가) 순환 고리 안에 있습니다. 데이터는 입력에서 출력으로 한 방향으로만 흘러야 합니다. 고리의 연결 하나를 제거하세요.`,
  'not-from-input': (_p, layer) => `${layer}이(가) 입력에 연결되어 있지 않습니다. 앞의 층을 연결하거나 이 층을 삭제하세요.`,
  'not-to-output': (_p, layer) => `${layer}이(가) 출력으로 이어지지 않습니다. 다음 층에 연결하거나 이 층을 삭제하세요.`,
  'output-not-connected': (_p, layer) => `${layer}이(가) 입력에 연결되어 있지 않습니다. 마지막 층을 출력층에 연결하세요.`,
  'softmax-one-unit': (_p, layer) => `${layer}은(는) 유닛 1개에 소프트맥스를 적용하므로 출력이 항상 1입니다. 유닛이 하나면 시그모이드를 쓰거나 유닛을 2개 이상으로 하세요.`,
  'softmax-one-value': (_p, layer) => `${layer}은(는) 값 1개에 소프트맥스를 적용하므로 출력이 항상 1입니다. 시그모이드를 쓰거나 유닛이 2개 이상인 층 뒤에 두세요.`,
  'manual-weights-count': (p, layer) =>
    `${layer}: 가중치 초기화의 직접 입력 값이 ${p.got}개인데 ${p.need}개가 필요합니다(입력 ${p.inputs}개 × 유닛 ${p.units}개, W[입력][출력]을 행 순서로). 목록을 고치거나 다른 초기화를 고르세요.`,
  'manual-bias-count': (p, layer) => `${layer}: 편향 초기화의 직접 입력 값이 ${p.got}개인데 ${p.need}개(유닛마다 하나)가 필요합니다. 목록을 고치거나 다른 초기화를 고르세요.`,
  'output-units-regression': (p, layer) => `${layer}의 유닛은 ${p.units}개인데 데이터의 목표값은 ${p.targets}개입니다. 유닛을 ${p.targets}개로 하세요.`,
  'output-units-binary': (p, layer) => `${layer}의 유닛은 ${p.units}개인데 데이터의 클래스는 2개입니다. 시그모이드 유닛 1개나 소프트맥스 유닛 2개를 쓰세요.`,
  'output-units-classes': (p, layer) => `${layer}의 유닛은 ${p.units}개인데 데이터의 클래스는 ${p.classes}개입니다. 소프트맥스 유닛 ${p.classes}개로 하세요.`,
  'loss-task': () => '교차 엔트로피는 분류용 손실인데 데이터는 회귀 문제입니다. 손실로 mse, mae, Huber 또는 ½·SSE를 고르세요.',
  'bce-output': (p, layer, activation) =>
    `이진 교차 엔트로피에는 시그모이드 유닛 1개의 출력이 필요한데 ${layer}은(는) ${activation} 유닛 ${p.units}개입니다. 시그모이드 유닛 1개로 하거나 소프트맥스 출력과 범주형 교차 엔트로피를 쓰세요.`,
  'cce-output': (_p, layer, activation) =>
    `범주형 교차 엔트로피에는 소프트맥스 출력이 필요한데 ${layer}은(는) ${activation}을(를) 씁니다. 활성화를 소프트맥스로 하거나 시그모이드 유닛 1개와 이진 교차 엔트로피를 쓰세요.`,
};

/** `problem` in the current UI language: the engine's English, or the translation of its key. */
export function problemText(problem: ProblemLike, language: string = i18next.language): string {
  if (!problem.key || !language.startsWith('ko')) return problem.message;
  const p = problem.params ?? {};
  const t = i18next.getFixedT('ko');
  const layer = p.kind === undefined ? '' : `${t(`layers.${p.kind}`)} '${p.name}'`;
  const activation = p.activation === undefined ? '' : t(`activations.${p.activation}`);
  return KO[problem.key](p, layer, activation);
}
