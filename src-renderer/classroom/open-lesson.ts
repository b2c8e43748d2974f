/** Opening a lesson as a user action: ask before discarding unsaved changes, then load it. */
import { findLesson } from '../../src-engine/lessons';
import { confirmDiscard } from '../app/file-actions';
import { forgetCurrentFile } from '../bridge/project-files';
import { appStore } from '../store/app-store';
import { lessonLanguage } from './lesson-language';

/** Opens lesson `lessonId` (or one of its variants) after the unsaved-changes question. */
export async function openLessonAction(lessonId: string, variantId?: string): Promise<void> {
  const lesson = findLesson(lessonId);
  if (!lesson || !(await confirmDiscard())) return;
  forgetCurrentFile();
  appStore.getState().openLesson(lessonId, variantId, lessonLanguage());
}
