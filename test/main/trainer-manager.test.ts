/**
 * Main's trainer hand-off with Electron replaced by fakes: one port of a MessageChannelMain
 * goes to the utility process, the other to the renderer via webContents.postMessage, and
 * an unexpected exit is reported to every connected renderer.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC } from '../../src-engine/protocol/ipc';

const forks: FakeChild[] = [];

class FakeChild {
  posted: { message: unknown; transfer: unknown[] }[] = [];
  listeners = new Map<string, (code: number) => void>();
  killed = false;
  constructor(public path: string, public options: unknown) {}
  postMessage(message: unknown, transfer: unknown[] = []) {
    this.posted.push({ message, transfer });
  }
  on(event: string, listener: (code: number) => void) {
    this.listeners.set(event, listener);
    return this;
  }
  kill() {
    this.killed = true;
  }
}

vi.mock('electron', () => ({
  utilityProcess: {
    fork: (path: string, _args: string[], options: unknown) => {
      const child = new FakeChild(path, options);
      forks.push(child);
      return child;
    },
  },
  MessageChannelMain: class {
    port1 = { name: 'port1' };
    port2 = { name: 'port2' };
  },
}));

function fakeContents() {
  return {
    posted: [] as { channel: string; message: unknown; transfer: unknown[] }[],
    sent: [] as { channel: string; payload: unknown }[],
    postMessage(channel: string, message: unknown, transfer: unknown[]) {
      this.posted.push({ channel, message, transfer });
    },
    send(channel: string, payload: unknown) {
      this.sent.push({ channel, payload });
    },
    isDestroyed: () => false,
    once: () => undefined,
  };
}

describe('TrainerManager', () => {
  beforeEach(() => {
    forks.length = 0;
  });

  it('forks the trainer once and gives each side one end of a channel', async () => {
    const { TrainerManager } = await import('../../src-main/trainer-manager');
    const manager = new TrainerManager('/app/out/main/trainer.js');
    const contents = fakeContents();
    manager.connect(contents as never);
    manager.connect(contents as never);
    expect(forks).toHaveLength(1);
    expect(forks[0].path).toBe('/app/out/main/trainer.js');
    expect(forks[0].posted[0].transfer).toEqual([{ name: 'port1' }]);
    expect(contents.posted[0]).toEqual({ channel: IPC.trainerPort, message: { channel: 'main' }, transfer: [{ name: 'port2' }] });
  });

  it('tells the renderer when the trainer dies and forks a new one on the next connect', async () => {
    const { TrainerManager } = await import('../../src-main/trainer-manager');
    const manager = new TrainerManager('/t.js');
    const contents = fakeContents();
    manager.connect(contents as never);
    forks[0].listeners.get('exit')!(9);
    expect(contents.sent).toEqual([
      { channel: IPC.trainerExit, payload: { code: 9, reason: 'The trainer process exited unexpectedly (code 9).' } },
    ]);
    manager.connect(contents as never);
    expect(forks).toHaveLength(2);
  });

  it('kills the trainer on dispose without reporting it as a crash', async () => {
    const { TrainerManager } = await import('../../src-main/trainer-manager');
    const manager = new TrainerManager('/t.js');
    const contents = fakeContents();
    manager.connect(contents as never);
    manager.dispose();
    forks[0].listeners.get('exit')!(0);
    expect(forks[0].killed).toBe(true);
    expect(contents.sent).toEqual([]);
  });
});
