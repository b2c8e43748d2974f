/** Whether the session holds the file text a data set needs (re-renders when one arrives). */
import { useSyncExternalStore } from 'react';
import type { DatasetSpec } from '../../src-engine/project';
import { dataTextFor, dataTextsVersion, subscribeDataTexts } from './data-texts';

/** True when `spec` needs no file, or its file's text has been read in this session. */
export function useHasDataText(spec: DatasetSpec): boolean {
  useSyncExternalStore(subscribeDataTexts, dataTextsVersion);
  return spec.type !== 'file' || dataTextFor(spec) !== undefined;
}
