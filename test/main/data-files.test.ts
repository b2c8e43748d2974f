import { mkdir, mkdtemp, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { datasetSpecFromCsv, hashDataText } from '../../src-engine/data-import';
import { sha256 } from '../../src-engine/data-import/sha256';
import { openDataFileRequestSchema } from '../../src-engine/protocol/ipc-schemas';
import { hashText, readDataFileForImport, readProjectDataFile, readUtf8File, withRelativeDataPath } from '../../src-main/data-files';
import { toOpenedFile, toProjectDataFile } from '../../src-main/preload-events';

const CSV = 'x,y,label\n1,2,a\n3,4,b\n5,6,a\n';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'layerlab-data-'));
}

/** A project file whose data set refers to `dataPath` (as saved), with the hash of `text`. */
function projectText(dataPath: string, text: string): string {
  const r = datasetSpecFromCsv(text, dataPath, { target: 'label', task: 'classification' });
  if (!r.ok) throw new Error(r.error);
  // Force the file form whatever the size: this is what a large import saves.
  const spec = {
    type: 'file' as const,
    name: 'data',
    path: dataPath,
    sha256: hashDataText(text),
    rows: r.dataset.n,
    columns: 3,
    task: 'classification' as const,
    featureNames: r.dataset.featureNames,
    targetNames: r.dataset.targetNames,
    classLabels: r.dataset.classLabels ?? undefined,
    importOptions: { target: 'label', task: 'classification' as const, delimiter: ',' as const, header: true },
  };
  return JSON.stringify({ ...createSpiralExample(), dataset: spec });
}

describe('openDataFile (main)', () => {
  it('validates its request: null or absent for a dialog, else a path string', () => {
    expect(openDataFileRequestSchema.safeParse(null).success).toBe(true);
    expect(openDataFileRequestSchema.safeParse(undefined).success).toBe(true);
    expect(openDataFileRequestSchema.safeParse('/tmp/a.csv').success).toBe(true);
    expect(openDataFileRequestSchema.safeParse({ path: '/tmp/a.csv' }).success).toBe(false);
    expect(openDataFileRequestSchema.safeParse('').success).toBe(false);
    expect(openDataFileRequestSchema.safeParse('x'.repeat(5000)).success).toBe(false);
  });

  it('reads a CSV as UTF-8 text with its full path, dropping a byte-order mark', async () => {
    const dir = await tempDir();
    const path = join(dir, 'iris.csv');
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n1,ü\n', 'utf8')]));
    expect(await readDataFileForImport(path, 1000)).toEqual({ ok: true, path, text: 'a,b\n1,ü\n' });
  });

  it('refuses relative paths and other extensions without reading them', async () => {
    const dir = await tempDir();
    const secret = join(dir, 'secret.json');
    await writeFile(secret, '{"token":1}');
    const r = await readDataFileForImport(secret, 1000);
    expect(r).toMatchObject({ ok: false, canceled: false });
    if (!r.ok && !r.canceled) expect(r.error).toContain('secret.json is not a data file');
    expect(await readDataFileForImport('data.csv', 1000)).toMatchObject({ ok: false, canceled: false });
  });

  it('refuses a file over the size cap and one that is not UTF-8, naming the file', async () => {
    const dir = await tempDir();
    const big = join(dir, 'big.csv');
    await writeFile(big, 'a\n'.repeat(600));
    const tooBig = await readDataFileForImport(big, 1000);
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok && !tooBig.canceled) expect(tooBig.error).toMatch(/^big\.csv is 0\.0 MB; LayerLab imports data files up to/);
    const latin1 = join(dir, 'latin1.csv');
    await writeFile(latin1, Buffer.from([0x61, 0x0a, 0xe9, 0x0a])); // "a\né\n" in Latin-1
    const bad = await readDataFileForImport(latin1, 1000);
    expect(bad.ok).toBe(false);
    if (!bad.ok && !bad.canceled) expect(bad.error).toMatch(/^latin1\.csv: The file is not UTF-8 text \(byte 2 /);
    const missing = await readUtf8File(join(dir, 'nope.csv'), 1000);
    expect(missing).toMatchObject({ ok: false, missing: true });
  });

  it('hashes text as the engine does (UTF-8 bytes, no BOM)', () => {
    for (const text of ['', CSV, 'é,ü\n한,글\n', '\ufeffa,b\n']) expect(hashText(text)).toBe(hashDataText(text));
    // FIPS 180-2 example: SHA-256("abc").
    expect(hashText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('abc')).toBe(hashText('abc'));
  });
});

