/** Global keyboard shortcuts: undo/redo (outside text fields), open, save. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore } from '../store/app-store';
import { openProject, saveProject } from './file-actions';

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(): void {
  const { t } = useTranslation();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const store = appStore.getState();
      if (key === 's') {
        e.preventDefault();
        void saveProject(t, e.shiftKey);
      } else if (key === 'o') {
        e.preventDefault();
        void openProject(t);
      } else if (isTextEntry(e.target)) {
        // Text fields keep their own undo.
      } else if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        store.undoEdit();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        store.redoEdit();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [t]);
}
