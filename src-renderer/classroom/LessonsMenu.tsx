/**
 * The "Lessons" button and its list of ready-made lessons from the notes. Each item is a
 * button named by the lesson's English title; its visible text follows the language.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LESSONS } from '../../src-engine/lessons';
import { lessonText } from './lesson-language';
import { CLASSROOM_NAMES } from './names';
import { openLessonAction } from './open-lesson';

const VIEW_KEYS = { step: 'classroom.viewStep', compare: 'classroom.viewCompare', train: 'classroom.viewTrain' } as const;

export function LessonsMenu() {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="lessons-menu" ref={root}>
      <button type="button" className="btn btn-class" aria-label={CLASSROOM_NAMES.lessons} aria-expanded={open} aria-haspopup="true" onClick={() => setOpen((o) => !o)}>
        {t('classroom.lessons')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="lessons-popover" role="region" aria-label={CLASSROOM_NAMES.lessonsMenu}>
          <h2 className="lessons-popover-title">{t('classroom.lessonsTitle')}</h2>
          <ol className="lessons-list">
            {LESSONS.map((lesson, i) => (
              <li key={lesson.id}>
                <button
                  type="button"
                  className="lesson-item"
                  aria-label={lesson.title.en}
                  onClick={() => {
                    setOpen(false);
                    void openLessonAction(lesson.id);
                  }}
                >
                  <span className="lesson-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span className="lesson-item-text">
                    <span className="lesson-item-title" lang={i18n.language}>
                      {lessonText(lesson.title, i18n.language)}
                    </span>
                    <span className="lesson-item-summary">{lessonText(lesson.summary, i18n.language)}</span>
                  </span>
                  <span className={`lesson-view lesson-view-${lesson.view}`}>{t(VIEW_KEYS[lesson.view])}</span>
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
