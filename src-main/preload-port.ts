/**
 * The preload's half of the trainer-port hand-off, pure so it can be tested with fakes:
 * the port from main's `webContents.postMessage` is posted to the page's own window, where
 * the renderer picks it up from a 'message' event whose source is the window.
 */
import { DEFAULT_TRAINER_CHANNEL, TRAINER_PORT_MESSAGE } from '../src-engine/protocol/ipc';

export interface WindowLike {
  postMessage(message: unknown, targetOrigin: string, transfer?: unknown[]): void;
}

/** Forwards the first received port to the page, tagged with its channel. False when there was none. */
export function forwardTrainerPort(target: WindowLike, ports: readonly unknown[] | undefined, channel = DEFAULT_TRAINER_CHANNEL): boolean {
  if (!ports || ports.length === 0) return false;
  // '*' is safe here: the message goes to this same window, and the page checks
  // event.source === window before taking the port.
  target.postMessage({ type: TRAINER_PORT_MESSAGE, channel }, '*', [ports[0]]);
  return true;
}
