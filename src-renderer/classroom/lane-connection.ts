/**
 * Extra trainer connections for the classroom: Step mode and each lane of a comparison or
 * race gets its own, so each has its own run beside the main one. Browser build: one Web
 * Worker per connection (the same code as the main trainer). Desktop: a port of the one
 * trainer process, requested with a channel name ('step', 'race-3'); main hands it over as
 * a window message `{ type: TRAINER_PORT_MESSAGE, channel }`, and only the message with
 * this connection's channel is taken.
 */
import { TRAINER_CHANNEL_PATTERN, TRAINER_PORT_MESSAGE, type DesktopApi } from '../../src-engine/protocol/ipc';
import { getDesktopApi } from '../bridge/desktop-api';
import type { PortMessageEventLike, WindowLike } from '../bridge/desktop-connection';
import { createMessageConnection, Listeners, type TrainerConnection } from '../bridge/trainer-connection';
import { createWorkerConnection } from '../bridge/worker-connection';

/** An open connection and the function that closes it (and its worker or port). */
export interface LaneConnection {
  connection: TrainerConnection;
  close(): void;
}

/** Opens a connection for `channel` (a name matching TRAINER_CHANNEL_PATTERN). */
export type LaneConnector = (channel: string) => LaneConnection;

/**
 * The port in `event` when it is the preload's hand-off for exactly `channel`, else null.
 * Like `takeTrainerPort`, only a message this window posted to itself is accepted.
 */
export function takeChannelPort(event: PortMessageEventLike, self: unknown, channel: string): MessagePort | null {
  if (event.source !== self) return null;
  const data = event.data as { type?: unknown; channel?: unknown } | null;
  if (typeof data !== 'object' || data === null || data.type !== TRAINER_PORT_MESSAGE || data.channel !== channel) return null;
  return event.ports.length > 0 ? event.ports[0] : null;
}

/** Desktop: asks main for a port on `channel` and connects to it when it arrives. */
export function createDesktopLane(api: DesktopApi, win: WindowLike, channel: string): LaneConnection {
  if (!TRAINER_CHANNEL_PATTERN.test(channel)) throw new Error(`Trainer channel '${channel}' must be 1-40 characters of a-z, 0-9 and '-'.`);
  const listeners = new Listeners<Parameters<Parameters<TrainerConnection['subscribe']>[0]>[0]>();
  const lost = new Listeners<string>();
  const queue: Parameters<TrainerConnection['send']>[0][] = [];
  let inner: ReturnType<typeof createMessageConnection> | null = null;
  let port: MessagePort | null = null;
  let closed = false;

  const onWindowMessage = (event: MessageEvent) => {
    const next = takeChannelPort(event, win, channel);
    if (!next || closed || port) return;
    port = next;
    inner = createMessageConnection(port);
    inner.connection.subscribe((msg) => listeners.emit(msg));
    for (const msg of queue.splice(0)) port.postMessage(msg);
  };
  win.addEventListener('message', onWindowMessage);
  const offExit = api.onTrainerExit((info) => lost.emit(info.reason || 'The trainer process stopped.'));
  api.requestTrainerPort(channel);

  return {
    connection: {
      send(msg) {
        if (port) port.postMessage(msg);
        else if (queue.length < 100) queue.push(msg);
      },
      subscribe: (fn) => listeners.add(fn),
      onLost: (fn) => lost.add(fn),
    },
    close() {
      closed = true;
      win.removeEventListener('message', onWindowMessage);
      offExit();
      inner?.close();
      port?.close();
      port = null;
    },
  };
}

/** The app's connector: a desktop port on `channel`, or a new Web Worker in the browser. */
export const openTrainerLane: LaneConnector = (channel) => {
  const api = getDesktopApi();
  return api ? createDesktopLane(api, window, channel) : createWorkerConnection();
};
