import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextFile, writeFileAtomic } from '../../src-main/files';

describe('file access', () => {
  it('writes atomically and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'layerlab-'));
    const path = join(dir, 'p.layerlab.json');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new contents');
    expect(await readFile(path, 'utf8')).toBe('new contents');
    expect(await readdir(dir)).toEqual(['p.layerlab.json']);
  });

  it('keeps the previous file and cleans up when the rename fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'layerlab-'));
    const target = join(dir, 'folder');
    // Renaming a file over a non-empty directory fails.
    await writeFile(join(dir, 'keep'), 'x');
    await mkdir(target);
    await writeFile(join(target, 'inside'), 'y');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['folder', 'keep']);
  });

  it('refuses files over the size limit before reading them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'layerlab-'));
    const path = join(dir, 'big.json');
    await writeFile(path, 'x'.repeat(2000));
    const r = await readTextFile(path, 1000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/big\.json is .* MB; LayerLab opens files up to/);
    expect(await readTextFile(path, 5000)).toEqual({ ok: true, text: 'x'.repeat(2000) });
    const missing = await readTextFile(join(dir, 'nope.json'), 10);
    expect(missing.ok).toBe(false);
  });
});
