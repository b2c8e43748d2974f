/**
 * The trainer's run messages (divergence, step mode's refusals) in the UI's language. The
 * engine writes each in English from a template key and params (src-engine/run-messages.ts);
 * Korean has its own sentence for every key here, and TypeScript refuses a missing one
 * (`Record<RunMessageKey, …>`). Translated when shown, so switching the language re-renders it.
 */
import i18next from 'i18next';
import { RUN_MESSAGES, type MessageParams, type RunMessageKey } from '../../src-engine/run-messages';

/** A trainer message as the store keeps it; `key`/`params` are absent for messages without a template. */
export interface RunMessageLike {
  message: string;
  key?: string;
  params?: MessageParams;
}

const KO_FIX = (p: MessageParams) => `학습률(${p.lr})이 너무 높은 것 같습니다. 학습률을 낮추거나 기울기 클리핑을 켜세요.`;
const KO_SCALE = '입력값이 아주 커도 이런 일이 생깁니다. 입력을 대략 −1 … 1 범위로 맞추세요.';
/** "손실이 NaN이" / "손실이 무한대가": the engine's 'NaN' or 'infinite', with its particle. */
const koLoss = (p: MessageParams) => (p.value === 'NaN' ? '손실이 NaN이' : '손실이 무한대가');

const KO: Record<RunMessageKey, (p: MessageParams) => string> = {
  'diverged-loss-output': (p) =>
    `${p.step}번째 스텝에서 학습이 발산했습니다: 출력층 '${p.layer}'에서 ${koLoss(p)} 되어 갱신하지 않았습니다. ${KO_FIX(p)} ${KO_SCALE}`,
  'diverged-loss-overflow': (p) =>
    `${p.step}번째 스텝에서 학습이 발산했습니다: '${p.layer}'의 출력이 넘쳐서(오버플로) ${koLoss(p)} 되었고, 갱신하지 않았습니다. ${KO_FIX(p)} ${KO_SCALE}`,
  'diverged-gradient': (p) =>
    `${p.step}번째 스텝에서 학습이 발산했습니다: '${p.layer}'의 기울기가 무한대나 NaN이 되어(기울기 폭주) 갱신하지 않았습니다. ${KO_FIX(p)}`,
  'diverged-update': (p) => `${p.step}번째 스텝에서 학습이 발산했습니다: 갱신하면 '${p.layer}'의 가중치가 넘쳐서(오버플로) 갱신하지 않았습니다. ${KO_FIX(p)}`,
  'trace-too-many-features': (p) =>
    `단계 모드는 층마다 값이 ${p.max}개까지인 신경망만 보여 주는데, 데이터의 입력은 ${p.features}개입니다. 특성이 더 적은 데이터 세트를 쓰세요.`,
  'trace-too-many-units': (p) =>
    `단계 모드는 층마다 유닛이 ${p.max}개까지인 신경망만 보여 주는데, 층 '${p.layer}'의 유닛은 ${p.units}개입니다. 유닛을 ${p.max}개 이하로 줄이세요.`,
  'trace-batch-too-large': (p) =>
    `단계 모드는 표본이 ${p.max}개까지인 배치만 보여 주는데, 다음 배치의 표본은 ${p.rows}개입니다. 확률적 학습이나 배치 크기가 ${p.max} 이하인 미니배치 학습을 고르세요.`,
};

function isRunMessageKey(key: string): key is RunMessageKey {
  return Object.hasOwn(RUN_MESSAGES, key);
}

/** `m` in the UI language `language`: the engine's English, or the translation of its key (an unknown key stays English). */
export function runMessageText(m: RunMessageLike, language: string = i18next.language): string {
  if (m.key === undefined || !isRunMessageKey(m.key) || !language.startsWith('ko')) return m.message;
  return KO[m.key](m.params ?? {});
}
