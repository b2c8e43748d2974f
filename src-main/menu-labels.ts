/**
 * Words of the native menu and the About dialog in LayerLab's languages. Main has no i18next;
 * these few strings follow the renderer's wording (src-renderer/i18n/*.ts). Native roles
 * (Cut, Copy, Hide, Quit …) are labelled by the operating system itself.
 */

export interface MenuLabels {
  file: string;
  edit: string;
  view: string;
  train: string;
  help: string;
  newProject: string;
  open: string;
  openRecent: string;
  clearRecent: string;
  noRecent: string;
  save: string;
  saveAs: string;
  importCsv: string;
  exportModel: string;
  undo: string;
  redo: string;
  presentationMode: string;
  theme: string;
  themeSystem: string;
  themeLight: string;
  themeDark: string;
  trainStart: string;
  pause: string;
  step: string;
  reset: string;
  about: string;
  licences: string;
  ok: string;
  showLicenceTexts: string;
  bundledData: string;
  bundledLibraries: string;
  offline: string;
}

const en: MenuLabels = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  train: 'Train',
  help: 'Help',
  newProject: 'New Project',
  open: 'Open…',
  openRecent: 'Open Recent',
  clearRecent: 'Clear Menu',
  noRecent: 'No Recent Projects',
  save: 'Save',
  saveAs: 'Save As…',
  importCsv: 'Import CSV…',
  exportModel: 'Export Model…',
  undo: 'Undo',
  redo: 'Redo',
  presentationMode: 'Presentation Mode',
  theme: 'Theme',
  themeSystem: 'Follow System',
  themeLight: 'Light',
  themeDark: 'Dark',
  trainStart: 'Train',
  pause: 'Pause',
  step: 'Step',
  reset: 'Reset Weights',
  about: 'About LayerLab',
  licences: 'Licences…',
  ok: 'OK',
  showLicenceTexts: 'Show Licence Texts',
  bundledData: 'Bundled data sets',
  bundledLibraries: 'Bundled libraries',
  offline: 'LayerLab works offline: it makes no network requests and sends no telemetry.',
};

const ko: MenuLabels = {
  file: '파일',
  edit: '편집',
  view: '보기',
  train: '학습',
  help: '도움말',
  newProject: '새 프로젝트',
  open: '열기…',
  openRecent: '최근 항목 열기',
  clearRecent: '메뉴 지우기',
  noRecent: '최근 프로젝트 없음',
  save: '저장',
  saveAs: '다른 이름으로 저장…',
  importCsv: 'CSV 가져오기…',
  exportModel: '모델 내보내기…',
  undo: '실행 취소',
  redo: '다시 실행',
  presentationMode: '발표 모드',
  theme: '테마',
  themeSystem: '시스템 설정 따르기',
  themeLight: '밝게',
  themeDark: '어둡게',
  trainStart: '학습 시작',
  pause: '일시정지',
  step: '한 단계',
  reset: '가중치 초기화',
  about: 'LayerLab 정보',
  licences: '라이선스…',
  ok: '확인',
  showLicenceTexts: '라이선스 전문 보기',
  bundledData: '포함된 데이터 세트',
  bundledLibraries: '포함된 라이브러리',
  offline: 'LayerLab은 오프라인으로 동작합니다. 네트워크 요청을 보내지 않으며 사용 데이터를 수집하지 않습니다.',
};

export const MENU_LABELS: Readonly<Record<'en' | 'ko', MenuLabels>> = { en, ko };

/**
 * Labels for the chosen language, else the system locale (`app.getLocale()`), else English.
 * `language` is a BCP 47 tag such as 'ko' or 'ko-KR'.
 */
export function menuLabelsFor(language: string | null, systemLocale: string): MenuLabels {
  const tag = (language ?? systemLocale).toLowerCase();
  return tag === 'ko' || tag.startsWith('ko-') ? ko : en;
}
