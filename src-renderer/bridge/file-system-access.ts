/**
 * The File System Access API (Chromium-based browsers): open and save pickers and writable
 * file handles. Typed here by hand because TypeScript's DOM library does not declare the
 * pickers. Where the browser lacks them, callers fall back to file inputs and downloads.
 */

/** The part of a FileSystemFileHandle LayerLab uses. */
export interface FileHandleLike {
  readonly name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
  queryPermission?(options: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
  requestPermission?(options: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
}

interface PickerType {
  description: string;
  accept: Record<string, string[]>;
}

interface PickerWindow {
  showOpenFilePicker?(options: { types?: PickerType[]; multiple?: boolean }): Promise<FileHandleLike[]>;
  showSaveFilePicker?(options: { suggestedName?: string; types?: PickerType[] }): Promise<FileHandleLike>;
}

const pickerWindow = (): PickerWindow => (typeof window === 'undefined' ? {} : (window as unknown as PickerWindow));

/** Whether this browser has the open and save pickers. */
export function hasFileSystemAccess(): boolean {
  const w = pickerWindow();
  return typeof w.showOpenFilePicker === 'function' && typeof w.showSaveFilePicker === 'function';
}

const isAbort = (e: unknown): boolean => e instanceof DOMException && e.name === 'AbortError';

/** Shows the open picker; null when the user cancels. */
export async function pickOpenHandle(accept: string): Promise<FileHandleLike | null> {
  const extensions = accept.split(',').filter((a) => a.startsWith('.'));
  try {
    const [handle] = (await pickerWindow().showOpenFilePicker?.({
      types: [{ description: 'JSON', accept: { 'application/json': extensions } }],
    })) ?? [null];
    return handle ?? null;
  } catch (e) {
    if (isAbort(e)) return null;
    throw e;
  }
}

/** Shows the save picker; null when the user cancels. */
export async function pickSaveHandle(suggestedName: string, description: string, extension: string): Promise<FileHandleLike | null> {
  try {
    const mime = extension === '.csv' ? 'text/csv' : 'application/json';
    return (await pickerWindow().showSaveFilePicker?.({ suggestedName, types: [{ description, accept: { [mime]: [extension] } }] })) ?? null;
  } catch (e) {
    if (isAbort(e)) return null;
    throw e;
  }
}

/** Replaces the file's content with `text` (the browser writes a swap file, then swaps it in). */
export async function writeHandle(handle: FileHandleLike, text: string): Promise<void> {
  if (handle.queryPermission && (await handle.queryPermission({ mode: 'readwrite' })) !== 'granted') {
    const state = await handle.requestPermission?.({ mode: 'readwrite' });
    if (state !== 'granted') throw new Error(`LayerLab may not write to ${handle.name}.`);
  }
  const writable = await handle.createWritable();
  await writable.write(text);
  await writable.close();
}
