/**
 * The classroom half of the store: the open lesson, Step mode (a traced training step shown
 * stage by stage, with a gradient check), the side-by-side comparison and optimizer race,
 * the glossary and presentation mode. Step mode and every comparison lane talk to the
 * trainer over connections of their own (`laneConnector`), so each is its own run and the
 * editor's run is never touched. Connections live in closures, not in state.
 *
 * Step mode is in step-mode-slice.ts and the comparison in compare-slice.ts; this file holds
 * the lesson and panel state and puts the three together.
 */
import type { StateCreator } from 'zustand';
import { findLesson, type LessonLanguage } from '../../src-engine/lessons';
import { LIMITS } from '../../src-engine/project';
import { openTrainerLane, type LaneConnector } from '../classroom/lane-connection';
import { createCompareSlice, type CompareSlice } from './compare-slice';
import { createStepModeSlice, STEP_OFF, type StepModeSlice } from './step-mode-slice';
import type { AppState } from './types';

export { STEP_OFF, type StepModeState } from './step-mode-slice';
export type { CompareLane, CompareState, LaneSpec } from './compare-slice';

/** The classroom panel shown in the dock under the canvas, if any. */
export type ClassroomPanel = 'step' | 'compare' | 'glossary';

/** Digits after the point that Step mode may show (formatNumber allows 0 … 15). */
export const DECIMAL_CHOICES = [2, 3, 4, 5, 6, 7, 8, 10, 12, 15] as const;
/** Seven digits: the notes' 0.1006995 and 0.3000264. */
export const DEFAULT_DECIMALS = 7;

export interface ClassroomState {
  panel: ClassroomPanel | null;
  /** The lesson opened last (its card shows over the canvas), or null. */
  lessonId: string | null;
  lessonCardOpen: boolean;
  decimals: number;
  presentation: boolean;
}

export interface ClassroomSlice extends StepModeSlice, CompareSlice {
  classroom: ClassroomState;
  /** Opens trainer connections for Step mode and lanes; tests replace it with fakes. */
  laneConnector: LaneConnector;

  setClassroom(patch: Partial<ClassroomState>): void;
  openPanel(panel: ClassroomPanel | null): void;
  /**
   * Loads a lesson's project (or one variant's), named in `language`, and opens the
   * lesson's view (Step mode starts tracing; a comparison panel opens).
   */
  openLesson(lessonId: string, variantId?: string, language?: LessonLanguage): boolean;
}

export function createClassroomSlice(): StateCreator<AppState, [], [], ClassroomSlice> {
  return (set, get) => {
    const stepMode = createStepModeSlice(set, get);
    const compare = createCompareSlice(set, get);
    const { closeStepLane } = stepMode;
    const { closeLanes } = compare;

    return {
      ...stepMode.slice,
      ...compare.slice,
      classroom: { panel: null, lessonId: null, lessonCardOpen: true, decimals: DEFAULT_DECIMALS, presentation: false },
      laneConnector: openTrainerLane,

      setClassroom(patch) {
        set({ classroom: { ...get().classroom, ...patch } });
      },

      openPanel(panel) {
        const { classroom, stepMode } = get();
        if (panel === 'step' && stepMode.status === 'off') {
          get().startStepMode();
          return;
        }
        set({ classroom: { ...classroom, panel } });
      },

      openLesson(lessonId, variantId, language = 'en') {
        const lesson = findLesson(lessonId);
        if (!lesson) return false;
        const variant = variantId === undefined ? null : lesson.variants.find((v) => v.id === variantId) ?? null;
        const project = variant ? variant.project() : lesson.project();
        const name = variant ? `${lesson.title[language]} — ${variant.title[language]}` : lesson.title[language];
        get().loadProject({ ...project, name: name.slice(0, LIMITS.maxNameLength) });
        closeStepLane();
        set({ stepMode: STEP_OFF, classroom: { ...get().classroom, lessonId, lessonCardOpen: true, panel: null } });
        if (lesson.view === 'step') get().startStepMode();
        else if (lesson.view === 'compare') {
          if (get().compare.key !== lessonId) {
            closeLanes();
            set({ compare: { key: lessonId, lanes: [] } });
          }
          get().setClassroom({ panel: 'compare' });
        }
        return true;
      },
    };
  };
}
