/** The desktop saved run: validated, size-capped, atomic; a bad or torn file is never used. */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCheckpointRecord } from '../../src-engine/checkpoint-record';
import { createSpiralExample } from '../../src-engine/examples';
import { createTrainingSession } from '../../src-engine/training-session';
import { CHECKPOINT_FILE, createCheckpointStore } from '../../src-main/checkpoint-store';

function record(steps: number) {
  const created = createTrainingSession(createSpiralExample());
  if (!created.ok) throw new Error(created.error);
  for (let i = 0; i < steps; i++) created.session.trainStep();
  return createCheckpointRecord(createSpiralExample(), created.session.checkpoint(), 1000 + steps);
}

const MB = 1024 * 1024;

describe('desktop saved run', () => {
  it('reads null before the first save, then the newest record, equal to what was saved', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'layerlab-run-'));
    const store = createCheckpointStore(dir, 64 * MB);
    expect(await store.read()).toBeNull();
    expect(await store.write(record(3))).toEqual({ ok: true });
    const latest = record(8);
    expect(await store.write(latest)).toEqual({ ok: true });
    expect(await store.read()).toEqual(latest);
    expect(await readdir(dir)).toEqual([CHECKPOINT_FILE]);
  });

  it('refuses invalid records with a message naming the field, and keeps the previous one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'layerlab-run-'));
    const store = createCheckpointStore(dir, 64 * MB);
    const good = record(4);
    await store.write(good);
    const bad = structuredClone(good);
    (bad.checkpoint.layers[0].weights as unknown[])[2] = 'NaN';
    const refused = await store.write(bad);
    expect(refused).toMatchObject({ ok: false });
    expect((refused as { error: string }).error).toContain('checkpoint.layers[0].weights[2]');
    expect(await store.write({ ...good, version: 7 })).toMatchObject({ ok: false, error: expect.stringContaining('newer LayerLab') });
    expect(await store.write('{"format":"layerlab-saved-run"}')).toMatchObject({ ok: false });
    expect(await store.read()).toEqual(good);
  });

  it('refuses a record over the size cap before writing it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'layerlab-run-'));
    const good = record(2);
    const size = JSON.stringify(good).length;
    const store = createCheckpointStore(dir, size - 1);
    expect(await store.write(good)).toMatchObject({ ok: false, error: expect.stringContaining('LayerLab saves up to') });
    expect(await readdir(dir)).toEqual([]);
  });

  it('ignores a torn or tampered file instead of using half of it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'layerlab-run-'));
    const store = createCheckpointStore(dir, 64 * MB);
    await store.write(record(5));
    const text = await readFile(join(dir, CHECKPOINT_FILE), 'utf8');
    await writeFile(join(dir, CHECKPOINT_FILE), text.slice(0, Math.floor(text.length / 2)));
    expect(await store.read()).toBeNull();
    await writeFile(join(dir, CHECKPOINT_FILE), text.replace('"step":5', '"step":-5'));
    expect(await store.read()).toBeNull();
  });

  it('forgets the saved run when asked with null', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'layerlab-run-'));
    const store = createCheckpointStore(dir, 64 * MB);
    await store.write(record(1));
    expect(await store.write(null)).toEqual({ ok: true });
    expect(await store.read()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
    expect(await store.write(null)).toEqual({ ok: true });
  });
});
