/**
 * The classroom bar under the header: Lessons, Step mode, Compare, Glossary and
 * Presentation mode, and the open lesson's title. It also runs the classroom's page effects.
 */
import { useTranslation } from 'react-i18next';
import { findLesson } from '../../src-engine/lessons';
import { appStore, useApp } from '../store/app-store';
import './classroom.css';
import { lessonText } from './lesson-language';
import { LessonsMenu } from './LessonsMenu';
import { CLASSROOM_NAMES } from './names';
import { setPresentation, useClassroomEffects } from './use-classroom-effects';

export function ClassroomBar() {
  useClassroomEffects();
  const { t, i18n } = useTranslation();
  const panel = useApp((s) => s.classroom.panel);
  const lessonId = useApp((s) => s.classroom.lessonId);
  const cardOpen = useApp((s) => s.classroom.lessonCardOpen);
  const presentation = useApp((s) => s.classroom.presentation);
  const lesson = lessonId ? findLesson(lessonId) : null;
  const actions = appStore.getState();
  const toggle = (p: 'step' | 'compare' | 'glossary') => (panel === p ? actions.openPanel(null) : actions.openPanel(p));

  return (
    <div className="classroom-bar" role="toolbar" aria-label={CLASSROOM_NAMES.bar}>
      <span className="classroom-bar-label" aria-hidden="true">
        {t('classroom.bar')}
      </span>
      <LessonsMenu />
      <button type="button" className="btn btn-class" aria-label={CLASSROOM_NAMES.stepMode} aria-pressed={panel === 'step'} onClick={() => toggle('step')}>
        {t('classroom.stepMode')}
      </button>
      <button type="button" className="btn btn-class" aria-label={CLASSROOM_NAMES.compare} aria-pressed={panel === 'compare'} onClick={() => toggle('compare')}>
        {t('classroom.compare')}
      </button>
      <button type="button" className="btn btn-class" aria-label={CLASSROOM_NAMES.glossary} aria-pressed={panel === 'glossary'} onClick={() => toggle('glossary')}>
        {t('classroom.glossary')}
      </button>
      {lesson && (
        <div className="classroom-lesson">
          <span className="classroom-lesson-label">{t('classroom.lesson')}</span>
          <button
            type="button"
            className="classroom-lesson-title"
            aria-label={CLASSROOM_NAMES.toggleLessonCard}
            aria-pressed={cardOpen && panel === null}
            title={cardOpen ? t('classroom.hideLesson') : t('classroom.showLesson')}
            onClick={() => (panel !== null ? actions.setClassroom({ panel: null, lessonCardOpen: true }) : actions.setClassroom({ lessonCardOpen: !cardOpen }))}
          >
            {lessonText(lesson.title, i18n.language)}
          </button>
        </div>
      )}
      <button
        type="button"
        className={`btn btn-class classroom-present${presentation ? ' is-on' : ''}`}
        aria-label={CLASSROOM_NAMES.presentation}
        aria-pressed={presentation}
        title={t('classroom.presentationHint')}
        onClick={() => setPresentation(!presentation)}
      >
        <svg aria-hidden="true" className="present-icon" viewBox="0 0 16 16" width="14" height="14">
          <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
        {presentation ? t('classroom.presentationOn') : t('classroom.presentation')}
      </button>
    </div>
  );
}
