/**
 * Keys of the canvas and the shell that are not in the shared menu table
 * (src-engine/protocol/shortcuts.ts): clipboard, duplicate, select all, arrange, fit view,
 * help. The help panel lists these and the shared ones.
 */
import type { LocalCommand } from './commands';

export interface LocalShortcut {
  command: LocalCommand;
  /** KeyboardEvent.code, so the binding does not depend on the keyboard layout. */
  code: string;
  mod: boolean;
  shift: boolean;
  /** The key as the help panel shows it ('Mod' becomes Ctrl or ⌘). */
  label: string;
}

export const LOCAL_SHORTCUTS: readonly LocalShortcut[] = [
  { command: 'copy', code: 'KeyC', mod: true, shift: false, label: 'Mod+C' },
  { command: 'cut', code: 'KeyX', mod: true, shift: false, label: 'Mod+X' },
  { command: 'paste', code: 'KeyV', mod: true, shift: false, label: 'Mod+V' },
  { command: 'duplicate', code: 'KeyD', mod: true, shift: false, label: 'Mod+D' },
  { command: 'select-all', code: 'KeyA', mod: true, shift: false, label: 'Mod+A' },
  { command: 'delete', code: 'Delete', mod: false, shift: false, label: 'Delete' },
  { command: 'arrange', code: 'KeyL', mod: true, shift: true, label: 'Mod+Shift+L' },
  { command: 'fit-view', code: 'Digit1', mod: false, shift: true, label: 'Shift+1' },
  { command: 'show-shortcuts', code: 'F1', mod: false, shift: false, label: 'F1' },
];

/** Keys handled by the canvas itself, listed in the help panel only. */
export const CANVAS_KEYS = [
  { id: 'nudge', label: '← ↑ → ↓' },
  { id: 'nudgeFar', label: 'Shift+← ↑ → ↓' },
  { id: 'multiSelect', label: 'Shift+Click' },
  { id: 'boxSelect', label: 'Shift+Drag' },
  { id: 'focusNext', label: 'Tab' },
  { id: 'escape', label: 'Escape' },
] as const;

/** "Mod+Shift+S" → "Ctrl+Shift+S" or "⌘⇧S" on macOS. */
export function formatKeys(label: string, platform: string): string {
  if (platform !== 'darwin') return label.replace('Mod', 'Ctrl');
  return label.replace('Mod+', '⌘').replace('Shift+', '⇧').replace('Enter', '↩');
}

/** Turns the shared table's key ('s', 'enter', '.') into a label. */
export function sharedKeyLabel(key: string, shift: boolean): string {
  const name = key === 'enter' ? 'Enter' : key.length === 1 ? key.toUpperCase() : key;
  return `Mod+${shift ? 'Shift+' : ''}${name}`;
}
