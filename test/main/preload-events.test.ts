import { describe, expect, it } from 'vitest';
import { createBufferedChannel, createChannel, toMenuCommand, toOpenedFile, toUserSettings } from '../../src-main/preload-events';
import { DEFAULT_PANEL_LAYOUT } from '../../src-engine/protocol/ipc-schemas';

describe('preload event channels', () => {
  it('keeps files opened before the page listens and hands them to its first listener', () => {
    const channel = createBufferedChannel<string>();
    channel.emit('a');
    channel.emit('b');
    const seen: string[] = [];
    const off = channel.subscribe((v) => seen.push(v));
    channel.emit('c');
    off();
    channel.emit('d');
    expect(seen).toEqual(['a', 'b', 'c']);
    const later: string[] = [];
    channel.subscribe((v) => later.push(v));
    expect(later).toEqual(['d']);
  });

  it('keeps only the newest buffered events', () => {
    const channel = createBufferedChannel<number>(2);
    for (const n of [1, 2, 3]) channel.emit(n);
    const seen: number[] = [];
    channel.subscribe((n) => seen.push(n));
    expect(seen).toEqual([2, 3]);
  });

  it('drops settings changes nobody listens to, and stops delivering after unsubscribe', () => {
    const channel = createChannel<string>();
    channel.emit('lost');
    const seen: string[] = [];
    const off = channel.subscribe((v) => seen.push(v));
    channel.emit('train');
    off();
    channel.emit('pause');
    expect(seen).toEqual(['train']);
  });

  it('passes on only well-formed payloads from main', () => {
    expect(toMenuCommand('train')).toBe('train');
    expect(toMenuCommand('format-disk')).toBeNull();
    expect(toOpenedFile({ ok: true, name: 'a.layerlab.json', text: '{}' })).toEqual({ ok: true, name: 'a.layerlab.json', text: '{}' });
    expect(toOpenedFile({ ok: false, name: 'a.layerlab.json', error: 'too big' })).toEqual({ ok: false, name: 'a.layerlab.json', error: 'too big' });
    expect(toOpenedFile({ ok: true, name: 'a', text: 1 })).toBeNull();
    expect(toOpenedFile('x')).toBeNull();
    const settings = { language: null, theme: 'dark', presentationMode: false, panels: DEFAULT_PANEL_LAYOUT };
    expect(toUserSettings(settings)).toEqual(settings);
    expect(toUserSettings({ ...settings, theme: 'neon' })).toBeNull();
  });
});
