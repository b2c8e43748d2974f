/**
 * Reading a file the user picked or dropped in the browser build, with the same size cap as
 * main (MAX_PROJECT_BYTES): a file over it is refused from its size alone, before a byte is
 * read, so a 1 GB file never reaches memory.
 */
import { MAX_PROJECT_BYTES } from '../../src-engine/protocol/ipc-schemas';

/** What the reader needs of a DOM File (or Blob with a name). */
export interface ReadableFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
}

/** The message for a file over `maxBytes`, in main's words (src-main/files.ts). */
export function tooLargeMessage(name: string, size: number, maxBytes: number): string {
  return `${name} is ${(size / 1048576).toFixed(1)} MB; LayerLab opens files up to ${(maxBytes / 1048576).toFixed(0)} MB.`;
}

/** The file's text, or why it was refused (too large, unreadable). Never throws. */
export async function readFileText(file: ReadableFile, maxBytes: number = MAX_PROJECT_BYTES): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  if (file.size > maxBytes) return { ok: false, error: tooLargeMessage(file.name, file.size, maxBytes) };
  try {
    return { ok: true, text: await file.text() };
  } catch (e) {
    return { ok: false, error: `Could not read ${file.name}: ${(e as Error).message}` };
  }
}
