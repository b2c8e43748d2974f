/**
 * The texts of file-backed data sets read in this session, by their SHA-256 (the hash saved
 * in the project's `{ type: 'file' }` spec). The trainer cannot read files, so every `start`
 * of a file-backed project carries the text from here. Kept outside the store: the texts
 * are large, never part of a project or of undo history, and only their presence matters to
 * the UI (use-has-data-text.ts).
 */
import type { DatasetSpec } from '../../src-engine/project';

const texts = new Map<string, string>();
const listeners = new Set<() => void>();
let version = 0;

/** Keeps `text` as the content of the file whose hash is `sha256` (already checked by the caller). */
export function rememberDataText(sha256: string, text: string): void {
  if (texts.get(sha256) === text) return;
  texts.set(sha256, text);
  version++;
  for (const l of listeners) l();
}

/** The text for a file-backed spec, if this session has it; undefined for other specs. */
export function dataTextFor(spec: DatasetSpec): string | undefined {
  return spec.type === 'file' ? texts.get(spec.sha256) : undefined;
}

/** Forgets every text (tests). */
export function clearDataTexts(): void {
  texts.clear();
  version++;
  for (const l of listeners) l();
}

/** Calls `listener` whenever a text is added or the texts are cleared; returns the unsubscribe. */
export function subscribeDataTexts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Changes whenever the texts change (for useSyncExternalStore). */
export function dataTextsVersion(): number {
  return version;
}
