/** The browser build's picker and drops refuse a file over the cap from its size, before reading it. */
import { describe, expect, it } from 'vitest';
import { MAX_PROJECT_BYTES } from '../../src-engine/protocol/ipc-schemas';
import { readFileText } from '../../src-renderer/bridge/read-file';

describe('reading a picked or dropped file', () => {
  it('refuses a 1 GB file without reading a byte, naming the file and the limit', async () => {
    let reads = 0;
    const huge = { name: 'huge.layerlab.json', size: 1024 ** 3, text: async () => (reads++, 'x') };
    expect(await readFileText(huge)).toEqual({ ok: false, error: 'huge.layerlab.json is 1024.0 MB; LayerLab opens files up to 64 MB.' });
    expect(reads).toBe(0);
  });

  it('reads a file at the limit, and reports a read that fails', async () => {
    expect(await readFileText({ name: 'ok.json', size: MAX_PROJECT_BYTES, text: async () => '{}' })).toEqual({ ok: true, text: '{}' });
    const broken = { name: 'gone.json', size: 10, text: () => Promise.reject(new Error('The file was moved.')) };
    expect(await readFileText(broken)).toEqual({ ok: false, error: 'Could not read gone.json: The file was moved.' });
  });

  it('works on a real Blob', async () => {
    const blob = Object.assign(new Blob(['{"a":1}']), { name: 'small.json' });
    expect(await readFileText(blob, 6)).toEqual({ ok: false, error: 'small.json is 0.0 MB; LayerLab opens files up to 0 MB.' });
    expect(await readFileText(blob, 7)).toEqual({ ok: true, text: '{"a":1}' });
  });
});
