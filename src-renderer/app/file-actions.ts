/**
 * Project file actions (New, Open, Save, Save as, recent files, files the OS or a drop hands
 * over, import and export of the trained model) as app actions: they call the bridge,
 * update the store and tell the user what happened. A file that does not parse is named
 * with its problem and the open project stays as it was; unsaved changes are never dropped
 * without asking.
 */
import i18next from 'i18next';
import { createEmptyProject } from '../store/new-project';
import { exportTextFile, forgetCurrentFile, openProjectFile, pickTextFile, readProjectText, saveProjectFile, suggestFileName, type OpenResult } from '../bridge/project-files';
import { getDesktopApi } from '../bridge/desktop-api';
import { readRecent, type RecentFile } from '../bridge/recent-files';
import { appStore } from '../store/app-store';
import { buildModelFile, projectFromModelText, serializeModel } from '../store/model-file';
import { PROTOCOL_VERSION } from '../../src-engine/protocol/messages';
import type { LayerlabModel } from '../../src-engine/model-json';
import { askConfirm } from './confirm';
import type { ProjectDataFile } from '../../src-engine/protocol/ipc';
import { keepProjectData, reportProjectData } from '../data/project-data';

const t = (key: string, options?: Record<string, unknown>): string => i18next.t(key, options);

type UiParams = Record<string, string | number>;
/** A notice from a UI string, kept as key and values so it follows a language switch. */
const say = (level: 'info' | 'error', code: string, key: string, params?: UiParams) =>
  appStore.getState().notify({ level, code, message: t(key, params), nodeId: null, ui: { key, params } });
const info = (code: string, key: string, params?: UiParams) => say('info', code, key, params);
const fail = (code: string, key: string, params?: UiParams) => say('error', code, key, params);

/** True when there are no unsaved changes or the user agrees to drop them. */
export async function confirmDiscard(): Promise<boolean> {
  if (!appStore.getState().dirty) return true;
  return askConfirm({
    title: t('confirm.discardTitle'),
    message: t('confirm.discardMessage', { name: appStore.getState().project.name }),
    confirmLabel: t('confirm.discard'),
    cancelLabel: t('confirm.cancel'),
  });
}

export async function newProject(): Promise<void> {
  if (!(await confirmDiscard())) return;
  forgetCurrentFile();
  appStore.getState().loadProject(createEmptyProject(t('app.untitled')), null);
}

/** Loads a parsed open result, or names the problem; the open project is kept on failure. */
function applyOpen(r: OpenResult): void {
  if (r.ok) {
    keepProjectData(r.project, r.data);
    appStore.getState().loadProject(r.project, r.path);
    info('opened', 'app.opened', { name: r.project.name });
    reportProjectData(r.project, r.data);
  } else if (!r.canceled) {
    fail('open-failed', 'app.openFailed', { error: r.error });
  }
}

export async function openProject(): Promise<void> {
  if (!(await confirmDiscard())) return;
  applyOpen(await openProjectFile());
}

/**
 * Opens project text handed over by the OS (double-click, Open Recent) or a drop; `data` is
 * its data file when main read one (desktop, file-backed data set).
 */
export async function openProjectText(text: string, name: string, path: string | null, data?: ProjectDataFile): Promise<void> {
  const read = readProjectText(text, name, path);
  const r = read.ok && data ? { ...read, data } : read;
  if (!r.ok) {
    applyOpen(r);
    return;
  }
  if (!(await confirmDiscard())) return;
  forgetCurrentFile();
  applyOpen(r);
}

export async function openRecentFile(entry: RecentFile): Promise<void> {
  let text: string;
  try {
    text = await readRecent(entry);
  } catch (e) {
    fail('open-failed', 'app.openFailed', { error: (e as Error).message });
    return;
  }
  await openProjectText(text, entry.name, null);
}

export async function saveProject(saveAs: boolean): Promise<void> {
  const store = appStore.getState();
  const project = store.project;
  // Desktop: main writes to the file it last opened or saved for this window. When the
  // project here is not that file (New, an imported model, a refused file), ask where.
  const r = await saveProjectFile(project, saveAs || (getDesktopApi() !== null && store.filePath === null));
  if (r.ok) {
    appStore.getState().markSaved(r.path ?? store.filePath, project);
    info('saved', 'app.saved');
  } else if (!r.canceled) {
    fail('save-failed', 'app.saveFailed', { error: r.error });
  }
}

/** How long export waits for the trainer's model before building it from the last snapshot. */
const MODEL_REPLY_TIMEOUT_MS = 3000;

