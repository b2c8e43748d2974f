/**
 * Opening the import dialog from anywhere (the data set section's button, the File menu, a
 * file dropped on the window). The dialog, mounted once, listens; a request may carry the
 * file to read at once.
 */

/** A file for the dialog to read: a browser File (picked or dropped). */
export interface ImportRequest {
  file?: File;
}

type Listener = (request: ImportRequest) => void;
const listeners = new Set<Listener>();

/** Opens the import dialog, reading `request.file` when given. */
export function requestImport(request: ImportRequest = {}): void {
  for (const l of listeners) l(request);
}

/** The dialog subscribes here; returns the unsubscribe. */
export function onImportRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Names of data files the importer reads (a drop of anything else keeps its old meaning). */
export const DATA_FILE_NAME = /\.(csv|tsv|txt)$/i;

/** The `accept` of the browser's file input for data files. */
export const DATA_FILE_ACCEPT = '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain';
