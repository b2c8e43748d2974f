import { describe, expect, it, vi } from 'vitest';
import { TRAINER_PORT_MESSAGE, type DesktopApi, type TrainerExitInfo } from '../../src-engine/protocol/ipc';
import { PROTOCOL_VERSION, type FromTrainer } from '../../src-engine/protocol/messages';
import { createDesktopConnection, takeTrainerPort, type WindowLike } from '../../src-renderer/bridge/desktop-connection';
import { createMessageConnection } from '../../src-renderer/bridge/trainer-connection';

const self = { name: 'this window' };

describe('takeTrainerPort', () => {
  const port = {} as MessagePort;

  it('takes the port of the preload hand-off', () => {
    expect(takeTrainerPort({ source: self, data: { type: TRAINER_PORT_MESSAGE }, ports: [port] }, self)).toBe(port);
  });

  it('refuses a message from another window or frame', () => {
    expect(takeTrainerPort({ source: {}, data: { type: TRAINER_PORT_MESSAGE }, ports: [port] }, self)).toBeNull();
    expect(takeTrainerPort({ source: null, data: { type: TRAINER_PORT_MESSAGE }, ports: [port] }, self)).toBeNull();
  });

  it('ignores other messages and hand-offs without a port', () => {
    expect(takeTrainerPort({ source: self, data: { type: 'something-else' }, ports: [port] }, self)).toBeNull();
    expect(takeTrainerPort({ source: self, data: 'layerlab:trainer-port', ports: [port] }, self)).toBeNull();
    expect(takeTrainerPort({ source: self, data: null, ports: [port] }, self)).toBeNull();
    expect(takeTrainerPort({ source: self, data: { type: TRAINER_PORT_MESSAGE }, ports: [] }, self)).toBeNull();
  });

  it('takes only ports for the main channel, leaving other channels to their own connections', () => {
    expect(takeTrainerPort({ source: self, data: { type: TRAINER_PORT_MESSAGE, channel: 'main' }, ports: [port] }, self)).toBe(port);
    expect(takeTrainerPort({ source: self, data: { type: TRAINER_PORT_MESSAGE, channel: 'race-2' }, ports: [port] }, self)).toBeNull();
  });
});

/** A window that delivers posted ports to its 'message' listeners, like the preload does. */
function createFakeWindow() {
  const listeners = new Set<(event: MessageEvent) => void>();
  const win: WindowLike & { handOff(port: MessagePort): void } = {
    addEventListener: (_type, fn) => listeners.add(fn),
    removeEventListener: (_type, fn) => listeners.delete(fn),
    handOff(port) {
      const event = { source: win, data: { type: TRAINER_PORT_MESSAGE }, ports: [port] } as unknown as MessageEvent;
      for (const fn of listeners) fn(event);
    },
  };
  return win;
}

function createFakeApi() {
  let exitListener: ((info: TrainerExitInfo) => void) | null = null;
  const api = {
    platform: 'test',
    requestTrainerPort: vi.fn(),
    onTrainerExit: (fn: (info: TrainerExitInfo) => void) => {
      exitListener = fn;
      return () => (exitListener = null);
    },
    exit: (info: TrainerExitInfo) => exitListener?.(info),
  };
  return api as typeof api & DesktopApi;
}

const nextMessage = (port: MessagePort) => new Promise<unknown>((resolve) => port.addEventListener('message', (e) => resolve(e.data), { once: true }));

describe('createDesktopConnection', () => {
  it('queues messages until the port arrives, then delivers validated replies', async () => {
    const api = createFakeApi();
    const win = createFakeWindow();
    const { connection, close } = createDesktopConnection(api, win);
    expect(api.requestTrainerPort).toHaveBeenCalledTimes(1);
    connection.send({ v: PROTOCOL_VERSION, type: 'pause', runId: 'r' });

    const channel = new MessageChannel();
    channel.port2.start();
    const received = nextMessage(channel.port2);
    win.handOff(channel.port1);
    expect(await received).toEqual({ v: PROTOCOL_VERSION, type: 'pause', runId: 'r' });

    const replies: FromTrainer[] = [];
    connection.subscribe((m) => replies.push(m));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    channel.port2.postMessage({ v: PROTOCOL_VERSION, type: 'nonsense' });
    channel.port2.postMessage({ v: PROTOCOL_VERSION, type: 'ready', host: 'utility-process' });
    await vi.waitFor(() => expect(replies).toHaveLength(1));
    expect(replies[0]).toEqual({ v: PROTOCOL_VERSION, type: 'ready', host: 'utility-process' });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    close();
    channel.port2.close();
  });

  it('reports a trainer exit and asks for a new port', () => {
    const api = createFakeApi();
    const { connection, close } = createDesktopConnection(api, createFakeWindow());
    const lost: string[] = [];
    connection.onLost?.((reason) => lost.push(reason));
    api.exit({ code: 3, reason: 'The trainer process exited unexpectedly (code 3).' });
    api.exit({ code: 4, reason: '' });
    expect(lost).toEqual([
      'The trainer process exited unexpectedly (code 3). A new trainer is starting; press Train to run again.',
      'The trainer process stopped (exit code 4). A new trainer is starting; press Train to run again.',
    ]);
    expect(api.requestTrainerPort).toHaveBeenCalledTimes(3);
    close();
  });
});

describe('createMessageConnection', () => {
  it('drops malformed messages instead of passing them on', async () => {
    const channel = new MessageChannel();
    const { connection, close } = createMessageConnection(channel.port1);
    const got: FromTrainer[] = [];
    connection.subscribe((m) => got.push(m));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    channel.port2.postMessage({ v: PROTOCOL_VERSION + 1, type: 'ready', host: 'x' });
    channel.port2.postMessage({ v: PROTOCOL_VERSION, type: 'pong', nonce: 1 });
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    close();
    channel.port1.close();
    channel.port2.close();
  });
});
