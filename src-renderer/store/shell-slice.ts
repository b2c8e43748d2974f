/**
 * The app shell's own state: the open dialog, the keyboard help, the restore offer from
 * autosave and the autosave status. None of it is part of the project or its undo history.
 */
import type { StateCreator } from 'zustand';
import type { AppState, ShellSlice } from './types';

export function createShellSlice(): StateCreator<AppState, [], [], ShellSlice> {
  return (set) => ({
    confirm: null,
    helpOpen: false,
    restoreOffer: null,
    savedRunOffer: null,
    autosavedAt: null,
    autosaveError: null,
    setShell(patch) {
      set(patch);
    },
  });
}
