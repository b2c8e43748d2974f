/**
 * Stable English accessible names of the live views (see i18n/README.md): the panels, their
 * toggles and canvases keep these in every language, so tests and scripts find them by
 * role and name. Visible text is translated.
 */
import type { PanelId } from '../store/views-slice';

/** Panel toggles (role "button", aria-pressed) and panel regions (role "region"). */
export const PANEL_NAMES: Record<PanelId, string> = {
  loss: 'Loss and accuracy',
  network: 'Network view',
  gradients: 'Gradients',
  boundary: 'Decision boundary',
  distributions: 'Distributions',
  confusion: 'Confusion matrix',
};

/** Canvases (role "img") and other controls of the views. */
export const VIEW_NAMES = {
  networkCanvas: 'Network view',
  gradientChart: 'Gradient norms',
  gradientBars: 'Gradient norms now',
  boundaryCanvas: 'Decision boundary',
  hiddenUnits: 'Hidden units',
  distributionsCanvas: 'Distributions',
  confusionTable: 'Confusion matrix',
  vanishingWarning: 'Vanishing gradients',
  explodingWarning: 'Exploding gradients',
  overfitting: 'Overfitting',
  viewsToolbar: 'Views',
  history: 'History',
  live: 'Live',
  exportCsv: 'Export metrics CSV',
  liveChanges: 'Live changes',
  applyLive: 'Apply live changes',
  liveLr: 'Live learning rate',
  liveL1: 'Live L1',
  liveL2: 'Live L2',
  liveDropout: 'Live dropout rate',
  sample: 'Sample',
  clearSample: 'Clear sample',
  smoothing: 'Smoothing',
  accuracy: 'Show accuracy',
  progress: 'Training progress',
  scrubValues: 'Values at history step',
} as const;

/** "Enlarge Network view", "Hide Network view", "Save Network view as PNG". */
export const panelAction = {
  enlarge: (id: PanelId) => `Enlarge ${PANEL_NAMES[id]}`,
  restore: (id: PanelId) => `Restore ${PANEL_NAMES[id]}`,
  hide: (id: PanelId) => `Hide ${PANEL_NAMES[id]}`,
  png: (id: PanelId) => `Save ${PANEL_NAMES[id]} as PNG`,
};