/**
 * Asks the trainer for the run's model (its own export, with the input normalization it
 * fitted). Null when there is no connection or no answer in time.
 */
function requestTrainerModel(runId: string): Promise<LayerlabModel | null> {
  const { connection } = appStore.getState();
  if (!connection) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      unsubscribe();
      resolve(null);
    }, MODEL_REPLY_TIMEOUT_MS);
    const unsubscribe = connection.subscribe((msg) => {
      if (msg.type === 'model' && msg.runId === runId) {
        clearTimeout(timer);
        unsubscribe();
        resolve(msg.model);
      } else if (msg.type === 'error' && msg.runId === runId && msg.code === 'unknown-run') {
        clearTimeout(timer);
        unsubscribe();
        resolve(null);
      }
    });
    connection.send({ v: PROTOCOL_VERSION, type: 'export-model', runId });
  });
}

/** Exports the trained model of the current run: the trainer's export, else the latest snapshot. */
export async function exportModel(): Promise<void> {
  const { runProject, snapshot, run } = appStore.getState();
  if (!runProject || !snapshot) {
    fail('export-failed', 'model.exportNothing');
    return;
  }
  const fromTrainer = run.runId ? await requestTrainerModel(run.runId) : null;
  const built = fromTrainer ? { ok: true as const, value: fromTrainer } : buildModelFile(runProject, snapshot);
  if (!built.ok) {
    fail('export-failed', 'model.exportFailed', { error: built.error });
    return;
  }
  const r = await exportTextFile(serializeModel(built.value), suggestFileName(runProject, '.layerlab-model.json'), 'model');
  if (r.ok) info('exported', 'model.exported');
  else if (!r.canceled) fail('export-failed', 'model.exportFailed', { error: r.error });
}

/** Imports a model file as a new project that starts from its weights. */
export async function importModel(): Promise<void> {
  const file = await pickTextFile('.json,application/json');
  if (file && 'error' in file) fail('import-failed', 'model.importFailed', { error: file.error });
  else if (file) await importModelText(file.text, file.name);
}

/** Imports model text; a bad file is named with its problem and nothing is replaced. */
export async function importModelText(text: string, name: string): Promise<void> {
  const r = projectFromModelText(text, appStore.getState().project, name);
  if (!r.ok) {
    fail('import-failed', 'model.importFailed', { error: r.error });
    return;
  }
  if (!(await confirmDiscard())) return;
  forgetCurrentFile();
  // Not saved anywhere yet: marked as unsaved, so closing asks first.
  appStore.getState().restoreProject(r.value, null, true);
  info('imported', 'model.imported', { name });
}

/**
 * Continues the run saved at its last checkpoint (offered at start). The project is the one
 * open when the user already restored, opened or edited one; else the autosaved one when
 * that is newer than the checkpoint (edited after it), else the run's own. The trainer
 * refuses a checkpoint that does not fit the graph, naming the layer, and applies nothing.
 */
export async function continueSavedRun(): Promise<void> {
  const { savedRunOffer: run, restoreOffer } = appStore.getState();
  if (!run || !(await confirmDiscard())) return;
  const s = appStore.getState();
  // Something opened or edited since the start (a restored autosave too) is what the user
  // continues on; the trainer checks that the checkpoint fits it.
  const keepCurrent = restoreOffer === null && (s.loadCount > 0 || s.dirty);
  if (!keepCurrent) {
    forgetCurrentFile();
    if (restoreOffer !== null && restoreOffer.savedAt > run.savedAt) s.restoreProject(restoreOffer.project, null, restoreOffer.dirty);
    else s.restoreProject(run.project, null, false);
  }
  appStore.getState().setShell({ restoreOffer: null, savedRunOffer: null });
  if (!appStore.getState().continueFromCheckpoint(run.checkpoint)) {
    fail('continue-failed', 'restore.continueFailed');
    return;
  }
  info('continued', 'restore.continued', { name: appStore.getState().project.name, epoch: run.epoch, step: run.step });
}

/** Restores the project offered from autosave. */
export async function restoreAutosave(): Promise<void> {
  const offer = appStore.getState().restoreOffer;
  if (!offer || !(await confirmDiscard())) return;
  forgetCurrentFile();
  // Not bound to a file: on the desktop the next Save asks where, so it cannot write over a
  // file main opened meanwhile (the record's path is only a name).
  appStore.getState().restoreProject(offer.project, null, offer.dirty);
  appStore.getState().setShell({ restoreOffer: null });
  info('restored', 'restore.restored', { name: offer.project.name });
  reportProjectData(offer.project);
}
