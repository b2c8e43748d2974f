/**
 * Validation of who sends an IPC message: only the main frame of a LayerLab window whose
 * URL is the app's own page may call main. Pure, so tests check it without Electron.
 */
import type { FileResult } from '../src-engine/protocol/ipc';
import { isAllowedNavigation } from './security';

export interface SenderFrameLike {
  url: string;
  /** `frame.parent === null` for a main frame. */
  isMainFrame: boolean;
}

/** True when the sender is the app page's main frame (not a sub-frame, not another origin). */
export function isTrustedSender(frame: SenderFrameLike | null | undefined, appUrl: string): boolean {
  if (!frame || !frame.isMainFrame) return false;
  return isAllowedNavigation(frame.url, appUrl);
}

/** The part of an Electron IPC event (IpcMainEvent, IpcMainInvokeEvent) the sender check reads. */
export interface IpcEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/** True when `event` came from the app page's main frame (`isTrustedSender` on its frame). */
export function isTrustedEvent(event: IpcEventLike, appUrl: string): boolean {
  const frame = event.senderFrame;
  return isTrustedSender(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null, appUrl);
}

/** What a refused invoke answers: an error result naming why, never a throw across IPC. */
export const REFUSED_SENDER: FileResult = { ok: false, canceled: false, error: 'Refused: the request did not come from LayerLab’s own page.' };

/** Wraps an invoke handler so only the app's own main frame may call it; others get REFUSED_SENDER and the handler never runs. */
export function guarded<E extends IpcEventLike, T>(appUrl: string, handler: (event: E, payload: unknown) => Promise<T>) {
  return async (event: E, payload: unknown): Promise<T | FileResult> => {
    if (!isTrustedEvent(event, appUrl)) return REFUSED_SENDER;
    return handler(event, payload);
  };
}
