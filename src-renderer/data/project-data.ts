/**
 * The data file of a file-backed project when it is opened or restored: the text main read
 * next to the project (desktop, hash checked) is kept for training; otherwise the user is
 * told which file is missing and can locate it again (hash and shape checked in the import
 * worker before it is used).
 */
import i18next from 'i18next';
import { fileName } from '../../src-engine/datasets/file';
import type { Project } from '../../src-engine/project';
import type { ProjectDataFile } from '../../src-engine/protocol/ipc';
import { pickFile } from '../bridge/project-files';
import { appStore } from '../store/app-store';
import { dataTextFor, rememberDataText } from './data-texts';
import { sourceFromFile, chooseThroughMain, readsThroughMain, type SourceResult } from './data-source';
import { createImportClient } from './import-client';
import { DATA_FILE_ACCEPT } from './import-request';

const t = (key: string, options?: Record<string, unknown>): string => i18next.t(key, options);
type UiParams = Record<string, string | number>;
const notify = (level: 'info' | 'error', code: string, message: string) => appStore.getState().notify({ level, code, message, nodeId: null });
/** A notice from a UI string, kept as key and values so it follows a language switch. */
const say = (level: 'info' | 'error', code: string, key: string, params?: UiParams) =>
  appStore.getState().notify({ level, code, message: t(key, params), nodeId: null, ui: { key, params } });

/** Before a project is loaded: keeps the text of its data file when main read it (hash checked there). */
export function keepProjectData(project: Project, data: ProjectDataFile | undefined): void {
  if (project.dataset.type === 'file' && data?.ok) rememberDataText(project.dataset.sha256, data.text);
}

/** After a project was loaded: says when its data file was found elsewhere, cannot be used, or is still to be located. */
export function reportProjectData(project: Project, data?: ProjectDataFile): void {
  const spec = project.dataset;
  if (spec.type !== 'file') return;
  if (data?.ok && data.note) notify('info', 'data-file-found', data.note);
  if (dataTextFor(spec) !== undefined) return;
  if (data && !data.ok) say('error', 'data-file-missing', 'importData.dataFileProblem', { error: data.error });
  else say('error', 'data-file-missing', 'importData.missingFile', { file: fileName(spec.path) });
}

/**
 * Asks for the current project's data file again and checks it against the saved hash
 * and shape; on success training can use it. Where the desktop app gives a new real path,
 * the project is updated to it (one undo step).
 */
export async function locateDataFile(): Promise<void> {
  const spec = appStore.getState().project.dataset;
  if (spec.type !== 'file') return;
  let picked: SourceResult;
  if (readsThroughMain()) picked = await chooseThroughMain();
  else {
    const file = await pickFile(DATA_FILE_ACCEPT);
    if (!file) return;
    picked = await sourceFromFile(file);
  }
  if (!picked.ok) {
    if (!picked.canceled) say('error', 'locate-failed', 'importData.locateFailed', { error: picked.error });
    return;
  }
  const { source } = picked;
  const client = createImportClient();
  const transfer = 'bytes' in source.content ? [source.content.bytes] : [];
  const reply = await client.request({ type: 'check', spec, source: source.content }, () => undefined, transfer);
  client.dispose();
  if (reply.type !== 'checked') {
    say('error', 'locate-failed', 'importData.locateFailed', { error: reply.type === 'failed' ? reply.error : reply.type });
    return;
  }
  rememberDataText(spec.sha256, reply.text);
  // The notices that asked for the file (or refused a wrong one) are answered now.
  for (const n of appStore.getState().notices) {
    if (n.code === 'data-file-missing' || n.code === 'locate-failed') appStore.getState().dismissNotice(n.id);
  }
  const current = appStore.getState().project.dataset;
  if (readsThroughMain() && current === spec && source.path !== spec.path) appStore.getState().setDataset({ ...spec, path: source.path }, 'record');
  say('info', 'data-file-located', 'importData.located', { file: source.name });
}
