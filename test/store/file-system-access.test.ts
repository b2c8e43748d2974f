/**
 * The browser's File System Access path with fake pickers and handles: Open keeps the file's
 * handle, Save writes back to it without asking, Save As asks, a canceled picker changes
 * nothing, and a refused write is reported, not thrown.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { forgetCurrentFile, openProjectFile, saveProjectFile, serializeProject } from '../../src-renderer/bridge/project-files';
import type { FileHandleLike } from '../../src-renderer/bridge/file-system-access';

function fakeHandle(name: string, initial: string, writable = true) {
  const handle = {
    name,
    text: initial,
    writes: 0,
    getFile: async () => ({ name, text: async () => handle.text }) as unknown as File,
    createWritable: async () => {
      if (!writable) throw new DOMException('The file is read-only.', 'NotAllowedError');
      let buffer = '';
      return {
        write: async (data: string) => void (buffer += data),
        close: async () => {
          handle.text = buffer;
          handle.writes++;
        },
      };
    },
  };
  return handle satisfies FileHandleLike;
}

function installPickers(open: () => FileHandleLike | null, save: () => FileHandleLike | null) {
  const calls = { open: 0, save: 0 };
  const abort = () => Promise.reject(new DOMException('The user aborted a request.', 'AbortError'));
  (globalThis as { window?: unknown }).window = {
    showOpenFilePicker: () => (calls.open++, open() ? Promise.resolve([open()]) : abort()),
    showSaveFilePicker: () => (calls.save++, save() ? Promise.resolve(save()) : abort()),
  };
  return calls;
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
  forgetCurrentFile();
});

describe('File System Access', () => {
  it('saves back to the opened file, and asks where on Save As', async () => {
    const project = createSpiralExample();
    const opened = fakeHandle('spirals.layerlab.json', serializeProject(project));
    const other = fakeHandle('copy.layerlab.json', '');
    const calls = installPickers(() => opened, () => other);

    const r = await openProjectFile();
    expect(r).toMatchObject({ ok: true, name: 'spirals.layerlab.json' });
    const renamed = { ...project, name: 'Changed' };
    expect(await saveProjectFile(renamed, false)).toEqual({ ok: true, path: null });
    expect(calls.save).toBe(0);
    expect(JSON.parse(opened.text).name).toBe('Changed');

    expect(await saveProjectFile(project, true)).toEqual({ ok: true, path: null });
    expect(calls.save).toBe(1);
    expect(other.text).toBe(serializeProject(project));
    // Save now goes to the Save As file.
    await saveProjectFile(renamed, false);
    expect(other.writes).toBe(2);
    expect(opened.writes).toBe(1);
  });

  it('treats a canceled picker as canceled and reports a refused write', async () => {
    installPickers(() => null, () => null);
    expect(await openProjectFile()).toEqual({ ok: false, canceled: true });
    expect(await saveProjectFile(createSpiralExample(), false)).toEqual({ ok: false, canceled: true });

    installPickers(() => null, () => fakeHandle('locked.layerlab.json', '', false));
    const r = await saveProjectFile(createSpiralExample(), false);
    expect(r).toMatchObject({ ok: false, canceled: false });
  });

  it('keeps no handle from a file that did not parse', async () => {
    const broken = fakeHandle('broken.layerlab.json', '{ nope');
    const target = fakeHandle('new.layerlab.json', '');
    const calls = installPickers(() => broken, () => target);
    const r = await openProjectFile();
    expect(r.ok).toBe(false);
    await saveProjectFile(createSpiralExample(), false);
    expect(calls.save).toBe(1);
    expect(broken.text).toBe('{ nope');
  });
});
