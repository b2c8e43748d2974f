import { describe, expect, it } from 'vitest';
import {
  acceleratorFor,
  formatAccelerator,
  isMenuCommand,
  matchShortcut,
  MENU_COMMANDS,
  SHORTCUTS,
  type KeyLike,
} from '../../src-engine/protocol/shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shared shortcut table', () => {
  it('gives the file, edit and train commands the agreed accelerators', () => {
    expect(acceleratorFor('new-project', 'linux')).toBe('CmdOrCtrl+N');
    expect(acceleratorFor('open-project', 'linux')).toBe('CmdOrCtrl+O');
    expect(acceleratorFor('save-project', 'linux')).toBe('CmdOrCtrl+S');
    expect(acceleratorFor('save-project-as', 'linux')).toBe('CmdOrCtrl+Shift+S');
    expect(acceleratorFor('undo', 'linux')).toBe('CmdOrCtrl+Z');
    expect(acceleratorFor('train', 'linux')).toBe('CmdOrCtrl+Enter');
    expect(acceleratorFor('pause', 'linux')).toBe('CmdOrCtrl+.');
    expect(acceleratorFor('step', 'linux')).toBe('CmdOrCtrl+Shift+Enter');
    expect(acceleratorFor('reset', 'linux')).toBeUndefined();
  });

  it('shows Redo as Ctrl+Y on Windows and Mod+Shift+Z elsewhere', () => {
    expect(acceleratorFor('redo', 'win32')).toBe('CmdOrCtrl+Y');
    expect(acceleratorFor('redo', 'darwin')).toBe('CmdOrCtrl+Shift+Z');
    expect(acceleratorFor('redo', 'linux')).toBe('CmdOrCtrl+Shift+Z');
  });

  it('binds no key combination twice', () => {
    const combos = SHORTCUTS.map(formatAccelerator);
    expect(new Set(combos).size).toBe(combos.length);
  });

  it('only names commands that exist', () => {
    for (const s of SHORTCUTS) expect(isMenuCommand(s.command)).toBe(true);
    expect(isMenuCommand('rm -rf')).toBe(false);
    expect(isMenuCommand(undefined)).toBe(false);
    expect(MENU_COMMANDS).toContain('export-model');
    expect(isMenuCommand('import-csv')).toBe(true);
  });
});

describe('matching key events', () => {
  it('uses ⌘ on macOS and Ctrl elsewhere', () => {
    expect(matchShortcut(key('s', { metaKey: true }), 'darwin')).toBe('save-project');
    expect(matchShortcut(key('s', { ctrlKey: true }), 'darwin')).toBeNull();
    expect(matchShortcut(key('s', { ctrlKey: true }), 'win32')).toBe('save-project');
    expect(matchShortcut(key('s', { metaKey: true }), 'linux')).toBeNull();
  });

  it('tells shifted variants apart (Shift makes the key upper-case)', () => {
    expect(matchShortcut(key('S', { ctrlKey: true, shiftKey: true }), 'linux')).toBe('save-project-as');
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }), 'linux')).toBe('redo');
    expect(matchShortcut(key('y', { ctrlKey: true }), 'linux')).toBe('redo');
    expect(matchShortcut(key('Enter', { ctrlKey: true }), 'linux')).toBe('train');
    expect(matchShortcut(key('Enter', { ctrlKey: true, shiftKey: true }), 'linux')).toBe('step');
    expect(matchShortcut(key('.', { metaKey: true }), 'darwin')).toBe('pause');
  });

  it('ignores keys without the modifier, and AltGr combinations', () => {
    expect(matchShortcut(key('s'), 'linux')).toBeNull();
    expect(matchShortcut(key('z', { ctrlKey: true, altKey: true }), 'win32')).toBeNull();
    expect(matchShortcut(key('q', { ctrlKey: true }), 'linux')).toBeNull();
  });
});
