/**
 * File access for main: reading with a size limit and atomic writes (temporary file in the
 * same folder, fsync, rename), so a crash mid-save leaves the previous file intact.
 * Paths come only from main's own dialogs, never from the renderer.
 */
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes `text` to `path` atomically. The temporary file is removed when anything fails. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (e) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}

/** Reads a UTF-8 text file, refusing files over `maxBytes` before reading them. */
export async function readTextFile(path: string, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, error: `${path} is not a file.` };
    if (info.size > maxBytes) {
      return {
        ok: false,
        error: `${basename(path)} is ${(info.size / 1048576).toFixed(1)} MB; LayerLab opens files up to ${(maxBytes / 1048576).toFixed(0)} MB.`,
      };
    }
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (e) {
    return { ok: false, error: `Could not read ${basename(path)}: ${(e as Error).message}` };
  }
}
