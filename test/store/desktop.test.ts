/**
 * Desktop integration against a fake DesktopApi: menu commands run the same store actions
 * as the buttons, files from the OS take the validated open path, the menu learns when a
 * run is going, the language follows the app's settings, and autosave goes through main
 * when main offers it.
 */
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSpiralExample } from '../../src-engine/examples';
import type { DesktopApi, MenuCommand, OpenedFile, UserSettings } from '../../src-engine/protocol/ipc';
import { DEFAULT_PANEL_LAYOUT } from '../../src-engine/protocol/ipc-schemas';
import { newProject, saveProject } from '../../src-renderer/app/file-actions';
import { connectDesktop } from '../../src-renderer/app/use-desktop-integration';
import { onImportRequest, type ImportRequest } from '../../src-renderer/data/import-request';
import { createAutosaveTarget } from '../../src-renderer/bridge/autosave-target';
import { serializeProject } from '../../src-renderer/bridge/project-files';
import { en } from '../../src-renderer/i18n/en';
import { followDesktopSettings, setLanguage } from '../../src-renderer/i18n/index';
import { ko } from '../../src-renderer/i18n/ko';
import { appStore } from '../../src-renderer/store/app-store';
import { createFakeConnection, status } from './fixtures';

const SETTINGS: UserSettings = { language: 'ko', theme: 'system', presentationMode: false, panels: DEFAULT_PANEL_LAYOUT };

