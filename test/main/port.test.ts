import { describe, expect, it } from 'vitest';
import {
  createMessagePortMainPort,
  createNodeProcessPort,
  createParentPortPort,
  createWorkerScopePort,
  type MessagePortMainLike,
} from '../../src-main/port';
import { forwardTrainerPort } from '../../src-main/preload-port';
import { TRAINER_PORT_MESSAGE, toTrainerChannel } from '../../src-engine/protocol/ipc';

describe('port adapters', () => {
  it('wraps a Web Worker scope: posts with a transfer list and delivers event.data', () => {
    const posted: unknown[][] = [];
    let listener: ((e: { data: unknown }) => void) | null = null;
    let started = false;
    const port = createWorkerScopePort({
      postMessage: (m, t) => posted.push([m, t]),
      addEventListener: (_type, l) => {
        listener = l;
      },
      start: () => {
        started = true;
      },
    });
    const buffer = new ArrayBuffer(8);
    port.post({ a: 1 }, [buffer]);
    expect(posted).toEqual([[{ a: 1 }, [buffer]]]);
    const received: unknown[] = [];
    port.onMessage((m) => received.push(m));
    expect(started).toBe(true);
    listener!({ data: 'hello' });
    expect(received).toEqual(['hello']);
  });

  it('wraps a MessagePortMain: starts it and reads e.data', () => {
    const posted: unknown[] = [];
    let listener: ((e: { data: unknown }) => void) | null = null;
    let started = false;
    const fake: MessagePortMainLike = {
      postMessage: (m) => posted.push(m),
      on: (_e, l) => {
        listener = l;
      },
      start: () => {
        started = true;
      },
    };
    const port = createMessagePortMainPort(fake);
    const received: unknown[] = [];
    port.onMessage((m) => received.push(m));
    expect(started).toBe(true);
    listener!({ data: { type: 'ping' } });
    port.post({ type: 'pong' }, [new ArrayBuffer(4)]);
    expect(received).toEqual([{ type: 'ping' }]);
    expect(posted).toEqual([{ type: 'pong' }]);
  });

  it('wraps process.parentPort and hands messages carrying ports to onPorts', () => {
    let listener: ((e: { data: unknown; ports: MessagePortMainLike[] }) => void) | null = null;
    const handedPorts: unknown[] = [];
    const port = createParentPortPort(
      { postMessage: () => undefined, on: (_e, l) => (listener = l) },
      (ports) => handedPorts.push(...ports),
    );
    const received: unknown[] = [];
    port.onMessage((m) => received.push(m));
    const fakePort = { postMessage() {}, on() {}, start() {} };
    listener!({ data: { type: 'connect' }, ports: [fakePort] });
    listener!({ data: { type: 'ping' }, ports: [] });
    expect(handedPorts).toEqual([fakePort]);
    expect(received).toEqual([{ type: 'ping' }]);
  });

  it('wraps a Node child process IPC channel', () => {
    const sent: unknown[] = [];
    let listener: ((m: unknown) => void) | null = null;
    const port = createNodeProcessPort({ send: (m) => sent.push(m) > 0, on: (_e, l) => (listener = l) });
    const received: unknown[] = [];
    port.onMessage((m) => received.push(m));
    listener!({ type: 'x' });
    port.post({ type: 'y' });
    expect(received).toEqual([{ type: 'x' }]);
    expect(sent).toEqual([{ type: 'y' }]);
  });
});

describe('preload trainer-port hand-off', () => {
  it('posts the first port to the page window with the agreed message type', () => {
    const calls: unknown[][] = [];
    const port = { id: 'p' };
    expect(forwardTrainerPort({ postMessage: (...a) => calls.push(a) }, [port])).toBe(true);
    expect(calls).toEqual([[{ type: TRAINER_PORT_MESSAGE, channel: 'main' }, '*', [port]]]);
  });

  it('does nothing when no port came with the message', () => {
    const calls: unknown[] = [];
    expect(forwardTrainerPort({ postMessage: (...a) => calls.push(a) }, [])).toBe(false);
    expect(forwardTrainerPort({ postMessage: (...a) => calls.push(a) }, undefined)).toBe(false);
    expect(calls).toEqual([]);
  });

  it('tags the port with the channel it was requested for', () => {
    const calls: unknown[][] = [];
    forwardTrainerPort({ postMessage: (...a) => calls.push(a) }, [{ id: 'q' }], 'race-3');
    expect(calls[0][0]).toEqual({ type: TRAINER_PORT_MESSAGE, channel: 'race-3' });
  });
});

describe('trainer channels', () => {
  it('accepts well-formed channel names and falls back to the main channel', () => {
    expect(toTrainerChannel('race-1')).toBe('race-1');
    expect(toTrainerChannel(undefined)).toBe('main');
    expect(toTrainerChannel('../../etc')).toBe('main');
    expect(toTrainerChannel('x'.repeat(41))).toBe('main');
    expect(toTrainerChannel({ toString: () => 'race' })).toBe('main');
  });
});
