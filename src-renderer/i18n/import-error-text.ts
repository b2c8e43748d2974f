/**
 * The importer's errors in the UI's language. The engine writes each in English from a
 * template key and params (src-engine/data-import/import-messages.ts); Korean has its own
 * sentence for every key here, and TypeScript refuses a missing one (`Record<ImportMessageKey, …>`).
 * Errors without a key (rare ones) stay in English. Translated when shown, so switching
 * the language re-renders them.
 */
import i18next from 'i18next';
import { IMPORT_MESSAGES, type ImportMessageKey } from '../../src-engine/data-import/import-messages';
import type { MessageParams } from '../../src-engine/run-messages';
import { importKo } from './import-ko';

/** An import error as the dialog keeps it. */
export interface ImportErrorLike {
  error: string;
  key?: string;
  params?: MessageParams;
}

const { missingDrop, missingMean } = importKo.importData;
const count = (n: number | string) => Number(n).toLocaleString('ko-KR');

const KO: Record<ImportMessageKey, (p: MessageParams) => string> = {
  'not-a-number': (p) => `${p.row}행, ${p.column} 열: '${p.cell}'은(는) 숫자가 아닙니다.`,
  'target-missing': (p) => `${p.row}행, ${p.column} 열: 예측할 값이 빠져 있습니다. 값을 채우거나, 빠진 값 처리를 '${missingDrop}'로 바꾸세요.`,
  'value-missing': (p) => `${p.row}행, ${p.column} 열: 값이 빠져 있습니다. 값을 채우거나, 빠진 값 처리를 '${missingDrop}' 또는 '${missingMean}'로 바꾸세요.`,
  'field-count': (p) =>
    `${p.row}행: 필드가 ${p.fields}개인데 ${p.against === 'header' ? '열 이름 행' : '첫 행'}은 ${p.width}개입니다. 구분 기호가 빠졌거나 값 안에 따옴표 없이 "${p.delimiter === 'tab' ? '탭' : p.delimiter}"이(가) 들어 있지 않은지 확인하세요.`,
  'too-many-rows': (p) => `파일의 데이터 행이 LayerLab이 학습할 수 있는 최대치인 ${count(p.max)}개보다 많습니다. 일부만 표본으로 뽑아 쓰세요.`,
  'too-many-categories': (p) =>
    `${p.column} 열에는 서로 다른 값이 ${p.count}개 있습니다. 원-핫 인코딩은 값마다 입력을 하나씩 만드는데, 최대 ${p.max}개까지입니다. 이 열을 특성에서 빼거나, 숫자라면 형식을 숫자로 바꾸세요.`,
  'too-many-inputs': (p) => `고른 특성은 원-핫 인코딩 후 입력 ${p.count}개가 됩니다. LayerLab은 입력을 최대 ${p.max}개까지 받습니다. 범주 열을 몇 개 빼세요.`,
  'single-class': (p) => `${p.column} 열에는 클래스가 하나('${p.cell}')뿐입니다. 분류에는 클래스가 둘 이상 필요합니다. 다른 목표 열을 고르세요.`,
  'too-many-classes': (p) => `${p.column} 열에는 서로 다른 값이 ${p.count}개 있어 클래스가 너무 많습니다(최대 ${p.max}개). 측정값이라면 회귀를 고르세요.`,
  'target-is-category': (p) => `${p.column} 열의 형식이 범주인데, 회귀는 숫자를 예측합니다. 형식을 숫자로 바꾸거나 분류를 고르세요.`,
  'column-empty': (p) => `${p.column} 열에는 남은 행에 값이 하나도 없습니다. 이 열을 특성에서 빼세요.`,
  'no-rows': () => '파일에 열 이름 행 아래로 데이터 행이 없습니다.',
  'all-rows-dropped': () => `모든 행에 빠진 값이 있어서 그런 행을 제외하면 데이터가 남지 않습니다. 대신 '${missingMean}'를 고르세요.`,
  'empty-file': () => '파일이 비어 있습니다.',
  'not-utf8': (p) => `파일이 UTF-8 텍스트가 아닙니다(바이트 ${count(p.byte)}이(가) 올바른 UTF-8이 아닙니다). UTF-8로 저장한 뒤(Excel에서는 "CSV UTF-8") 다시 가져오세요.`,
};

function isImportMessageKey(key: string): key is ImportMessageKey {
  return Object.hasOwn(IMPORT_MESSAGES, key);
}

/** `e` in the UI language `language`: the engine's English, or the translation of its key (an unknown key stays English). */
export function importErrorText(e: ImportErrorLike, language: string = i18next.language): string {
  if (e.key === undefined || !isImportMessageKey(e.key) || !language.startsWith('ko')) return e.error;
  return KO[e.key](e.params ?? {});
}
