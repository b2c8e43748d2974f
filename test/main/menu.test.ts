import { describe, expect, it } from 'vitest';
import { acceleratorFor, MENU_COMMANDS, SHORTCUTS } from '../../src-engine/protocol/shortcuts';
import {
  buildMenuTemplate,
  collectAccelerators,
  recentFileLabel,
  toMenuTemplate,
  withMnemonic,
  type MenuAction,
  type MenuContext,
  type MenuItemSpec,
} from '../../src-main/menu';
import { MENU_LABELS, menuLabelsFor } from '../../src-main/menu-labels';
import { importEn } from '../../src-renderer/i18n/import-en';
import { importKo } from '../../src-renderer/i18n/import-ko';

const context = (platform: string, extra: Partial<MenuContext> = {}): MenuContext => ({
  platform,
  appName: 'LayerLab',
  isDev: false,
  labels: MENU_LABELS.en,
  theme: 'system',
  presentationMode: false,
  recentFiles: [],
  state: null,
  ...extra,
});

const titles = (menu: MenuItemSpec[]) => menu.map((m) => m.label ?? m.role);

function find(items: readonly MenuItemSpec[], predicate: (item: MenuItemSpec) => boolean): MenuItemSpec | undefined {
  for (const item of items) {
    if (predicate(item)) return item;
    const inner = item.submenu && find(item.submenu, predicate);
    if (inner) return inner;
  }
  return undefined;
}

const byCommand = (menu: MenuItemSpec[], command: string) =>
  find(menu, (i) => i.action?.kind === 'command' && i.action.command === command);

describe('native menu conventions', () => {
  it('starts with the app menu on macOS and has a Window menu before Help', () => {
    const menu = buildMenuTemplate(context('darwin'));
    expect(titles(menu)).toEqual(['LayerLab', 'File', 'Edit', 'View', 'Train', 'windowMenu', 'Help']);
    const appMenu = menu[0].submenu!;
    expect(appMenu[0]).toMatchObject({ label: 'About LayerLab', action: { kind: 'about' } });
    expect(appMenu.map((i) => i.role).filter(Boolean)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(menu.at(-1)!.role).toBe('help');
  });

  it('puts Exit in File and About in Help on Windows and Linux, with Alt mnemonics', () => {
    for (const platform of ['win32', 'linux']) {
      const menu = buildMenuTemplate(context(platform));
      expect(titles(menu)).toEqual(['&File', '&Edit', '&View', '&Train', '&Help']);
      expect(menu[0].submenu!.at(-1)).toEqual({ role: 'quit' });
      expect(menu.at(-1)!.submenu![0]).toMatchObject({ action: { kind: 'about' } });
      expect(find(menu, (i) => i.role === 'services')).toBeUndefined();
    }
  });

  it('closes the window from File on macOS, where the app keeps running', () => {
    expect(buildMenuTemplate(context('darwin'))[1].submenu!.at(-1)).toEqual({ role: 'close' });
  });

  it('uses the shared shortcut table for every accelerator on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const menu = buildMenuTemplate(context(platform));
      for (const command of new Set(SHORTCUTS.map((s) => s.command))) {
        expect(byCommand(menu, command)?.accelerator, `${platform} ${command}`).toBe(acceleratorFor(command, platform));
      }
      const accelerators = collectAccelerators(menu).map((a) => a.accelerator);
      expect(new Set(accelerators).size, `duplicate accelerator on ${platform}`).toBe(accelerators.length);
    }
  });

  it('has an item for every command the renderer accepts from the menu', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const menu = buildMenuTemplate(context(platform));
      for (const command of MENU_COMMANDS) expect(byCommand(menu, command), `${platform} ${command}`).toBeDefined();
    }
  });

  it('offers Import CSV… in File, beside Export Model…, in English and Korean', () => {
    const cases = [
      ['en', MENU_LABELS.en, importEn.importData.menuItem],
      ['ko', MENU_LABELS.ko, importKo.importData.menuItem],
    ] as const;
    for (const platform of ['darwin', 'win32', 'linux']) {
      for (const [language, labels, inAppLabel] of cases) {
        const menu = buildMenuTemplate(context(platform, { labels }));
        const file = menu[platform === 'darwin' ? 1 : 0].submenu!;
        const i = file.findIndex((item) => item.action?.kind === 'command' && item.action.command === 'import-csv');
        expect(i, `${platform} ${language}`).toBeGreaterThanOrEqual(0);
        // The same words as the in-app File menu's item, which opens the same dialog.
        expect(file[i]).toEqual({ label: inAppLabel, action: { kind: 'command', command: 'import-csv' }, enabled: true });
        expect(file[i + 1].action).toEqual({ kind: 'command', command: 'export-model' });
      }
    }
    expect(MENU_LABELS.en.importCsv).toBe('Import CSV…');
    expect(MENU_LABELS.ko.importCsv).toBe('CSV 가져오기…');
  });

  it('leaves cut, copy, paste and select-all to the system', () => {
    const edit = buildMenuTemplate(context('linux'))[1].submenu!;
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'delete', 'selectAll']);
  });

  it('offers Pause only while training runs, and Train and Step only while it does not', () => {
    const enabled = (running: boolean | null) => {
      const menu = buildMenuTemplate(context('linux', { state: running === null ? null : { running } }));
      return ['train', 'pause', 'step'].map((c) => byCommand(menu, c)?.enabled);
    };
    expect(enabled(true)).toEqual([false, true, false]);
    expect(enabled(false)).toEqual([true, false, true]);
    expect(enabled(null)).toEqual([true, true, true]);
  });

  it('keeps Undo and Redo enabled so they also work in text fields', () => {
    const menu = buildMenuTemplate(context('darwin', { state: { running: true } }));
    expect(byCommand(menu, 'undo')?.enabled).toBe(true);
    expect(byCommand(menu, 'redo')?.enabled).toBe(true);
  });

  it('checks the current theme and presentation mode', () => {
    const menu = buildMenuTemplate(context('linux', { theme: 'dark', presentationMode: true }));
    expect(find(menu, (i) => i.action?.kind === 'toggle-presentation')).toMatchObject({ type: 'checkbox', checked: true });
    const themes = find(menu, (i) => i.label === 'Theme')!.submenu!;
    expect(themes.map((t) => [t.type, t.checked])).toEqual([
      ['radio', false],
      ['radio', false],
      ['radio', true],
    ]);
  });

  it('shows Reload and Developer Tools only in development', () => {
    expect(find(buildMenuTemplate(context('linux')), (i) => i.role === 'toggleDevTools')).toBeUndefined();
    expect(find(buildMenuTemplate(context('linux', { isDev: true })), (i) => i.role === 'toggleDevTools')).toBeDefined();
  });
});

