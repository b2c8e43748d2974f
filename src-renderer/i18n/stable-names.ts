/**
 * Accessible names that do not change with the UI language. The primary controls carry
 * these as `aria-label` while their visible text is translated, so tests, scripts and
 * automation find them by role and name in any language (e.g. role "button", name "Train").
 *
 * The cost: in Korean a screen reader announces these controls in English. We accept it for
 * this small set of controls; every other field is labelled in the chosen language.
 */
import type { LayerKind } from '../../src-engine/project';

export const CONTROL_NAMES = {
  train: 'Train',
  pause: 'Pause',
  resume: 'Resume',
  step: 'Step',
  stepEpoch: 'Step epoch',
  stop: 'Stop',
  reset: 'Reset',
  resetNewSeed: 'Reset (new seed)',
  language: 'Language',
  lossChart: 'Loss chart',
  currentLoss: 'Current loss',
  palette: 'Layers',
  canvas: 'Network canvas',
  totalParameters: 'Total parameters',
  open: 'Open',
  save: 'Save',
  undo: 'Undo',
  redo: 'Redo',
  runStatus: 'Run status',
  inspector: 'Inspector',
  newProject: 'New',
  fileMenu: 'File',
  projectName: 'Project name',
  shortcuts: 'Keyboard shortcuts',
  speed: 'Speed',
  exportModel: 'Export model',
  arrange: 'Arrange',
  restore: 'Restore',
  dismissRestore: 'Dismiss restore',
  continueRun: 'Continue training',
  autosaveStatus: 'Autosave status',
  minimap: 'Mini map',
} as const;

/** Items of the File menu: role "menuitem", these names. */
export const FILE_MENU_NAMES = {
  newProject: 'New project',
  open: 'Open project',
  save: 'Save project',
  saveAs: 'Save as',
  importModel: 'Import model',
  exportModel: 'Export model',
  shortcuts: 'Keyboard shortcuts',
} as const;

/** Palette items: role "button", name exactly the layer name. */
export const LAYER_NAMES: Record<LayerKind, string> = {
  input: 'Input',
  dense: 'Dense',
  output: 'Output',
  dropout: 'Dropout',
  activation: 'Activation',
};
