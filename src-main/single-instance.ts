/**
 * One LayerLab at a time. A second launch (double-clicking another project, dropping a file
 * on the taskbar icon, `layerlab file.json` in a terminal) hands its files to the running
 * instance and quits; the running one focuses its window and opens the file. On macOS the
 * system instead sends `open-file` to the running app, possibly before it is ready.
 *
 * Written against a small `InstanceApp` (what main uses of Electron's `app`), so tests run
 * two instances against a fake lock. Files wait in an `OpenFileQueue` until a window can take
 * them.
 */
import { openFileEventPath, projectPathsFromArgv, type LaunchContext } from './open-file-args';

/** What the second instance sends with its lock request (`additionalData`). */
export interface HandOffData {
  kind: 'layerlab-open';
  v: 1;
  /** Absolute paths, resolved by the second instance against its own working directory. */
  files: string[];
}

/** The parts of Electron's `app` used here. */
export interface InstanceApp {
  requestSingleInstanceLock(additionalData: HandOffData): boolean;
  onSecondInstance(listener: (argv: string[], workingDirectory: string, additionalData: unknown) => void): void;
  /** macOS `open-file`; the handler calls `preventDefault` when it takes the file. */
  onOpenFile(listener: (path: string, preventDefault: () => void) => void): void;
  quit(): void;
}

/** The files a second instance handed over: its `additionalData` when valid, else its argv. */
export function handedOffFiles(
  argv: readonly string[],
  workingDirectory: string,
  additionalData: unknown,
  context: Omit<LaunchContext, 'cwd'>,
): string[] {
  if (isHandOffData(additionalData)) {
    return additionalData.files.filter((f) => openFileEventPath(f, context.platform) !== null);
  }
  // Electron warns that argv may be reordered and extended by Chromium; it is the fallback.
  return projectPathsFromArgv(argv, { ...context, cwd: workingDirectory });
}

function isHandOffData(value: unknown): value is HandOffData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<HandOffData>;
  return (
    v.kind === 'layerlab-open' &&
    v.v === 1 &&
    Array.isArray(v.files) &&
    v.files.length <= 100 &&
    v.files.every((f) => typeof f === 'string' && f.length <= 4096)
  );
}

/**
 * Project files waiting for a window. LayerLab shows one project at a time, so only the
 * newest request is kept: opening three files at once opens the last one.
 */
export class OpenFileQueue {
  private pending: string | null = null;
  private deliver: ((path: string) => void) | null = null;

  /** Opens `paths` (the newest one) now if a window is attached, else when one attaches. */
  push(paths: readonly string[]): void {
    const newest = paths.at(-1);
    if (newest === undefined) return;
    if (this.deliver) this.deliver(newest);
    else this.pending = newest;
  }

  /** A window is ready to open files: it gets the waiting one, and later ones directly. */
  attach(deliver: (path: string) => void): void {
    this.deliver = deliver;
    const waiting = this.pending;
    this.pending = null;
    if (waiting !== null) deliver(waiting);
  }

  /** The window went away (macOS keeps running without one): queue again. */
  detach(): void {
    this.deliver = null;
  }

  get waiting(): string | null {
    return this.pending;
  }
}

export interface SingleInstanceHandlers {
  /** Bring the running instance's window to the front (create one if there is none). */
  focus(): void;
  /** Open these project files (absolute paths). */
  openFiles(paths: string[]): void;
}

/**
 * Takes the single-instance lock. The second instance passes its files on and quits
 * (returns false: create no window). The first instance opens the files of its own command
 * line, of later launches and of macOS `open-file` events (returns true).
 */
export function startSingleInstance(
  app: InstanceApp,
  launch: { argv: readonly string[] } & LaunchContext,
  handlers: SingleInstanceHandlers,
): boolean {
  const ownFiles = projectPathsFromArgv(launch.argv, launch);
  if (!app.requestSingleInstanceLock({ kind: 'layerlab-open', v: 1, files: ownFiles })) {
    app.quit();
    return false;
  }
  const context = { platform: launch.platform, defaultApp: launch.defaultApp };
  app.onSecondInstance((argv, workingDirectory, additionalData) => {
    handlers.focus();
    const files = handedOffFiles(argv, workingDirectory, additionalData, context);
    if (files.length > 0) handlers.openFiles(files);
  });
  app.onOpenFile((path, preventDefault) => {
    const file = openFileEventPath(path, launch.platform);
    if (!file) return;
    preventDefault();
    handlers.openFiles([file]);
  });
  if (ownFiles.length > 0) handlers.openFiles(ownFiles);
  return true;
}
