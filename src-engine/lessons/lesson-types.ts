/**
 * The shape of a classroom lesson: a ready-made project from the course notes and a short
 * text, in Korean and English, saying what to look at. Lessons are data: the renderer shows
 * them, the engine tests train them.
 */
import type { Project } from '../project';

/** The languages a lesson is written in (the UI's languages). */
export type LessonLanguage = 'en' | 'ko';

/** One text in every lesson language. */
export type LocalizedText = Readonly<Record<LessonLanguage, string>>;

/**
 * Which classroom view a lesson opens with: 'step' (Step mode on the first sample),
 * 'compare' (every variant trained at once, loss curves overlaid) or 'train' (the ordinary
 * run panel).
 */
export type LessonView = 'step' | 'compare' | 'train';

/** One of several projects a lesson compares (e.g. linear versus tanh activation). */
export interface LessonVariant {
  /** Stable id, unique within the lesson (kebab-case). */
  id: string;
  title: LocalizedText;
  /** Builds the variant's project (a fresh object on every call). */
  project(): Project;
}

/** A ready-made lesson. */
export interface Lesson {
  /** Stable id (kebab-case), e.g. 'notes-221'. */
  id: string;
  /** The English title is the lesson item's accessible name in every language. */
  title: LocalizedText;
  /** One sentence: what the lesson shows. */
  summary: LocalizedText;
  /** What to look at, in order: a few short sentences. */
  steps: readonly LocalizedText[];
  /** Where the material comes from in the notes (file and topic), shown as the source. */
  source: string;
  view: LessonView;
  /** Builds the lesson's main project (the first variant's when it has variants). */
  project(): Project;
  /** Projects to compare side by side; empty when the lesson has one project. */
  variants: readonly LessonVariant[];
  /** The comparison overlays each variant's validation loss (dashed) beside its training loss. */
  showValidation?: boolean;
}
