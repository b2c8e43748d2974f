/**
 * Global keyboard shortcuts. The menu's commands match the shared table
 * (src-engine/protocol/shortcuts.ts: the native menu shows the same accelerators) and the
 * canvas keys match LOCAL_SHORTCUTS. A handled key is prevented, so the desktop menu's
 * accelerator does not run the command a second time. Text fields keep their own undo,
 * clipboard and arrow keys.
 *
 * Copy, cut and paste listen to the clipboard events, not to keys: the Edit menu's native
 * roles and the keyboard both raise them, and they reach the system clipboard, so layers
 * paste into another project or window.
 */
import { useEffect } from 'react';
import { matchShortcut } from '../../src-engine/protocol/shortcuts';
import { parseClipboard, serializeClipboard } from '../store/clipboard';
import { appStore } from '../store/app-store';
import { isTextEntry, runCommand } from './commands';
import { LOCAL_SHORTCUTS } from './local-shortcuts';
import { currentPlatform } from './platform';

/** Canvas pixels per arrow press (Shift: NUDGE_FAR_PX). */
const NUDGE_PX = 10;
const NUDGE_FAR_PX = 50;
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** Whether a clipboard event belongs to a text field or selected text rather than the canvas. */
function isTextClipboard(e: Event): boolean {
  if (isTextEntry(e.target) || isTextEntry(document.activeElement)) return true;
  const selection = typeof window.getSelection === 'function' ? window.getSelection() : null;
  return selection !== null && selection.toString().length > 0;
}

function onKeyDown(e: KeyboardEvent, platform: string): void {
  const { confirm, helpOpen } = appStore.getState();
  if (confirm || helpOpen) return; // an open dialog owns the keyboard
  const menu = matchShortcut(e, platform);
  if (menu) {
    // In a text field, undo and redo belong to the field.
    if ((menu === 'undo' || menu === 'redo') && isTextEntry(e.target)) return;
    e.preventDefault();
    runCommand(menu);
    return;
  }
  if (isTextEntry(e.target) || e.altKey) return;
  const mod = platform === 'darwin' ? e.metaKey : e.ctrlKey;
  const local = LOCAL_SHORTCUTS.find((s) => s.code === e.code && s.mod === mod && s.shift === e.shiftKey);
  // Clipboard keys raise clipboard events (handled below); Delete is React Flow's own.
  if (local && !['copy', 'cut', 'paste', 'delete'].includes(local.command)) {
    e.preventDefault();
    runCommand(local.command);
    return;
  }
  if (e.key === '?' && !mod) {
    e.preventDefault();
    runCommand('show-shortcuts');
    return;
  }
  const arrow = ARROWS[e.key];
  // A focused node moves with React Flow's own arrow handling; elsewhere the selection moves.
  if (arrow && !mod && !(e.target instanceof Element && e.target.closest('.react-flow__node'))) {
    if (appStore.getState().selection.nodeIds.length === 0) return;
    e.preventDefault();
    const d = e.shiftKey ? NUDGE_FAR_PX : NUDGE_PX;
    appStore.getState().nudgeSelection(arrow[0] * d, arrow[1] * d);
  } else if (e.key === 'Escape' && !mod) {
    appStore.getState().setSelection({ nodeIds: [], edgeIds: [] });
  }
}

function onCopy(e: ClipboardEvent, cut: boolean): void {
  if (isTextClipboard(e)) return;
  const store = appStore.getState();
  const data = cut ? store.cutSelection() : store.copySelection();
  if (!data) return;
  e.preventDefault();
  e.clipboardData?.setData('text/plain', serializeClipboard(data));
}

function onPaste(e: ClipboardEvent): void {
  if (isTextClipboard(e)) return;
  const text = e.clipboardData?.getData('text/plain') ?? '';
  const fromSystem = parseClipboard(text);
  const data = fromSystem ?? appStore.getState().clipboard;
  if (!data) return;
  e.preventDefault();
  appStore.getState().paste(data);
}

/**
 * Chromium enables Copy, Cut and Paste without a text selection only when the page cancels
 * 'beforecopy' ('beforecut', 'beforepaste'); then the clipboard event itself follows.
 */
function onBeforeClipboard(e: Event): void {
  if (!isTextClipboard(e) && appStore.getState().selection.nodeIds.length + (e.type === 'beforepaste' ? 1 : 0) > 0) e.preventDefault();
}

export function useShortcuts(): void {
  useEffect(() => {
    const platform = currentPlatform();
    const keydown = (e: KeyboardEvent) => onKeyDown(e, platform);
    const copy = (e: ClipboardEvent) => onCopy(e, false);
    const cut = (e: ClipboardEvent) => onCopy(e, true);
    window.addEventListener('keydown', keydown);
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', onPaste);
    for (const type of ['beforecopy', 'beforecut', 'beforepaste']) document.addEventListener(type, onBeforeClipboard);
    return () => {
      for (const type of ['beforecopy', 'beforecut', 'beforepaste']) document.removeEventListener(type, onBeforeClipboard);
      window.removeEventListener('keydown', keydown);
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', onPaste);
    };
  }, []);
}
