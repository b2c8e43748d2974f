/**
 * Asking the user a yes/no question with the app's own dialog (ConfirmDialog), as a promise.
 * The question lives in the store (`confirm`); the answer's resolver stays here, outside
 * it, since a function is not state. A second question answers the first with "no".
 */
import { appStore } from '../store/app-store';
import type { ConfirmRequest } from '../store/types';

let pending: ((answer: boolean) => void) | null = null;

/** Shows `request` and resolves with the user's answer. */
export function askConfirm(request: ConfirmRequest): Promise<boolean> {
  pending?.(false);
  return new Promise((resolve) => {
    pending = resolve;
    appStore.getState().setShell({ confirm: request });
  });
}

/** Called by the dialog's buttons (and Escape). */
export function answerConfirm(answer: boolean): void {
  const resolve = pending;
  pending = null;
  appStore.getState().setShell({ confirm: null });
  resolve?.(answer);
}
