/**
 * Validation of who sends an IPC message: only the main frame of a LayerLab window whose
 * URL is the app's own page may call main. Pure, so tests check it without Electron.
 */
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
