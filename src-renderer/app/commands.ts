/**
 * Every app command in one place. Buttons, the native menu (desktop), the keyboard and the
 * help panel all run commands through `runCommand`, so a menu item and its button can never
 * do different things.
 */
import type { MenuCommand } from '../../src-engine/protocol/shortcuts';
import { getCanvasController } from '../canvas/canvas-controller';
import { requestImport } from '../data/import-request';
import { appStore } from '../store/app-store';
import { exportModel, importModel, newProject, openProject, saveProject } from './file-actions';

/** Commands of the canvas and the shell that the native menu does not send. */
export const LOCAL_COMMANDS = [
  'copy',
  'cut',
  'paste',
  'duplicate',
  'delete',
  'select-all',
  'arrange',
  'fit-view',
  'import-model',
  'show-shortcuts',
] as const;
export type LocalCommand = (typeof LOCAL_COMMANDS)[number];
export type AppCommand = MenuCommand | LocalCommand;

/** Whether focus is in a field that has its own undo, clipboard and arrow keys. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Runs `command`. `fromMenu`: in a text field, Undo and Redo edit the text, as menus do. */
export function runCommand(command: AppCommand, fromMenu = false): void {
  const store = appStore.getState();
  switch (command) {
    case 'new-project':
      void newProject();
      return;
    case 'open-project':
      void openProject();
      return;
    case 'save-project':
      void saveProject(false);
      return;
    case 'save-project-as':
      void saveProject(true);
      return;
    case 'export-model':
      void exportModel();
      return;
    case 'import-model':
      void importModel();
      return;
    case 'import-csv':
      requestImport();
      return;
    case 'undo':
    case 'redo':
      if (fromMenu && typeof document !== 'undefined' && isTextEntry(document.activeElement)) {
        document.execCommand(command);
        return;
      }
      if (command === 'undo') store.undoEdit();
      else store.redoEdit();
      return;
    case 'train':
      store.train();
      return;
    case 'pause':
      // One key for both: pause a running run, resume a paused one.
      if (store.run.state === 'paused') store.resume();
      else store.pause();
      return;
    case 'step':
      store.step();
      return;
    case 'reset':
      store.reset();
      return;
    case 'copy':
      store.copySelection();
      return;
    case 'cut':
      store.cutSelection();
      return;
    case 'paste':
      store.paste();
      return;
    case 'duplicate':
      store.duplicateSelection();
      return;
    case 'delete':
      store.deleteSelection();
      return;
    case 'select-all':
      store.selectAll();
      return;
    case 'arrange':
      store.arrange();
      // After React Flow has the new positions (the next frame), fit them in view.
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => requestAnimationFrame(() => getCanvasController()?.fitView()));
      return;
    case 'fit-view':
      if (store.project.graph.nodes.length > 0) getCanvasController()?.fitView();
      return;
    case 'show-shortcuts':
      store.setShell({ helpOpen: true });
      return;
    default:
      assertNeverCommand(command);
  }
}

function assertNeverCommand(x: never): never {
  throw new Error(`Unknown command: ${String(x)}`);
}
