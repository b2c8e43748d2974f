/**
 * Stable English accessible names of the classroom's controls (see i18n/README.md, "Stable
 * accessible names"): visible text follows the language, these names do not, so tests and
 * scripts find the controls by role and name in any language. Lesson items are named by
 * their English title (e.g. "2-2-1 worked example").
 */
export const CLASSROOM_NAMES = {
  bar: 'Classroom',
  lessons: 'Lessons',
  lessonsMenu: 'Lesson list',
  stepMode: 'Step mode',
  compare: 'Compare',
  glossary: 'Glossary',
  presentation: 'Presentation mode',
  lessonCard: 'Lesson notes',
  toggleLessonCard: 'Lesson notes toggle',
  closeLesson: 'Close lesson',
  closePanel: 'Close panel',
  previousStage: 'Previous stage',
  nextStage: 'Next stage',
  stages: 'Stages',
  nextStep: 'Next step',
  rewind: 'Rewind',
  freshSeed: 'New seed',
  decimals: 'Decimals',
  sample: 'Sample',
  stepFormulas: 'Step formulas',
  networkDiagram: 'Network diagram',
  checkGradients: 'Check gradients',
  checkSelected: 'Check selected weight',
  gradientCheck: 'Gradient check',
  startRace: 'Start race',
  startCompare: 'Run side by side',
  raceCurrent: 'Race current network',
  stopCompare: 'Stop comparison',
  compareChart: 'Comparison chart',
  lossSurface: 'Loss surface',
  gradientNorms: 'Gradient size by layer',
  logScale: 'Log scale',
  lastLoss: 'last loss',
  glossarySearch: 'Search glossary',
} as const;
