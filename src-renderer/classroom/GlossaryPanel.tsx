/**
 * The glossary: the notes' Korean terms beside the English ones, a one-line meaning in the
 * UI's language, and a button that opens the lesson (or view) that shows each. The English
 * column is English on purpose, in both languages (marked lang="en").
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findLesson, GLOSSARY, type GlossaryEntry } from '../../src-engine/lessons';
import { appStore } from '../store/app-store';
import { lessonText } from './lesson-language';
import { CLASSROOM_NAMES } from './names';
import { openLessonAction } from './open-lesson';

function follow(entry: GlossaryEntry): void {
  if (entry.link.type === 'lesson') {
    void openLessonAction(entry.link.lessonId);
    return;
  }
  // The gradient check lives in Step mode.
  appStore.getState().openPanel('step');
}

export function GlossaryPanel() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const entries = q ? GLOSSARY.filter((g) => g.ko.includes(q) || g.en.toLowerCase().includes(q) || lessonText(g.meaning, i18n.language).toLowerCase().includes(q)) : GLOSSARY;
  return (
    <section className="glossary-panel" aria-label={CLASSROOM_NAMES.glossary}>
      <div className="step-toolbar">
        <h2 className="dock-title">{t('glossary.title')}</h2>
        <p className="panel-hint glossary-intro">{t('glossary.intro')}</p>
        <div className="step-tools">
          <input type="search" className="glossary-search" aria-label={CLASSROOM_NAMES.glossarySearch} placeholder={t('glossary.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
          <button type="button" className="icon-btn" aria-label={CLASSROOM_NAMES.closePanel} title={t('classroom.closePanel')} onClick={() => appStore.getState().openPanel(null)}>
            ×
          </button>
        </div>
      </div>
      <div className="table-scroll glossary-scroll">
        <table className="glossary-table">
          <thead>
            <tr>
              <th scope="col">{t('glossary.korean')}</th>
              <th scope="col">{t('glossary.english')}</th>
              <th scope="col">{t('glossary.meaning')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const lesson = entry.link.type === 'lesson' ? findLesson(entry.link.lessonId) : null;
              return (
                <tr key={entry.id} data-term={entry.id}>
                  <td lang="ko" className="glossary-ko">
                    {entry.ko}
                  </td>
                  <td lang="en" className="glossary-en">
                    {entry.en}
                  </td>
                  <td>{lessonText(entry.meaning, i18n.language)}</td>
                  <td>
                    <button type="button" className="chip" aria-label={`Show ${entry.en}`} onClick={() => follow(entry)}>
                      {t('glossary.show')}
                      {lesson ? ` · ${lessonText(lesson.title, i18n.language)}` : ` · ${t('gradcheck.title')}`}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {entries.length === 0 && <p className="panel-hint">{t('glossary.noMatch')}</p>}
      </div>
    </section>
  );
}