function createFakeApi() {
  const menu = new Set<(c: MenuCommand) => void>();
  const files = new Set<(f: OpenedFile) => void>();
  const settings = new Set<(s: UserSettings) => void>();
  const api = {
    platform: 'linux',
    requestTrainerPort: vi.fn(),
    onTrainerExit: () => () => {},
    openProject: vi.fn(),
    saveProject: vi.fn(),
    exportFile: vi.fn(),
    onMenuCommand: (fn: (c: MenuCommand) => void) => (menu.add(fn), () => menu.delete(fn)),
    onOpenFile: (fn: (f: OpenedFile) => void) => (files.add(fn), () => files.delete(fn)),
    openDroppedFile: vi.fn(),
    getSettings: vi.fn(async () => SETTINGS),
    updateSettings: vi.fn(async () => SETTINGS),
    onSettingsChanged: (fn: (s: UserSettings) => void) => (settings.add(fn), () => settings.delete(fn)),
    setMenuState: vi.fn(),
    sendMenu: (c: MenuCommand) => menu.forEach((fn) => fn(c)),
    sendFile: (f: OpenedFile) => files.forEach((fn) => fn(f)),
    sendSettings: (s: UserSettings) => settings.forEach((fn) => fn(s)),
  };
  return api as typeof api & DesktopApi;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

beforeAll(async () => {
  await i18next.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', showSupportNotice: false });
});

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('connectDesktop', () => {
  it('runs menu commands as the buttons do and reports the run state to the menu', () => {
    const api = createFakeApi();
    const connection = createFakeConnection();
    const detach = appStore.getState().attachTrainer(connection);
    appStore.getState().loadProject(createSpiralExample());
    const disconnect = connectDesktop(api);
    expect(api.setMenuState).toHaveBeenLastCalledWith({ running: false });

    appStore.getState().removeElements(['hidden2'], []);
    api.sendMenu('undo');
    expect(appStore.getState().project.graph.nodes).toHaveLength(4);
    api.sendMenu('redo');
    expect(appStore.getState().project.graph.nodes).toHaveLength(3);
    api.sendMenu('undo');

    api.sendMenu('train');
    const runId = appStore.getState().run.runId ?? '';
    expect(connection.sent.at(-1)).toMatchObject({ type: 'start', runId });
    connection.deliver(status(runId, 'running'));
    expect(api.setMenuState).toHaveBeenLastCalledWith({ running: true });
    api.sendMenu('pause');
    expect(connection.sent.at(-1)).toMatchObject({ type: 'pause', runId });
    connection.deliver(status(runId, 'paused'));
    api.sendMenu('pause');
    expect(connection.sent.at(-1)).toMatchObject({ type: 'resume', runId });
    api.sendMenu('reset');
    expect(appStore.getState().run.state).toBe('idle');
    disconnect();
    detach();
  });

  it('opens the CSV import dialog from the menu, as the in-app File menu does, and changes nothing else', () => {
    const api = createFakeApi();
    appStore.getState().loadProject(createSpiralExample());
    const before = appStore.getState().project;
    const requests: ImportRequest[] = [];
    const stop = onImportRequest((request) => requests.push(request));
    const disconnect = connectDesktop(api);
    api.sendMenu('import-csv');
    // No file: the dialog opens and asks for one (main's open dialog, or the browser's picker).
    expect(requests).toEqual([{}]);
    expect(appStore.getState().project).toBe(before);
    disconnect();
    api.sendMenu('import-csv');
    expect(requests).toHaveLength(1);
    stop();
  });

  it('opens files from the OS through the validated path and refuses bad ones', async () => {
    const api = createFakeApi();
    appStore.getState().loadProject(createSpiralExample());
    const disconnect = connectDesktop(api);
    const before = appStore.getState().project;
    api.sendFile({ ok: true, name: 'bad.layerlab.json', text: '{"format":"layerlab-project","version":1}' });
    api.sendFile({ ok: false, name: 'gone.layerlab.json', error: 'The file does not exist.' });
    await tick();
    expect(appStore.getState().project).toBe(before);
    expect(appStore.getState().notices.map((n) => n.message).join('\n')).toMatch(/bad\.layerlab\.json[\s\S]*gone\.layerlab\.json: The file does not exist\./);

    const other = { ...createSpiralExample(), name: 'From the OS' };
    api.sendFile({ ok: true, name: 'os.layerlab.json', text: serializeProject(other) });
    await tick();
    expect(appStore.getState().project).toEqual(other);
    disconnect();
  });
});

describe('settings', () => {
  it('takes the language from the desktop settings, follows changes and saves the choice there', async () => {
    const api = createFakeApi();
    (globalThis as { window?: unknown }).window = { layerlab: api };
    const stop = followDesktopSettings();
    await tick();
    expect(i18next.language).toBe('ko');
    api.sendSettings({ ...SETTINGS, language: 'en-US' });
    expect(i18next.language).toBe('en');
    setLanguage('ko');
    expect(api.updateSettings).toHaveBeenCalledWith({ language: 'ko' });
    stop();
    await i18next.changeLanguage('en');
  });
});

describe('autosave target', () => {
  it('writes through main when main offers autosave', async () => {
    const api = createFakeApi();
    const stored: string[] = [];
    const target = createAutosaveTarget({ ...api, autosave: async (text: string) => (stored.push(text), { ok: true as const }), readAutosave: async () => stored.at(-1) ?? null });
    await target.write('record');
    expect(await target.read()).toBe('record');
    const failing = createAutosaveTarget({ ...api, autosave: async () => ({ ok: false as const, error: 'disk full' }), readAutosave: async () => null });
    await expect(failing.write('x')).rejects.toThrow('disk full');
  });

  it('falls back to IndexedDB, and reads nothing where there is none', async () => {
    const target = createAutosaveTarget(createFakeApi());
    expect(await target.read()).toBeNull();
    await expect(target.write('x')).rejects.toThrow(/IndexedDB/);
  });
});

describe('saving on the desktop', () => {
  it('asks where to save when the project is not the file main has open', async () => {
    const api = createFakeApi();
    api.saveProject.mockResolvedValue({ ok: true, path: 'chosen.layerlab.json' });
    (globalThis as { window?: unknown }).window = { layerlab: api };
    appStore.getState().loadProject(createSpiralExample(), 'spirals.layerlab.json');
    await saveProject(false);
    expect(api.saveProject).toHaveBeenLastCalledWith(expect.objectContaining({ saveAs: false }));
    await newProject();
    await saveProject(false);
    expect(api.saveProject).toHaveBeenLastCalledWith(expect.objectContaining({ saveAs: true }));
    expect(appStore.getState().filePath).toBe('chosen.layerlab.json');
  });

  it('unbinds the open file when the OS hands over a file that is refused', async () => {
    const api = createFakeApi();
    appStore.getState().loadProject(createSpiralExample(), 'spirals.layerlab.json');
    const disconnect = connectDesktop(api);
    api.sendFile({ ok: true, name: 'newer.layerlab.json', text: '{"format":"layerlab-project","version":99}' });
    await tick();
    await tick();
    expect(appStore.getState().project.name).toBe('Two spirals');
    expect(appStore.getState().filePath).toBeNull();
    disconnect();
  });
});
