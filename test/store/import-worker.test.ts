import { describe, expect, it } from 'vitest';
import irisText from '../../data/iris.csv?raw';
import { encodeUtf8, hashDataText } from '../../src-engine/data-import';
import { createImportClient, type WorkerLike } from '../../src-renderer/data/import-client';
import { createImportHandler } from '../../src-renderer/data/import-worker-core';
import { parseFromImportWorker, parseToImportWorker, type FromImportWorker } from '../../src-renderer/data/import-worker-messages';

/** A handler whose replies are collected (each validated as the dialog validates them). */
function worker() {
  const replies: FromImportWorker[] = [];
  const handle = createImportHandler((m) => {
    const parsed = parseFromImportWorker(m);
    if (!parsed.ok) throw new Error(parsed.error);
    replies.push(parsed.message);
  });
  const last = () => replies.filter((r) => r.type !== 'progress').at(-1);
  return { replies, handle, last };
}

const bytesOf = (text: string): ArrayBuffer => {
  const b = encodeUtf8(text);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

const IRIS_OPTIONS = { target: 'species', task: 'classification', delimiter: ',', header: true } as const;

describe('import worker messages', () => {
  it('accepts the three requests and refuses malformed ones with the field named', () => {
    expect(parseToImportWorker({ type: 'inspect', id: 1, source: { bytes: new ArrayBuffer(4) } }).ok).toBe(true);
    expect(parseToImportWorker({ type: 'inspect', id: 2, format: { delimiter: '\t', header: false } }).ok).toBe(true);
    expect(parseToImportWorker({ type: 'import', id: 3, options: IRIS_OPTIONS, name: 'iris', path: 'iris.csv' }).ok).toBe(true);
    expect(parseToImportWorker({ type: 'inspect', id: 4, format: { delimiter: 'x' } })).toEqual({ ok: false, error: expect.stringContaining('format.delimiter') });
    expect(parseToImportWorker({ type: 'import', id: 5, options: { target: 'species', task: 'guess' }, name: 'a', path: 'a.csv' })).toEqual({ ok: false, error: expect.stringContaining('options.task') });
    expect(parseToImportWorker({ type: 'import', id: 6, options: IRIS_OPTIONS, name: '', path: 'a.csv' })).toEqual({ ok: false, error: expect.stringContaining('name') });
    expect(parseToImportWorker({ type: 'inspect', id: -1 }).ok).toBe(false);
    expect(parseToImportWorker({ type: 'erase', id: 1 }).ok).toBe(false);
  });

  it('refuses replies that are not a valid data set spec', () => {
    const report = { delimiter: ',', hasHeader: true, columns: 2, rowsRead: 1, rowsDropped: 0, cellsFilled: 0, types: [] };
    expect(parseFromImportWorker({ type: 'imported', id: 1, spec: { type: 'inline', task: 'classification' }, report, storage: 'inline' }).ok).toBe(false);
    expect(parseFromImportWorker({ type: 'progress', id: 1, fraction: 1.5 }).ok).toBe(false);
  });
});

describe('import worker', () => {
  it('inspects iris from its bytes with progress, then imports it inline (150 × 4 → 3 classes)', () => {
    const w = worker();
    w.handle({ type: 'inspect', id: 1, source: { bytes: bytesOf(`\ufeff${irisText}`) } });
    const inspected = w.last();
    expect(inspected?.type).toBe('inspected');
    if (inspected?.type !== 'inspected') return;
    expect(inspected.inspection.rowCount).toBe(150);
    expect(inspected.inspection.columns.map((c) => c.name)).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species']);
    w.handle({ type: 'import', id: 2, options: IRIS_OPTIONS, name: 'iris', path: 'iris.csv' });
    const imported = w.last();
    expect(imported?.type).toBe('imported');
    if (imported?.type !== 'imported' || imported.spec.type !== 'inline') throw new Error('expected an inline import');
    expect(imported.storage).toBe('inline');
    expect(imported.text).toBeUndefined();
    expect([imported.spec.x.length, imported.spec.featureNames.length, imported.spec.classLabels]).toEqual([150, 4, ['setosa', 'versicolor', 'virginica']]);
    const progress = w.replies.filter((r) => r.type === 'progress' && r.id === 2).map((r) => (r.type === 'progress' ? r.fraction : -1));
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
  });

  it('reports the row and column of a bad cell, and no data set', () => {
    const w = worker();
    const broken = irisText.split('\n');
    // Row 17 as a spreadsheet counts it (the header is row 1); the file has CRLF line ends.
    broken[16] = broken[16].replace(/,[^,]+,(\w+)(\r?)$/, ',abc,$1$2');
    expect(broken[16]).toContain(',abc,setosa');
    w.handle({ type: 'inspect', id: 1, source: { text: broken.join('\n') } });
    w.handle({ type: 'import', id: 2, options: { ...IRIS_OPTIONS, types: { petal_width: 'number' } }, name: 'iris', path: 'iris.csv' });
    expect(w.last()).toEqual({
      type: 'failed',
      id: 2,
      error: "row 17, column petal_width: 'abc' is not a number.",
      key: 'not-a-number',
      params: { row: 17, column: 'petal_width', cell: 'abc' },
    });
    expect(w.replies.some((r) => r.type === 'imported')).toBe(false);
  });

  it('refuses bytes that are not UTF-8 and an import before any file', () => {
    const w = worker();
    w.handle({ type: 'import', id: 1, options: IRIS_OPTIONS, name: 'iris', path: 'iris.csv' });
    expect(w.last()).toMatchObject({ type: 'failed', id: 1, error: expect.stringContaining('Choose a file first') });
    w.handle({ type: 'inspect', id: 2, source: { bytes: Uint8Array.from([0x61, 0x0a, 0xff, 0x0a]).buffer } });
    expect(w.last()).toMatchObject({ type: 'failed', id: 2, error: expect.stringMatching(/^The file is not UTF-8 text \(byte 2 /) });
    w.handle({ nonsense: true });
    expect(w.last()).toMatchObject({ type: 'failed', error: expect.stringContaining('Malformed import request') });
  });

  it('stores a large import as a file reference and hands back its text', () => {
    const rows = ['a,b,c,label'];
    for (let i = 0; i < 70_000; i++) rows.push(`${i % 7},${i % 11},${i % 13},${i % 2 ? 'odd' : 'even'}`);
    const text = `${rows.join('\n')}\n`;
    const w = worker();
    w.handle({ type: 'inspect', id: 1, source: { text } });
    w.handle({ type: 'import', id: 2, options: { target: 'label', task: 'classification' }, name: 'big', path: 'big.csv' });
    const r = w.last();
    if (r?.type !== 'imported' || r.spec.type !== 'file') throw new Error(`expected a file-backed import, got ${JSON.stringify(r).slice(0, 200)}`);
    // 70,000 × (3 inputs + 1 target) = 280,000 numbers > 262,144, the inline limit.
    expect([r.storage, r.spec.rows, r.spec.path, r.spec.sha256, r.text === text]).toEqual(['file', 70_000, 'big.csv', hashDataText(text), true]);
    // Locating the file again: the same text passes, a changed one is refused by name.
    w.handle({ type: 'check', id: 3, spec: r.spec, source: { text } });
    expect(w.last()).toMatchObject({ type: 'checked', id: 3 });
    w.handle({ type: 'check', id: 4, spec: r.spec, source: { text: text.replace('0,0,0,even', '1,0,0,even') } });
    expect(w.last()).toMatchObject({ type: 'failed', id: 4, error: expect.stringMatching(/^big\.csv has changed since the project was saved/) });
  });
});

describe('import client', () => {
  /** A fake worker running the real handler asynchronously, as a Worker would. */
  function fakeWorker(): WorkerLike & { terminated: boolean } {
    const listeners: ((e: MessageEvent) => void)[] = [];
    const handle = createImportHandler((m) => queueMicrotask(() => listeners.forEach((l) => l({ data: m } as MessageEvent))));
    return {
      terminated: false,
      postMessage(message: unknown) {
        queueMicrotask(() => handle(structuredClone(message)));
      },
      addEventListener(type: string, listener: never) {
        if (type === 'message') listeners.push(listener);
      },
      terminate() {
        this.terminated = true;
      },
    };
  }

  it('resolves each request with its reply and routes progress to it', async () => {
    const fake = fakeWorker();
    const client = createImportClient(fake);
    const seen: number[] = [];
    const r = await client.request({ type: 'inspect', source: { text: irisText } }, (f) => seen.push(f));
    expect(r.type).toBe('inspected');
    expect(seen.at(-1)).toBe(1);
    const failed = await client.request({ type: 'import', options: { ...IRIS_OPTIONS, target: 'colour' }, name: 'x', path: 'x.csv' }, () => undefined);
    expect(failed).toMatchObject({ type: 'failed', error: expect.stringContaining("There is no column 'colour' to predict") });
    client.dispose();
    expect(fake.terminated).toBe(true);
    expect(await client.request({ type: 'inspect' }, () => undefined)).toMatchObject({ type: 'failed', error: 'The import was cancelled.' });
  });

  it('answers an older request as replaced when a newer one is sent', async () => {
    const client = createImportClient(fakeWorker());
    const first = client.request({ type: 'inspect', source: { text: irisText } }, () => undefined);
    const second = client.request({ type: 'inspect', format: { delimiter: ',' } }, () => undefined);
    expect(await first).toMatchObject({ type: 'failed', error: 'Replaced by a newer request.' });
    expect((await second).type).toBe('inspected');
  });
});
