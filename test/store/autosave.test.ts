/**
 * Autosave: the record round-trips, a torn or foreign record is ignored, the untouched start
 * project is never written (it must not overwrite the last session before the user chose),
 * structural changes are written at once and other changes within AUTOSAVE_DELAY_MS, and
 * writes never overlap.
 */
import { describe, expect, it } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import { createAppStore } from '../../src-renderer/store/app-store';
import { AUTOSAVE_DELAY_MS, parseAutosave, serializeAutosave, startAutosave, type AutosaveTarget } from '../../src-renderer/store/autosave';

function fakeClock() {
  let now = 0;
  const timers: { at: number; fn: () => void; live: boolean }[] = [];
  return {
    now: () => now,
    setTimer(fn: () => void, ms: number) {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return () => (t.live = false);
    },
    advance(ms: number) {
      now += ms;
      for (const t of timers) {
        if (t.live && t.at <= now) {
          t.live = false;
          t.fn();
        }
      }
    },
  };
}

/** A target whose writes finish when the test says (to see that writes never overlap). */
function fakeTarget() {
  const written: string[] = [];
  const pending: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const target: AutosaveTarget = {
    write(text) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return new Promise((resolve) =>
        pending.push(() => {
          inFlight--;
          written.push(text);
          resolve();
        }),
      );
    },
    read: async () => written.at(-1) ?? null,
  };
  const finishAll = async () => {
    while (pending.length > 0) {
      pending.shift()?.();
      await Promise.resolve();
      await Promise.resolve();
    }
  };
  return { target, written, finishAll, maxInFlight: () => maxInFlight };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('autosave record', () => {
  it('round-trips the project, its file and whether it had unsaved changes', () => {
    const project = createSpiralExample();
    const offer = parseAutosave(serializeAutosave(project, '/home/a/p.layerlab.json', true, 1234));
    expect(offer).toEqual({ project, filePath: '/home/a/p.layerlab.json', dirty: true, savedAt: 1234 });
  });

  it('ignores a torn, foreign or invalid record', () => {
    const text = serializeAutosave(createSpiralExample(), null, false, 1);
    for (let n = 0; n < text.length; n += 11) expect(parseAutosave(text.slice(0, n))).toBeNull();
    expect(parseAutosave(null)).toBeNull();
    expect(parseAutosave('{"format":"layerlab-autosave","version":1,"project":{}}')).toBeNull();
    expect(parseAutosave(JSON.stringify({ format: 'other', version: 1, project: createSpiralExample() }))).toBeNull();
  });
});

describe('startAutosave', () => {
  it('does not write the untouched start project', async () => {
    const store = createAppStore();
    const clock = fakeClock();
    const t = fakeTarget();
    const autosave = startAutosave(store, t.target, clock);
    store.getState().setSelection({ nodeIds: ['hidden1'], edgeIds: [] });
    clock.advance(AUTOSAVE_DELAY_MS * 3);
    await autosave.flush();
    expect(t.written).toEqual([]);
    autosave.stop();
  });

  it('writes a structural change at once and a settings change after the delay', async () => {
    const store = createAppStore();
    const clock = fakeClock();
    const t = fakeTarget();
    const autosave = startAutosave(store, t.target, clock);
    store.getState().addNode('dense', { x: 0, y: 0 }, 'Dense');
    await t.finishAll();
    expect(t.written).toHaveLength(1);
    expect(parseAutosave(t.written[0])?.project.graph.nodes).toHaveLength(5);
    await flush();
    expect(store.getState().autosavedAt).toBe(0);

    store.getState().updateNodeData('hidden1', { units: 3 });
    store.getState().updateNodeData('hidden1', { units: 4 });
    clock.advance(AUTOSAVE_DELAY_MS - 1);
    await t.finishAll();
    expect(t.written).toHaveLength(1);
    clock.advance(1);
    await t.finishAll();
    expect(t.written).toHaveLength(2);
    expect(parseAutosave(t.written[1])?.project.graph.nodes[1].data).toMatchObject({ units: 4 });
    autosave.stop();
  });

  it('never overlaps writes and writes the latest state after a busy one', async () => {
    const store = createAppStore();
    const clock = fakeClock();
    const t = fakeTarget();
    const autosave = startAutosave(store, t.target, clock);
    store.getState().addNode('dense', { x: 0, y: 0 }, 'Dense');
    store.getState().addNode('dropout', { x: 0, y: 0 }, 'Dropout');
    store.getState().addNode('activation', { x: 0, y: 0 }, 'Activation');
    await t.finishAll();
    await flush();
    await t.finishAll();
    expect(t.maxInFlight()).toBe(1);
    expect(parseAutosave(t.written.at(-1) ?? null)?.project.graph.nodes).toHaveLength(7);
    autosave.stop();
  });

  it('reports a failing target instead of throwing', async () => {
    const store = createAppStore();
    const autosave = startAutosave(store, { write: () => Promise.reject(new Error('disk full')), read: async () => null }, fakeClock());
    store.getState().addNode('dense', { x: 0, y: 0 }, 'Dense');
    await autosave.flush();
    await flush();
    expect(store.getState().autosaveError).toBe('disk full');
    autosave.stop();
  });
});
