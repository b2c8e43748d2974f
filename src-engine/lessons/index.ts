/**
 * The classroom's ready-made lessons from the course notes, in the order a course meets
 * them, and the glossary that links the notes' Korean terms to them.
 */
import { DIGITS_LESSON, IRIS_LESSON } from './datasets-lessons';
import { DROPOUT_LESSON, INITIALIZATION_LESSON, VANISHING_LESSON } from './deep-networks';
import type { Lesson } from './lesson-types';
import { NOTES_221_LESSON } from './notes-221';
import { NOTES_LINEAR_LESSON } from './notes-linear';
import { OPTIMIZER_RACE_LESSON } from './optimizer-race';
import { XOR_LESSON } from './xor';

export type { Lesson, LessonLanguage, LessonVariant, LessonView, LocalizedText } from './lesson-types';
export { notes221LessonProject } from './notes-221';
export { notesLinearLessonProject, LINEAR_LESSON_LR, type GradientDescentKind } from './notes-linear';
export { xorLessonProject, XOR_POINTS } from './xor';
export { vanishingLessonProject, initializationLessonProject, dropoutLessonProject, VANISHING_DEPTH, type InitializationKind } from './deep-networks';
export { irisLessonProject, digitsLessonProject } from './datasets-lessons';
export { RACE_LANES, raceLessonProject, withLaneOptimizer, type RaceLane } from './optimizer-race';
export * from './loss-surface';
export { GLOSSARY, type GlossaryEntry, type GlossaryLink } from './glossary';

/** Every lesson, in teaching order. */
export const LESSONS: readonly Lesson[] = [
  NOTES_221_LESSON,
  NOTES_LINEAR_LESSON,
  XOR_LESSON,
  VANISHING_LESSON,
  DROPOUT_LESSON,
  OPTIMIZER_RACE_LESSON,
  INITIALIZATION_LESSON,
  IRIS_LESSON,
  DIGITS_LESSON,
];

/** The lesson with `id`, or null. */
export function findLesson(id: string): Lesson | null {
  return LESSONS.find((l) => l.id === id) ?? null;
}
