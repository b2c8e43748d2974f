import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTOSAVE_FILE, createAutosaveStore } from '../../src-main/autosave';

describe('desktop autosave', () => {
  it('reads null before the first save, then the newest record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'layerlab-autosave-'));
    const store = createAutosaveStore(dir, 1000);
    expect(await store.read()).toBeNull();
    expect(await store.write('{"a":1}')).toEqual({ ok: true });
    expect(await store.write('{"a":2}')).toEqual({ ok: true });
    expect(await store.read()).toBe('{"a":2}');
    expect(await readdir(dir)).toEqual([AUTOSAVE_FILE]);
  });

  it('refuses non-text and oversized records and keeps the previous one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'layerlab-autosave-'));
    const store = createAutosaveStore(dir, 10);
    await store.write('{"a":1}');
    expect(await store.write({ evil: true })).toMatchObject({ ok: false });
    expect(await store.write('x'.repeat(11))).toMatchObject({ ok: false });
    expect(await store.read()).toBe('{"a":1}');
  });
});