describe('recent documents in the menu', () => {
  it('uses the system list on macOS (filled by app.addRecentDocument)', () => {
    const recent = find(buildMenuTemplate(context('darwin', { recentFiles: ['/x.layerlab.json'] })), (i) => i.label === 'Open Recent');
    expect(recent).toMatchObject({ role: 'recentDocuments', submenu: [{ role: 'clearRecentDocuments' }] });
  });

  it('lists LayerLab’s own recent files on Windows and Linux, with Clear', () => {
    const files = ['C:\\nets\\R&D.layerlab.json', 'D:\\b.layerlab.json'];
    const recent = find(buildMenuTemplate(context('win32', { recentFiles: files })), (i) => i.label === 'Open Recent')!;
    expect(recent.submenu!.slice(0, 2)).toEqual([
      { label: 'R&&D.layerlab.json — C:\\nets', action: { kind: 'open-recent', path: files[0] } },
      { label: 'b.layerlab.json — D:\\', action: { kind: 'open-recent', path: files[1] } },
    ]);
    expect(recent.submenu!.at(-1)).toMatchObject({ action: { kind: 'clear-recent' }, enabled: true });
  });

  it('says there is nothing recent instead of showing an empty menu', () => {
    const recent = find(buildMenuTemplate(context('linux')), (i) => i.label === 'Open Recent')!;
    expect(recent.submenu![0]).toEqual({ label: 'No Recent Projects', enabled: false });
    expect(recent.submenu!.at(-1)).toMatchObject({ enabled: false });
  });

  it('labels recent files by name, then folder', () => {
    expect(recentFileLabel('/home/ada/nets/xor.layerlab.json', 'linux')).toBe('xor.layerlab.json — /home/ada/nets');
  });
});

describe('menu labels and dispatch', () => {
  it('follows the chosen language, else the system locale', () => {
    expect(menuLabelsFor('ko', 'en-US').file).toBe('파일');
    expect(menuLabelsFor(null, 'ko-KR').file).toBe('파일');
    expect(menuLabelsFor(null, 'de-DE').file).toBe('File');
    expect(menuLabelsFor('en', 'ko-KR').file).toBe('File');
  });

  it('gives every language every label', () => {
    expect(Object.keys(MENU_LABELS.ko).sort()).toEqual(Object.keys(MENU_LABELS.en).sort());
  });

  it('adds mnemonics in the Windows style, also for words without the letter', () => {
    expect(withMnemonic('File', 'f', 'win32')).toBe('&File');
    expect(withMnemonic('View', 'v', 'linux')).toBe('&View');
    expect(withMnemonic('파일', 'f', 'win32')).toBe('파일(&F)');
    expect(withMnemonic('File', 'f', 'darwin')).toBe('File');
  });

  it('turns actions into click handlers that report the action', () => {
    const ran: MenuAction[] = [];
    const template = toMenuTemplate(buildMenuTemplate(context('linux')), (a) => ran.push(a));
    const file = template[0].submenu as { label?: string; click?: () => void }[];
    file.find((i) => i.label === 'Save')!.click!();
    file.find((i) => i.label === 'Import CSV…')!.click!();
    expect(ran).toEqual([
      { kind: 'command', command: 'save-project' },
      { kind: 'command', command: 'import-csv' },
    ]);
    expect(JSON.stringify(template)).not.toContain('"action"');
  });
});
