/**
 * Desktop build: the trainer runs in an Electron utility process and talks to the page over
 * a MessagePort. The preload cannot pass the port through contextBridge, so it posts it to
 * this window; `takeTrainerPort` picks it up. When the trainer exits, main reports it, and
 * the connection asks for a new port; listeners stay subscribed across ports.
 */
import { DEFAULT_TRAINER_CHANNEL, TRAINER_PORT_MESSAGE, type DesktopApi } from '../../src-engine/protocol/ipc';
import type { FromTrainer, ToTrainerInput } from '../../src-engine/protocol/messages';
import { deliverRaw, Listeners, type TrainerConnection } from './trainer-connection';

/** The parts of a window 'message' event the hand-off looks at. */
export interface PortMessageEventLike {
  source: unknown;
  data: unknown;
  ports: readonly MessagePort[];
}

/**
 * Returns the trainer port carried by `event`, or null when the event is anything else.
 * Only a message this window posted to itself (the preload's hand-off) is accepted: a
 * message from another frame or window cannot inject a port.
 */
export function takeTrainerPort(event: PortMessageEventLike, self: unknown): MessagePort | null {
  if (event.source !== self) return null;
  const data = event.data as { type?: unknown } | null;
  if (typeof data !== 'object' || data === null || data.type !== TRAINER_PORT_MESSAGE) return null;
  const channel = (data as { channel?: unknown }).channel;
  if (channel !== undefined && channel !== DEFAULT_TRAINER_CHANNEL) return null;
  return event.ports.length > 0 ? event.ports[0] : null;
}

/** Messages sent before the first port arrives wait here (a few at most: Train pressed early). */
const MAX_QUEUED = 100;

/** The window surface the connection needs; `window` in the app, a fake in tests. */
export interface WindowLike {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Connects to the desktop trainer through `api`; requests the first port at once. */
export function createDesktopConnection(api: DesktopApi, win: WindowLike): { connection: TrainerConnection; close(): void } {
  const listeners = new Listeners<FromTrainer>();
  const lost = new Listeners<string>();
  let port: MessagePort | null = null;
  const queue: ToTrainerInput[] = [];

  const onPortMessage = (event: MessageEvent) => deliverRaw(event.data, listeners);

  const onWindowMessage = (event: MessageEvent) => {
    const next = takeTrainerPort(event, win);
    if (!next) return;
    if (port) {
      port.removeEventListener('message', onPortMessage);
      port.close();
    }
    port = next;
    port.addEventListener('message', onPortMessage);
    port.start();
    for (const msg of queue.splice(0)) port.postMessage(msg);
  };

  win.addEventListener('message', onWindowMessage);
  const offExit = api.onTrainerExit((info) => {
    if (port) {
      port.removeEventListener('message', onPortMessage);
      port.close();
      port = null;
    }
    const what = info.reason || `The trainer process stopped${info.code === null ? '' : ` (exit code ${info.code})`}.`;
    lost.emit(`${what} A new trainer is starting; press Train to run again.`);
    api.requestTrainerPort();
  });
  api.requestTrainerPort();

  return {
    connection: {
      send(msg) {
        if (port) port.postMessage(msg);
        else if (queue.length < MAX_QUEUED) queue.push(msg);
      },
      subscribe: (fn) => listeners.add(fn),
      onLost: (fn) => lost.add(fn),
    },
    close() {
      win.removeEventListener('message', onWindowMessage);
      offExit();
      port?.close();
      port = null;
    },
  };
}
