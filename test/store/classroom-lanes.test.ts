/**
 * Desktop lanes: each classroom connection asks main for a port on its own channel
 * ('step', 'race-3') and takes only the hand-off for that channel, so eight race lanes and
 * the main connection never take each other's ports.
 */
import { describe, expect, it, vi } from 'vitest';
import { TRAINER_PORT_MESSAGE, type DesktopApi, type TrainerExitInfo } from '../../src-engine/protocol/ipc';
import { PROTOCOL_VERSION, type FromTrainer } from '../../src-engine/protocol/messages';
import type { WindowLike } from '../../src-renderer/bridge/desktop-connection';
import { createDesktopLane, takeChannelPort } from '../../src-renderer/classroom/lane-connection';

const self = { name: 'this window' };

describe('takeChannelPort', () => {
  const port = {} as MessagePort;
  it('takes only the hand-off for its own channel from this window', () => {
    expect(takeChannelPort({ source: self, data: { type: TRAINER_PORT_MESSAGE, channel: 'race-3' }, ports: [port] }, self, 'race-3')).toBe(port);
    expect(takeChannelPort({ source: self, data: { type: TRAINER_PORT_MESSAGE, channel: 'race-4' }, ports: [port] }, self, 'race-3')).toBeNull();
    expect(takeChannelPort({ source: self, data: { type: TRAINER_PORT_MESSAGE }, ports: [port] }, self, 'race-3')).toBeNull();
    expect(takeChannelPort({ source: {}, data: { type: TRAINER_PORT_MESSAGE, channel: 'race-3' }, ports: [port] }, self, 'race-3')).toBeNull();
    expect(takeChannelPort({ source: self, data: { type: TRAINER_PORT_MESSAGE, channel: 'race-3' }, ports: [] }, self, 'race-3')).toBeNull();
  });
});

function createFakeWindow() {
  const listeners = new Set<(event: MessageEvent) => void>();
  const win: WindowLike & { handOff(port: MessagePort, channel: string): void } = {
    addEventListener: (_type, fn) => listeners.add(fn),
    removeEventListener: (_type, fn) => listeners.delete(fn),
    handOff(port, channel) {
      const event = { source: win, data: { type: TRAINER_PORT_MESSAGE, channel }, ports: [port] } as unknown as MessageEvent;
      for (const fn of [...listeners]) fn(event);
    },
  };
  return win;
}

function createFakeApi() {
  let exit: ((info: TrainerExitInfo) => void) | null = null;
  const api = {
    platform: 'test',
    requestTrainerPort: vi.fn(),
    onTrainerExit: (fn: (info: TrainerExitInfo) => void) => {
      exit = fn;
      return () => (exit = null);
    },
    exit: (info: TrainerExitInfo) => exit?.(info),
  };
  return api as typeof api & DesktopApi;
}

describe('createDesktopLane', () => {
  it('requests a port on its channel, queues until it arrives, ignores other channels and delivers replies', async () => {
    const api = createFakeApi();
    const win = createFakeWindow();
    const lane = createDesktopLane(api, win, 'race-2');
    expect(api.requestTrainerPort).toHaveBeenCalledWith('race-2');
    lane.connection.send({ v: PROTOCOL_VERSION, type: 'pause', runId: 'r' });

    const other = new MessageChannel();
    win.handOff(other.port1, 'race-1');
    const mine = new MessageChannel();
    mine.port2.start();
    const first = new Promise((resolve) => mine.port2.addEventListener('message', (e) => resolve(e.data), { once: true }));
    win.handOff(mine.port1, 'race-2');
    expect(await first).toEqual({ v: PROTOCOL_VERSION, type: 'pause', runId: 'r' });

    const replies: FromTrainer[] = [];
    lane.connection.subscribe((m) => replies.push(m));
    mine.port2.postMessage({ v: PROTOCOL_VERSION, type: 'ready', host: 'utility-process' });
    await vi.waitFor(() => expect(replies).toEqual([{ v: PROTOCOL_VERSION, type: 'ready', host: 'utility-process' }]));

    const lost: string[] = [];
    lane.connection.onLost?.((r) => lost.push(r));
    api.exit({ code: 1, reason: 'The trainer crashed.' });
    expect(lost).toEqual(['The trainer crashed.']);
    lane.close();
    other.port1.close();
    other.port2.close();
    mine.port2.close();
  });

  it('refuses a channel name the trainer would not accept', () => {
    expect(() => createDesktopLane(createFakeApi(), createFakeWindow(), 'Race 1')).toThrow(/channel/);
  });
});
