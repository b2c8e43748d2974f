import { describe, expect, it } from 'vitest';
import {
  handedOffFiles,
  OpenFileQueue,
  startSingleInstance,
  type HandOffData,
  type InstanceApp,
} from '../../src-main/single-instance';

/**
 * A stand-in for the OS-level lock Electron takes: the first instance to ask gets it; a later
 * one gets false, and the first one's 'second-instance' listeners receive the later one's
 * argv, working directory and additionalData, as Electron delivers them.
 */
class FakeLock {
  private owner: FakeInstance | null = null;

  request(instance: FakeInstance, argv: string[], cwd: string, data: HandOffData): boolean {
    if (!this.owner) {
      this.owner = instance;
      return true;
    }
    for (const l of this.owner.secondInstanceListeners) l(argv, cwd, data);
    return false;
  }
}

class FakeInstance implements InstanceApp {
  secondInstanceListeners: ((argv: string[], cwd: string, data: unknown) => void)[] = [];
  openFileListeners: ((path: string, preventDefault: () => void) => void)[] = [];
  quitCalled = false;
  focused = 0;
  opened: string[][] = [];

  constructor(
    private readonly lock: FakeLock,
    readonly argv: string[],
    readonly cwd: string,
  ) {}

  requestSingleInstanceLock(data: HandOffData): boolean {
    return this.lock.request(this, this.argv, this.cwd, data);
  }
  onSecondInstance(listener: (argv: string[], cwd: string, data: unknown) => void): void {
    this.secondInstanceListeners.push(listener);
  }
  onOpenFile(listener: (path: string, preventDefault: () => void) => void): void {
    this.openFileListeners.push(listener);
  }
  quit(): void {
    this.quitCalled = true;
  }

  start(platform = 'linux'): boolean {
    return startSingleInstance(
      this,
      { argv: this.argv, platform, defaultApp: false, cwd: this.cwd },
      { focus: () => this.focused++, openFiles: (paths) => this.opened.push(paths) },
    );
  }
}

describe('single-instance hand-off', () => {
  it('lets the first launch run and opens the file it was started with', () => {
    const lock = new FakeLock();
    const first = new FakeInstance(lock, ['/opt/LayerLab/layerlab', 'a.layerlab.json'], '/home/ada');
    expect(first.start()).toBe(true);
    expect(first.quitCalled).toBe(false);
    expect(first.opened).toEqual([['/home/ada/a.layerlab.json']]);
  });

  it('hands a second launch’s file to the running instance, which focuses and opens it', () => {
    const lock = new FakeLock();
    const first = new FakeInstance(lock, ['/opt/LayerLab/layerlab'], '/home/ada');
    first.start();
    // Launched from another folder, with a relative path: resolved where it was typed.
    const second = new FakeInstance(lock, ['/opt/LayerLab/layerlab', 'nets/b.layerlab.json'], '/srv/work');
    expect(second.start()).toBe(false);
    expect(second.quitCalled).toBe(true);
    expect(second.opened).toEqual([]);
    expect(first.focused).toBe(1);
    expect(first.opened).toEqual([['/srv/work/nets/b.layerlab.json']]);
  });

  it('only focuses the running instance when the second launch names no file', () => {
    const lock = new FakeLock();
    const first = new FakeInstance(lock, ['LayerLab.exe'], 'C:\\');
    first.start('win32');
    new FakeInstance(lock, ['LayerLab.exe'], 'C:\\').start('win32');
    expect(first.focused).toBe(1);
    expect(first.opened).toEqual([]);
  });

  it('prefers the second instance’s own resolved paths over its argv, which Chromium may reorder', () => {
    const data: HandOffData = { kind: 'layerlab-open', v: 1, files: ['C:\\nets\\x.layerlab.json'] };
    const argv = ['LayerLab.exe', '--some-switch', 'C:\\other\\y.layerlab.json'];
    expect(handedOffFiles(argv, 'C:\\', data, { platform: 'win32', defaultApp: false })).toEqual(['C:\\nets\\x.layerlab.json']);
  });

  it('falls back to argv when the hand-off data is missing or malformed', () => {
    const argv = ['LayerLab.exe', 'C:\\other\\y.layerlab.json'];
    for (const bad of [undefined, null, {}, { kind: 'layerlab-open', v: 2, files: [] }, { kind: 'layerlab-open', v: 1, files: [42] }]) {
      expect(handedOffFiles(argv, 'C:\\', bad, { platform: 'win32', defaultApp: false })).toEqual(['C:\\other\\y.layerlab.json']);
    }
  });

  it('drops hand-off entries that are not absolute project paths', () => {
    const data = { kind: 'layerlab-open', v: 1, files: ['relative.layerlab.json', '/etc/passwd', '/home/ada/ok.layerlab.json'] };
    expect(handedOffFiles([], '/', data, { platform: 'linux', defaultApp: false })).toEqual(['/home/ada/ok.layerlab.json']);
  });

  it('takes macOS open-file events, including ones that arrive before the app is ready', () => {
    const lock = new FakeLock();
    const app = new FakeInstance(lock, ['/Applications/LayerLab.app/Contents/MacOS/LayerLab', '-psn_0_42'], '/');
    app.start('darwin');
    let prevented = 0;
    for (const l of app.openFileListeners) l('/Users/ada/net.layerlab.json', () => prevented++);
    for (const l of app.openFileListeners) l('/Users/ada/photo.png', () => prevented++);
    expect(app.opened).toEqual([['/Users/ada/net.layerlab.json']]);
    // Only the file LayerLab takes is claimed; others are left to the system.
    expect(prevented).toBe(1);
  });
});

describe('open-file queue', () => {
  it('keeps a file that arrives before the window and delivers it when the window attaches', () => {
    const queue = new OpenFileQueue();
    queue.push(['/a.layerlab.json']);
    expect(queue.waiting).toBe('/a.layerlab.json');
    const delivered: string[] = [];
    queue.attach((p) => delivered.push(p));
    expect(delivered).toEqual(['/a.layerlab.json']);
    expect(queue.waiting).toBeNull();
  });

  it('opens only the newest of several files, since a window shows one project', () => {
    const queue = new OpenFileQueue();
    queue.push(['/a.layerlab.json', '/b.layerlab.json']);
    queue.push(['/c.layerlab.json']);
    const delivered: string[] = [];
    queue.attach((p) => delivered.push(p));
    expect(delivered).toEqual(['/c.layerlab.json']);
  });

  it('delivers directly while a window is attached and queues again after it closes', () => {
    const queue = new OpenFileQueue();
    const delivered: string[] = [];
    queue.attach((p) => delivered.push(p));
    queue.push(['/a.layerlab.json']);
    queue.detach();
    queue.push(['/b.layerlab.json']);
    queue.push([]);
    expect(delivered).toEqual(['/a.layerlab.json']);
    expect(queue.waiting).toBe('/b.layerlab.json');
  });
});
