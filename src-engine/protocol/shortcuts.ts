/**
 * The one table of app commands and their keyboard shortcuts, shared by the native menu
 * (main builds its accelerators from it) and the renderer (which can match key events with
 * `matchShortcut`), so the two never disagree. Pure: no DOM, Node or Electron.
 *
 * "Mod" is ⌘ on macOS and Ctrl elsewhere (Electron's `CmdOrCtrl`).
 */

/** Commands the native menu sends to the renderer over `IPC.menuCommand`. */
export const MENU_COMMANDS = [
  'new-project',
  'open-project',
  'save-project',
  'save-project-as',
  'import-csv',
  'export-model',
  'undo',
  'redo',
  'train',
  'pause',
  'step',
  'reset',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Whether `value` is one of MENU_COMMANDS (used to validate what crosses IPC). */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** One key binding: Mod + optional Shift + `key` (KeyboardEvent.key, lower case). */
export interface Shortcut {
  command: MenuCommand;
  key: string;
  shift: boolean;
  /** Platforms whose menu shows this binding (the others still accept it from the keyboard). */
  menuOn?: 'win32' | 'not-win32';
}

/**
 * Every shortcut. Redo has two: Mod+Shift+Z (the macOS and Linux convention, shown in their
 * menus) and Ctrl+Y (the Windows convention, shown in the Windows menu); both work everywhere.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'new-project', key: 'n', shift: false },
  { command: 'open-project', key: 'o', shift: false },
  { command: 'save-project', key: 's', shift: false },
  { command: 'save-project-as', key: 's', shift: true },
  { command: 'undo', key: 'z', shift: false },
  { command: 'redo', key: 'z', shift: true, menuOn: 'not-win32' },
  { command: 'redo', key: 'y', shift: false, menuOn: 'win32' },
  { command: 'train', key: 'enter', shift: false },
  { command: 'step', key: 'enter', shift: true },
  { command: 'pause', key: '.', shift: false },
];

const ACCELERATOR_KEY_NAMES: Record<string, string> = { enter: 'Enter', '.': '.' };

/** Electron accelerator of a shortcut, e.g. `CmdOrCtrl+Shift+S`. */
export function formatAccelerator(shortcut: Shortcut): string {
  const key = ACCELERATOR_KEY_NAMES[shortcut.key] ?? shortcut.key.toUpperCase();
  return ['CmdOrCtrl', ...(shortcut.shift ? ['Shift'] : []), key].join('+');
}

/** The accelerator the menu shows for `command` on `platform`, or undefined when it has none. */
export function acceleratorFor(command: MenuCommand, platform: string): string | undefined {
  const shortcut = SHORTCUTS.find(
    (s) =>
      s.command === command &&
      (s.menuOn === undefined || (s.menuOn === 'win32') === (platform === 'win32')),
  );
  return shortcut ? formatAccelerator(shortcut) : undefined;
}

/** The parts of a KeyboardEvent that `matchShortcut` reads. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * The command a key event stands for, or null. Mod is ⌘ on macOS (`platform` 'darwin') and
 * Ctrl elsewhere; Alt never matches (AltGr on European keyboards reports Ctrl+Alt).
 */
export function matchShortcut(event: KeyLike, platform: string): MenuCommand | null {
  const mod = platform === 'darwin' ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!mod || event.altKey) return null;
  const key = event.key.toLowerCase();
  const found = SHORTCUTS.find((s) => s.key === key && s.shift === event.shiftKey);
  return found ? found.command : null;
}
