/**
 * The native application menu, built as plain data by a pure function so tests check each
 * platform's conventions without Electron:
 * - macOS: the app menu first (About, Services, Hide, Quit), then File, Edit, View, Train,
 *   Window, Help; Open Recent is the system's own list (`recentDocuments`).
 * - Windows and Linux: File (ending in Exit/Quit), Edit, View, Train, Help (with About);
 *   top-level mnemonics (Alt+F …); Open Recent lists LayerLab's own recent files.
 * Accelerators come from the shared table in src-engine/protocol/shortcuts.ts, the same
 * one the renderer matches key events with.
 *
 * Items carry a `MenuAction` instead of a click handler; `toMenuTemplate` turns the data
 * into Electron's template with one dispatcher.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { posix, win32 } from 'node:path';
import type { MenuState, Theme } from '../src-engine/protocol/ipc-schemas';
import { acceleratorFor, type MenuCommand } from '../src-engine/protocol/shortcuts';
import type { MenuLabels } from './menu-labels';

/** What choosing a menu item does: a renderer command, or something main does itself. */
export type MenuAction =
  | { kind: 'command'; command: MenuCommand }
  | { kind: 'about' }
  | { kind: 'licences' }
  | { kind: 'open-recent'; path: string }
  | { kind: 'clear-recent' }
  | { kind: 'theme'; theme: Theme }
  | { kind: 'toggle-presentation' };

/** The Electron roles this menu uses (native behaviour and OS-provided labels). */
export type MenuRole = NonNullable<MenuItemConstructorOptions['role']>;

export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  type?: 'separator' | 'checkbox' | 'radio';
  accelerator?: string;
  enabled?: boolean;
  checked?: boolean;
  action?: MenuAction;
  submenu?: MenuItemSpec[];
}

export interface MenuContext {
  platform: string;
  appName: string;
  /** Development build: adds Reload and Developer Tools to View. */
  isDev: boolean;
  labels: MenuLabels;
  theme: Theme;
  presentationMode: boolean;
  /** LayerLab's recent files, newest first (Windows and Linux menus). */
  recentFiles: readonly string[];
  /** What the renderer last reported; null before it reports (everything enabled). */
  state: MenuState | null;
}

const SEPARATOR: MenuItemSpec = { type: 'separator' };

/** A menu item that sends `command` to the renderer, with the shared accelerator. */
function commandItem(label: string, command: MenuCommand, platform: string, enabled = true): MenuItemSpec {
  const accelerator = acceleratorFor(command, platform);
  return { label, action: { kind: 'command', command }, ...(accelerator ? { accelerator } : {}), enabled };
}

/**
 * A top-level label with an Alt mnemonic on Windows and Linux: '&File', or '파일(&F)' when
 * the word lacks the letter. macOS menus have no mnemonics.
 */
export function withMnemonic(label: string, letter: string, platform: string): string {
  if (platform === 'darwin') return label;
  const i = label.toLowerCase().indexOf(letter.toLowerCase());
  return i >= 0 ? `${label.slice(0, i)}&${label.slice(i)}` : `${label}(&${letter.toUpperCase()})`;
}

/** Menu label of a recent file: its name, then its folder; '&' doubled so it is not a mnemonic. */
export function recentFileLabel(path: string, platform: string): string {
  const api = platform === 'win32' ? win32 : posix;
  const label = `${api.basename(path)} — ${api.dirname(path)}`;
  return platform === 'darwin' ? label : label.replace(/&/g, '&&');
}

function recentSubmenu(ctx: MenuContext): MenuItemSpec {
  const { labels } = ctx;
  if (ctx.platform === 'darwin') {
    // The system keeps this list (app.addRecentDocument) and opens picks through 'open-file'.
    return { label: labels.openRecent, role: 'recentDocuments', submenu: [{ label: labels.clearRecent, role: 'clearRecentDocuments' }] };
  }
  const entries: MenuItemSpec[] =
    ctx.recentFiles.length === 0
      ? [{ label: labels.noRecent, enabled: false }]
      : ctx.recentFiles.map((path) => ({ label: recentFileLabel(path, ctx.platform), action: { kind: 'open-recent', path } }));
  return {
    label: labels.openRecent,
    submenu: [...entries, SEPARATOR, { label: labels.clearRecent, action: { kind: 'clear-recent' }, enabled: ctx.recentFiles.length > 0 }],
  };
}

