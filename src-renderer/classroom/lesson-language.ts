/** Picks a lesson text in the UI's language. */
import i18next from 'i18next';
import type { LessonLanguage, LocalizedText } from '../../src-engine/lessons';

/** The lesson language for an i18next language tag ('ko', 'ko-KR' → 'ko'; anything else → 'en'). */
export function lessonLanguage(tag: string | undefined = i18next.language): LessonLanguage {
  return tag?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** `text` in the UI's language (or in `tag`'s). */
export function lessonText(text: LocalizedText, tag?: string): string {
  return text[lessonLanguage(tag)];
}
