/** Open and Save as app actions: call the bridge, update the store, tell the user what happened. */
import type { TFunction } from 'i18next';
import { openProjectFile, saveProjectFile } from '../bridge/project-files';
import { appStore } from '../store/app-store';

export async function openProject(t: TFunction): Promise<void> {
  const store = appStore.getState();
  const r = await openProjectFile();
  if (r.ok) {
    store.loadProject(r.project, r.path);
    store.notify({ level: 'info', code: 'opened', message: t('app.opened', { name: r.project.name }), nodeId: null });
  } else if (!r.canceled) {
    store.notify({ level: 'error', code: 'open-failed', message: t('app.openFailed', { error: r.error }), nodeId: null });
  }
}

export async function saveProject(t: TFunction, saveAs: boolean): Promise<void> {
  const store = appStore.getState();
  const r = await saveProjectFile(store.project, saveAs);
  if (r.ok) {
    store.markSaved(r.path ?? store.filePath);
    store.notify({ level: 'info', code: 'saved', message: t('app.saved'), nodeId: null });
  } else if (!r.canceled) {
    store.notify({ level: 'error', code: 'save-failed', message: t('app.saveFailed', { error: r.error }), nodeId: null });
  }
}
