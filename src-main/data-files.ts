/**
 * Data files for main: reading a CSV/TSV/TXT file the user chose or dropped (size-capped,
 * UTF-8 checked), and the data file of an opened project whose data set is file-backed
 * (read relative to the project, hash checked; a moved or changed file is reported with its
 * name, never used silently). Paths come from main's dialogs, a drop Electron resolved, or
 * the project file main itself read.
 */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, type PlatformPath } from 'node:path';
import { decodeUtf8 } from '../src-engine/data-import/utf8';
import { describeMissingFile } from '../src-engine/data-import/file-dataset';
import { parseProjectText } from '../src-engine/project';
import type { FileResult, ProjectDataFile } from '../src-engine/protocol/ipc';

/** Extensions the data file dialog offers and a dropped data file must have. */
export const DATA_FILE_EXTENSIONS = ['csv', 'tsv', 'txt'];
export const DATA_FILE_PATTERN = /\.(csv|tsv|txt)$/i;

type ReadResult = { ok: true; text: string } | { ok: false; missing: boolean; error: string };

/** Reads `path` as UTF-8 (a BOM is dropped), refusing files over `maxBytes` before reading. */
export async function readUtf8File(path: string, maxBytes: number): Promise<ReadResult> {
  const name = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, missing: false, error: `${name} is not a file.` };
    if (info.size > maxBytes) {
      return { ok: false, missing: false, error: `${name} is ${(info.size / 1048576).toFixed(1)} MB; LayerLab imports data files up to ${(maxBytes / 1048576).toFixed(0)} MB. Use a sample of it.` };
    }
    const handle = await open(path, 'r');
    let bytes: Buffer;
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
    if (bytes.length > maxBytes) return { ok: false, missing: false, error: `${name} grew beyond ${(maxBytes / 1048576).toFixed(0)} MB while it was read.` };
    const decoded = decodeUtf8(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, missing: false, error: `${name}: ${decoded.error}` };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT' || code === 'ENOTDIR', error: `Could not read ${name}: ${(e as Error).message}` };
  }
}

/**
 * Reads a data file for import (openDataFile): only absolute paths ending in .csv, .tsv or
 * .txt. Replies with the full path, which the project then refers to.
 */
export async function readDataFileForImport(path: string, maxBytes: number): Promise<FileResult> {
  if (!isAbsolute(path) || !DATA_FILE_PATTERN.test(path)) {
    return { ok: false, canceled: false, error: `${basename(path)} is not a data file LayerLab imports (.csv, .tsv or .txt).` };
  }
  const read = await readUtf8File(path, maxBytes);
  return read.ok ? { ok: true, path, text: read.text } : { ok: false, canceled: false, error: read.error };
}

/** Lower-case hex SHA-256 of `text`'s UTF-8 bytes, as `hashDataText` in the engine computes it. */
export function hashText(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

function changedMessage(path: string): string {
  return `${basename(path)} has changed since the project was saved (hash differs). Import it again to use the new data, or put the saved version back.`;
}

/**
 * For a project (its `text`, read from `projectPath`) whose data set is a file, reads that
 * file: at `spec.path` resolved against the project's folder, else (moved with the project)
 * under the same name next to it. Undefined for any other project or one that does not parse.
 */
export async function readProjectDataFile(projectPath: string, text: string, maxBytes: number): Promise<ProjectDataFile | undefined> {
  const parsed = parseProjectText(text);
  if (!parsed.ok || parsed.value.dataset.type !== 'file') return undefined;
  const spec = parsed.value.dataset;
  const folder = dirname(projectPath);
  const saved = resolve(folder, spec.path);
  let path = saved;
  let read = await readUtf8File(saved, maxBytes);
  let note: string | undefined;
  const beside = join(folder, basename(spec.path.replace(/\\/g, '/')));
  if (!read.ok && read.missing && beside !== saved) {
    const second = await readUtf8File(beside, maxBytes);
    if (second.ok) {
      path = beside;
      read = second;
      note = `${basename(beside)} was not at ${spec.path}; LayerLab found it next to the project and checked that it is the same file.`;
    }
  }
  if (!read.ok) return { ok: false, error: read.missing ? describeMissingFile(spec) : read.error };
  if (hashText(read.text) !== spec.sha256) return { ok: false, error: changedMessage(path) };
  return note ? { ok: true, path, text: read.text, note } : { ok: true, path, text: read.text };
}

/**
 * The project `text` about to be saved at `projectPath`, with an absolute data-file path made
 * relative to the project's folder (so a project and its data moved or shared together still
 * open); unchanged when the data set is not a file, the path is already relative, or no
 * relative path exists (another Windows drive). The renderer writes the data set on one
 * compact line, so the path is replaced as its exact JSON text; anything else stays as it is.
 */
export function withRelativeDataPath(projectPath: string, text: string, api: Pick<PlatformPath, 'dirname' | 'isAbsolute' | 'relative'> = { dirname, isAbsolute, relative }): string {
  const parsed = parseProjectText(text);
  if (!parsed.ok || parsed.value.dataset.type !== 'file') return text;
  const dataPath = parsed.value.dataset.path;
  if (!api.isAbsolute(dataPath)) return text;
  const rel = api.relative(api.dirname(projectPath), dataPath);
  if (rel === '' || api.isAbsolute(rel)) return text;
  const from = `"path":${JSON.stringify(dataPath)}`;
  const at = text.indexOf(from);
  return at < 0 ? text : `${text.slice(0, at)}"path":${JSON.stringify(rel.replace(/\\/g, '/'))}${text.slice(at + from.length)}`;
}
