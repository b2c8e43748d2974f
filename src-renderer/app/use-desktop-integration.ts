/**
 * The desktop app's native side: menu commands run the same commands as the buttons, files
 * the OS hands over (double-click, Open Recent, a second launch) and files dropped on the
 * window take the same validated open path, and the menu learns when training runs. In the
 * browser build only the drop applies.
 */
import { useEffect } from 'react';
import type { DesktopApi, ProjectDataFile } from '../../src-engine/protocol/ipc';
import { getDesktopApi } from '../bridge/desktop-api';
import { readFileText } from '../bridge/read-file';
import { DATA_FILE_NAME, requestImport } from '../data/import-request';
import { appStore } from '../store/app-store';
import { runCommand } from './commands';
import { importModelText, openProjectText } from './file-actions';

const MODEL_MARK = '"layerlab-model"';

/** Opens dropped or handed-over text as a model (by its format field) or a project (with its data file, if main read one). */
export async function openAnyText(text: string, name: string, path: string | null, data?: ProjectDataFile): Promise<void> {
  if (text.slice(0, 4096).includes(MODEL_MARK)) await importModelText(text, name);
  else await openProjectText(text, name, path, data);
}

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

async function onDrop(e: DragEvent): Promise<void> {
  const file = e.dataTransfer?.files[0];
  if (!file) return;
  // A CSV/TSV/TXT opens the import dialog with it; anything else is a project or model as before.
  if (DATA_FILE_NAME.test(file.name)) {
    requestImport({ file });
    return;
  }
  const api = getDesktopApi();
  if (api) {
    const r = await api.openDroppedFile(file);
    const before = appStore.getState().project;
    if (r.ok && r.text !== undefined) await openAnyText(r.text, file.name, r.path, r.data);
    // As with files from the OS: main took the file as the window's; unbind if not opened.
    if (r.ok && appStore.getState().project === before) appStore.setState({ filePath: null });
    else if (!r.ok && !r.canceled) appStore.getState().notify({ level: 'error', code: 'open-failed', message: r.error, nodeId: null });
    return;
  }
  const read = await readFileText(file);
  if (!read.ok) {
    appStore.getState().notify({ level: 'error', code: 'open-failed', message: read.error, nodeId: null });
    return;
  }
  await openAnyText(read.text, file.name, null);
}

/**
 * Connects the desktop API to the app: menu commands, files from the OS, and the menu's
 * view of the run state. Returns a function that disconnects. Plain function: tests call it
 * with a fake API.
 */
export function connectDesktop(api: DesktopApi): () => void {
  const offs: (() => void)[] = [];
  offs.push(api.onMenuCommand((command) => runCommand(command, true)));
  offs.push(
    api.onOpenFile((file) => {
      // Main now takes this file as the window's file. If it is not opened here (refused, or
      // the user kept unsaved changes), the open project is no longer that file: unbind it,
      // so the next Save asks where instead of writing over the file main just read.
      const unbind = () => appStore.setState({ filePath: null });
      if (!file.ok) {
        appStore.getState().notify({ level: 'error', code: 'open-failed', message: `${file.name}: ${file.error}`, nodeId: null });
        return;
      }
      const before = appStore.getState().project;
      void openAnyText(file.text, file.name, file.name, file.data).then(() => {
        if (appStore.getState().project === before) unbind();
      });
    }),
  );
  let running: boolean | null = null;
  const report = () => {
    const now = appStore.getState().run.state === 'running';
    if (now !== running) {
      running = now;
      api.setMenuState({ running: now });
    }
  };
  report();
  offs.push(appStore.subscribe(report));
  return () => {
    for (const off of offs) off();
  };
}

export function useDesktopIntegration(): void {
  useEffect(() => {
    const api = getDesktopApi();
    const disconnect = api ? connectDesktop(api) : null;
    const dragover = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      void onDrop(e);
    };
    window.addEventListener('dragover', dragover);
    window.addEventListener('drop', drop);
    return () => {
      disconnect?.();
      window.removeEventListener('dragover', dragover);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
