/**
 * Stable English accessible names of the CSV import (see i18n/README.md): the same in every
 * language, so tests and scripts find the controls by role and name. Visible text is translated.
 */
export const IMPORT_NAMES = {
  /** button in the data set section, and File menu item (role "menuitem"). */
  openButton: 'Import CSV…',
  /** The dialog (role "dialog"). */
  dialog: 'Import data',
  /** The browser build's file input, and the desktop app's button that opens the file dialog. */
  fileInput: 'Data file',
  chooseFile: 'Choose data file',
  progress: 'Import progress',
  delimiter: 'Delimiter',
  header: 'First row is a header',
  preview: 'Data preview',
  columns: 'Columns',
  target: 'Target column',
  task: 'Task',
  missing: 'Missing values',
  name: 'Data set name',
  import: 'Import',
  cancel: 'Cancel import',
  /** button in the data set section when a file-backed set's file has not been read. */
  locate: 'Locate data file…',
} as const;

/** Per-column controls: the type select and the feature checkbox, named after the column. */
export const typeControlName = (column: string): string => `Type of ${column}`;
export const featureControlName = (column: string): string => `Use ${column} as a feature`;