describe('the data file of an opened project (main)', () => {
  it('reads it relative to the project and passes its hash check', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'data'));
    await writeFile(join(dir, 'data', 'd.csv'), CSV);
    const project = join(dir, 'p.layerlab.json');
    expect(await readProjectDataFile(project, projectText('data/d.csv', CSV), 1e6)).toEqual({ ok: true, path: join(dir, 'data', 'd.csv'), text: CSV });
  });

  it('reports a changed file by name and does not hand it over', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'd.csv'), CSV.replace('5,6', '5,7'));
    const r = await readProjectDataFile(join(dir, 'p.layerlab.json'), projectText('d.csv', CSV), 1e6);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^d\.csv has changed since the project was saved \(hash differs\)/) });
  });

  it('reports a moved file with its saved path, and finds one moved along with the project', async () => {
    const dir = await tempDir();
    const elsewhere = join(dir, 'old', 'd.csv');
    const text = projectText(elsewhere, CSV);
    const missing = await readProjectDataFile(join(dir, 'p.layerlab.json'), text, 1e6);
    expect(missing).toEqual({ ok: false, error: `d.csv was not found at ${elsewhere}. It may have been moved or renamed: locate it again, or import the data anew.` });
    await writeFile(join(dir, 'd.csv'), CSV);
    const beside = await readProjectDataFile(join(dir, 'p.layerlab.json'), text, 1e6);
    expect(beside).toMatchObject({ ok: true, path: join(dir, 'd.csv'), text: CSV, note: expect.stringContaining('next to the project') });
    // The same name next to the project but other content is not used either.
    await rename(join(dir, 'd.csv'), join(dir, 'x.csv'));
    await writeFile(join(dir, 'd.csv'), 'other\n1\n');
    expect(await readProjectDataFile(join(dir, 'p.layerlab.json'), text, 1e6)).toMatchObject({ ok: false, error: expect.stringContaining('has changed') });
  });

  it('saves the data path relative to the project, so both can move together', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'class', 'data'), { recursive: true });
    const dataPath = join(dir, 'class', 'data', 'points.csv');
    await writeFile(dataPath, CSV);
    const projectPath = join(dir, 'class', 'net.layerlab.json');
    const saved = withRelativeDataPath(projectPath, projectText(dataPath, CSV));
    expect(JSON.parse(saved).dataset.path).toBe('data/points.csv');
    // Everything else is byte for byte what the renderer wrote.
    expect(saved.replace('"path":"data/points.csv"', `"path":${JSON.stringify(dataPath)}`)).toBe(projectText(dataPath, CSV));
    // The folder moves (another student's machine): the relative path still finds the data.
    await rename(join(dir, 'class'), join(dir, 'moved'));
    const read = await readProjectDataFile(join(dir, 'moved', 'net.layerlab.json'), saved, 1 << 20);
    expect(read).toMatchObject({ ok: true, path: join(dir, 'moved', 'data', 'points.csv'), text: CSV });
    expect(read && 'note' in read).toBe(false);
  });

  it('keeps a path that has no relative form, and leaves other projects alone', async () => {
    const { win32 } = await import('node:path');
    const text = projectText('D:\\data\\points.csv', CSV);
    expect(withRelativeDataPath('C:\\nets\\net.layerlab.json', text, win32)).toBe(text);
    const onSameDrive = withRelativeDataPath('D:\\nets\\net.layerlab.json', text, win32);
    expect(JSON.parse(onSameDrive).dataset.path).toBe('../data/points.csv');
    const builtin = JSON.stringify(createSpiralExample());
    expect(withRelativeDataPath('/x/net.layerlab.json', builtin)).toBe(builtin);
    const relative = projectText('points.csv', CSV);
    expect(withRelativeDataPath('/x/net.layerlab.json', relative)).toBe(relative);
  });

  it('leaves projects without a file-backed data set alone', async () => {
    const dir = await tempDir();
    expect(await readProjectDataFile(join(dir, 'p.json'), JSON.stringify(createSpiralExample()), 1e6)).toBeUndefined();
    expect(await readProjectDataFile(join(dir, 'p.json'), 'not json', 1e6)).toBeUndefined();
  });

  it('passes the data file through the preload only when it has its shape', () => {
    const data = { ok: true, path: '/a/d.csv', text: CSV };
    expect(toOpenedFile({ ok: true, name: 'p.json', text: '{}', data })).toEqual({ ok: true, name: 'p.json', text: '{}', data });
    expect(toOpenedFile({ ok: true, name: 'p.json', text: '{}', data: { ok: true, path: 3 } })).toEqual({ ok: true, name: 'p.json', text: '{}' });
    expect(toProjectDataFile({ ok: false, error: 'gone' })).toEqual({ ok: false, error: 'gone' });
    expect(toProjectDataFile({ ok: false })).toBeUndefined();
  });
});
