/**
 * The open lesson's text: its title, what it shows and what to look at, in the UI's
 * language, with its variants (each opens in the editor) and its source in the notes. It
 * floats over the canvas while no classroom panel is open; with a panel open, the panel
 * shows the same notes beside its numbers (`LessonNotes`), so the canvas stays clear.
 */
import { useTranslation } from 'react-i18next';
import { findLesson, type Lesson } from '../../src-engine/lessons';
import { appStore, useApp } from '../store/app-store';
import { lessonText } from './lesson-language';
import { CLASSROOM_NAMES } from './names';
import { openLessonAction } from './open-lesson';

/** The lesson's notes (without a frame). */
export function LessonNotes({ lesson, compact = false }: { lesson: Lesson; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className={`lesson-notes${compact ? ' is-compact' : ''}`}>
      {!compact && <p className="lesson-card-summary">{lessonText(lesson.summary, lang)}</p>}
      <h3 className="lesson-card-subtitle">{t('classroom.whatToLookAt')}</h3>
      <ol className="lesson-card-steps">
        {lesson.steps.map((step, i) => (
          <li key={i}>{lessonText(step, lang)}</li>
        ))}
      </ol>
      {lesson.variants.length > 0 && (
        <>
          <h3 className="lesson-card-subtitle">{t('classroom.variants')}</h3>
          <ul className="lesson-card-variants">
            {lesson.variants.map((v) => (
              <li key={v.id}>
                <button type="button" className="chip" aria-label={v.title.en} title={t('classroom.openVariant')} onClick={() => void openLessonAction(lesson.id, v.id)}>
                  {lessonText(v.title, lang)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="lesson-card-source">{t('classroom.source', { source: lesson.source })}</p>
    </div>
  );
}

/** The open lesson, or null. */
export function useOpenLesson(): Lesson | null {
  const lessonId = useApp((s) => s.classroom.lessonId);
  return lessonId ? findLesson(lessonId) : null;
}

export function LessonCard() {
  const { t, i18n } = useTranslation();
  const lesson = useOpenLesson();
  const open = useApp((s) => s.classroom.lessonCardOpen && s.classroom.panel === null);
  if (!lesson || !open) return null;
  return (
    <aside className="lesson-card" aria-label={CLASSROOM_NAMES.lessonCard}>
      <header className="lesson-card-head">
        <span className="lesson-card-kicker">{t('classroom.lesson')}</span>
        <h2 className="lesson-card-title">{lessonText(lesson.title, i18n.language)}</h2>
        <button type="button" className="icon-btn" aria-label={CLASSROOM_NAMES.closeLesson} title={t('classroom.hideLesson')} onClick={() => appStore.getState().setClassroom({ lessonCardOpen: false })}>
          ×
        </button>
      </header>
      <LessonNotes lesson={lesson} />
    </aside>
  );
}
