import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsPatchSchema } from '../../src-engine/protocol/ipc-schemas';
import {
  addRecentFile,
  applySettingsPatch,
  asideFileName,
  DEFAULT_SETTINGS,
  MAX_RECENT_FILES,
  migrateSettings,
  parseSettingsText,
  serializeSettings,
  SETTINGS_FILE_NAME,
  SETTINGS_VERSION,
  SettingsStore,
  userSettingsOf,
  type Migration,
} from '../../src-main/settings';

const NOW = new Date('2025-01-31T09:30:00.123Z');
const quiet = { saveDelayMs: 5, now: () => NOW, log: () => undefined };

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'layerlab-settings-'));
}

describe('settings migration', () => {
  it('runs the steps from the file’s version up to the current one, in order', () => {
    const steps: Migration[] = [
      (o) => ({ ...o, trail: [...((o.trail as string[]) ?? []), '0→1'] }),
      (o) => ({ ...o, trail: [...(o.trail as string[]), '1→2'] }),
      (o) => ({ ...o, trail: [...(o.trail as string[]), '2→3'] }),
    ];
    expect(migrateSettings({ version: 1, trail: [] }, steps, 3)).toEqual({ ok: true, from: 1, data: { version: 3, trail: ['1→2', '2→3'] } });
    expect(migrateSettings({}, steps, 3)).toEqual({ ok: true, from: 0, data: { version: 3, trail: ['0→1', '1→2', '2→3'] } });
    expect(migrateSettings({ version: 3, trail: [] }, steps, 3)).toEqual({ ok: true, from: 3, data: { version: 3, trail: [] } });
  });

  it('says so when a step is missing instead of skipping it', () => {
    expect(() => migrateSettings({ version: 0 }, [], 1)).toThrow(/No settings migration from version 0 to 1/);
  });

  it('upgrades an unversioned (version 0) file and keeps its valid fields', () => {
    const v0 = JSON.stringify({ language: 'ko', theme: 'dark', lastFolder: '/home/ada/nets' });
    const load = parseSettingsText(v0);
    expect(load.problem).toBeNull();
    if (load.problem === null) expect(load.migratedFrom).toBe(0);
    expect(load.settings).toEqual({ ...DEFAULT_SETTINGS, language: 'ko', theme: 'dark', lastFolder: '/home/ada/nets' });
  });

  it('resets an invalid field to its default without losing the others', () => {
    const text = JSON.stringify({
      version: 1,
      language: 'ko',
      theme: 'purple',
      presentationMode: 'yes',
      panels: { paletteWidth: 260, inspectorWidth: 5 },
      recentFiles: ['/a.layerlab.json', 7, '/b.layerlab.json'],
      window: { bounds: { x: 0, y: 0, width: -1, height: 10 }, maximized: true },
    });
    const { settings } = parseSettingsText(text);
    expect(settings.language).toBe('ko');
    expect(settings.theme).toBe('system');
    expect(settings.presentationMode).toBe(false);
    expect(settings.panels).toEqual({ ...DEFAULT_SETTINGS.panels, paletteWidth: 260 });
    expect(settings.recentFiles).toEqual(['/a.layerlab.json', '/b.layerlab.json']);
    expect(settings.window).toBeNull();
  });

  it('treats text that is not a settings object as unreadable and starts from defaults', () => {
    for (const text of ['{"version": 1,', '[1, 2]', '"hello"', JSON.stringify({ version: -1 }), JSON.stringify({ version: '1' })]) {
      const load = parseSettingsText(text);
      expect(load.problem, text).toBe('unreadable');
      expect(load.settings).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('reads what it understands of a file from a newer LayerLab, and reports it', () => {
    const load = parseSettingsText(JSON.stringify({ version: SETTINGS_VERSION + 1, theme: 'dark', newThing: 1 }));
    expect(load.problem).toBe('newer');
    expect(load.settings.theme).toBe('dark');
  });

  it('uses the defaults when there is no file, without calling that a problem', () => {
    expect(parseSettingsText(null)).toEqual({ settings: DEFAULT_SETTINGS, problem: null, migratedFrom: null });
  });

  it('writes the current version and reads back what it wrote', () => {
    const settings = { ...DEFAULT_SETTINGS, language: 'ko', recentFiles: ['/x.layerlab.json'] };
    const text = serializeSettings(settings);
    expect(JSON.parse(text).version).toBe(SETTINGS_VERSION);
    expect(parseSettingsText(text)).toEqual({ settings, problem: null, migratedFrom: null });
  });
});

describe('settings changes', () => {
  it('applies a patch from the renderer, merging panel sizes one by one', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, { theme: 'light', panels: { inspectorWidth: 420 } });
    expect(next.theme).toBe('light');
    expect(next.panels).toEqual({ ...DEFAULT_SETTINGS.panels, inspectorWidth: 420 });
    expect(userSettingsOf(next)).not.toHaveProperty('recentFiles');
  });

  it('refuses patches with unknown keys or out-of-range sizes', () => {
    expect(settingsPatchSchema.safeParse({ lastFolder: '/etc' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ panels: { paletteWidth: 10 } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ language: 'ko-KR', presentationMode: true }).success).toBe(true);
  });

  it('moves a reopened file to the front of the recent list and keeps the list short', () => {
    let list: string[] = [];
    for (let i = 0; i < MAX_RECENT_FILES + 3; i++) list = addRecentFile(list, `/n${i}.layerlab.json`, 'linux');
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(addRecentFile(list, '/n5.layerlab.json', 'linux').slice(0, 2)).toEqual(['/n5.layerlab.json', `/n${MAX_RECENT_FILES + 2}.layerlab.json`]);
  });

  it('compares recent paths case-insensitively on Windows and macOS only', () => {
    expect(addRecentFile(['C:\\Nets\\A.layerlab.json'], 'c:\\nets\\a.layerlab.json', 'win32')).toEqual(['c:\\nets\\a.layerlab.json']);
    expect(addRecentFile(['/Nets/A.layerlab.json'], '/nets/a.layerlab.json', 'linux')).toHaveLength(2);
  });
});

describe('settings file', () => {
  it('creates the file on the first change, atomically and after the save delay', async () => {
    const dir = await tempDir();
    const store = await SettingsStore.open(dir, quiet);
    expect(await readdir(dir)).toEqual([]);
    store.update((s) => ({ ...s, theme: 'dark' }));
    store.update((s) => ({ ...s, presentationMode: true }));
    await store.flush();
    expect(await readdir(dir)).toEqual([SETTINGS_FILE_NAME]);
    const written = JSON.parse(await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8'));
    expect(written).toMatchObject({ version: SETTINGS_VERSION, theme: 'dark', presentationMode: true });
    const reopened = await SettingsStore.open(dir, quiet);
    expect(reopened.current.theme).toBe('dark');
  });

  it('moves a broken file aside as settings.json.broken-<time> and starts from defaults', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, SETTINGS_FILE_NAME), '{ this is not json');
    const messages: string[] = [];
    const store = await SettingsStore.open(dir, { ...quiet, log: (m) => messages.push(m) });
    expect(store.current).toEqual(DEFAULT_SETTINGS);
    expect(await readdir(dir)).toEqual(['settings.json.broken-2025-01-31T09-30-00Z']);
    expect(await readFile(join(dir, 'settings.json.broken-2025-01-31T09-30-00Z'), 'utf8')).toBe('{ this is not json');
    expect(messages.join('\n')).toMatch(/not valid JSON.*kept as .*broken-/s);
  });

  it('keeps a copy of a newer version’s file before writing its own', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, SETTINGS_FILE_NAME), JSON.stringify({ version: 99, theme: 'light' }));
    const store = await SettingsStore.open(dir, quiet);
    expect(store.current.theme).toBe('light');
    expect(await readdir(dir)).toEqual([asideFileName('newer', NOW, 99)]);
    expect(asideFileName('newer', NOW, 99)).toBe('settings.json.from-v99-2025-01-31T09-30-00Z');
  });

  it('never throws when the settings cannot be written', async () => {
    const dir = await tempDir();
    const messages: string[] = [];
    const store = await SettingsStore.open(dir, { ...quiet, log: (m) => messages.push(m) });
    // A non-empty folder where the file should be makes the atomic rename fail.
    await mkdir(join(dir, SETTINGS_FILE_NAME));
    await writeFile(join(dir, SETTINGS_FILE_NAME, 'x'), 'x');
    store.update((s) => ({ ...s, theme: 'dark' }));
    await expect(store.flush()).resolves.toBeUndefined();
    expect(messages.join('\n')).toMatch(/Could not save settings/);
    expect(store.current.theme).toBe('dark');
    expect((await readdir(dir)).sort()).toEqual([SETTINGS_FILE_NAME]);
  });

  it('tells listeners about each change', async () => {
    const store = await SettingsStore.open(await tempDir(), quiet);
    const seen: string[] = [];
    const off = store.onChange((s) => seen.push(s.theme));
    store.update((s) => ({ ...s, theme: 'dark' }));
    store.update((s) => s); // no change: no event, no write
    off();
    store.update((s) => ({ ...s, theme: 'light' }));
    expect(seen).toEqual(['dark']);
    await store.flush();
  });
});