/** The whole menu for `ctx.platform`. */
export function buildMenuTemplate(ctx: MenuContext): MenuItemSpec[] {
  const { labels, platform } = ctx;
  const mac = platform === 'darwin';
  const running = ctx.state?.running ?? null;

  const appMenu: MenuItemSpec = {
    label: ctx.appName,
    submenu: [
      { label: labels.about, action: { kind: 'about' } },
      SEPARATOR,
      { role: 'services' },
      SEPARATOR,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      SEPARATOR,
      { role: 'quit' },
    ],
  };

  const file: MenuItemSpec = {
    label: withMnemonic(labels.file, 'f', platform),
    submenu: [
      commandItem(labels.newProject, 'new-project', platform),
      commandItem(labels.open, 'open-project', platform),
      recentSubmenu(ctx),
      SEPARATOR,
      commandItem(labels.save, 'save-project', platform),
      commandItem(labels.saveAs, 'save-project-as', platform),
      SEPARATOR,
      // Opens the renderer's import dialog, as the in-app File menu's Import CSV… does.
      commandItem(labels.importCsv, 'import-csv', platform),
      commandItem(labels.exportModel, 'export-model', platform),
      SEPARATOR,
      // macOS: Close Window (⌘W); the app stays open. Elsewhere: Exit (Windows) / Quit (Linux).
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const edit: MenuItemSpec = {
    label: withMnemonic(labels.edit, 'e', platform),
    submenu: [
      // Undo and Redo go to the renderer: graph history on the canvas, typing in text fields.
      commandItem(labels.undo, 'undo', platform),
      commandItem(labels.redo, 'redo', platform),
      SEPARATOR,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' as const }] : []),
      { role: 'delete' },
      SEPARATOR,
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemSpec = {
    label: withMnemonic(labels.view, 'v', platform),
    submenu: [
      { label: labels.presentationMode, type: 'checkbox', checked: ctx.presentationMode, action: { kind: 'toggle-presentation' } },
      {
        label: labels.theme,
        submenu: (
          [
            ['system', labels.themeSystem],
            ['light', labels.themeLight],
            ['dark', labels.themeDark],
          ] as const
        ).map(([theme, label]) => ({ label, type: 'radio', checked: ctx.theme === theme, action: { kind: 'theme', theme } })),
      },
      SEPARATOR,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      SEPARATOR,
      { role: 'togglefullscreen' },
      ...(ctx.isDev ? [SEPARATOR, { role: 'reload' as const }, { role: 'forceReload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };

  const train: MenuItemSpec = {
    label: withMnemonic(labels.train, 't', platform),
    submenu: [
      commandItem(labels.trainStart, 'train', platform, running !== true),
      commandItem(labels.pause, 'pause', platform, running !== false),
      commandItem(labels.step, 'step', platform, running !== true),
      SEPARATOR,
      commandItem(labels.reset, 'reset', platform),
    ],
  };

  const help: MenuItemSpec = {
    label: withMnemonic(labels.help, 'h', platform),
    ...(mac ? { role: 'help' as const } : {}),
    submenu: [
      ...(mac ? [] : [{ label: labels.about, action: { kind: 'about' } } satisfies MenuItemSpec, SEPARATOR]),
      { label: labels.licences, action: { kind: 'licences' } },
    ],
  };

  return mac ? [appMenu, file, edit, view, train, { role: 'windowMenu' }, help] : [file, edit, view, train, help];
}

/** Electron's menu template for `items`; every item with an action calls `run(action)`. */
export function toMenuTemplate(items: readonly MenuItemSpec[], run: (action: MenuAction) => void): MenuItemConstructorOptions[] {
  return items.map((item) => {
    const { action, submenu, ...rest } = item;
    const options: MenuItemConstructorOptions = { ...rest };
    if (submenu) options.submenu = toMenuTemplate(submenu, run);
    if (action) options.click = () => run(action);
    return options;
  });
}

/** Every accelerator in a menu, with the item's label, for duplicate checks. */
export function collectAccelerators(items: readonly MenuItemSpec[]): { label: string; accelerator: string }[] {
  return items.flatMap((item) => [
    ...(item.accelerator ? [{ label: item.label ?? String(item.role), accelerator: item.accelerator }] : []),
    ...(item.submenu ? collectAccelerators(item.submenu) : []),
  ]);
}
