/**
 * The trainer host's only view of the world: a port that posts messages and delivers them.
 * Adapters below turn each host environment's endpoint into a `Port`, so the same host code
 * runs in an Electron utility process, a Web Worker and a plain Node child process.
 *
 * This file must stay free of Node and Electron imports: the Web Worker bundle includes it.
 */

/** A message endpoint. `transfer` lists buffers whose ownership moves with the message. */
export interface Port {
  post(message: unknown, transfer?: ArrayBuffer[]): void;
  /** Registers the handler for incoming messages. Called once per port. */
  onMessage(handler: (message: unknown) => void): void;
}

/** The subset of a Web Worker's global scope (or a DOM MessagePort) the adapter uses. */
export interface WorkerScopeLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** Wraps a Web Worker's `self` or a DOM `MessagePort` (which must then be started). */
export function createWorkerScopePort(scope: WorkerScopeLike & { start?: () => void }): Port {
  return {
    post: (message, transfer = []) => scope.postMessage(message, transfer),
    onMessage: (handler) => {
      scope.addEventListener('message', (event) => handler(event.data));
      scope.start?.();
    },
  };
}

/** Electron's `MessagePortMain` as seen in a utility process (`e.ports[0]`). */
export interface MessagePortMainLike {
  postMessage(message: unknown, transfer?: unknown[]): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  start(): void;
}

/**
 * Wraps a `MessagePortMain`. Electron's MessagePortMain cannot transfer ArrayBuffers (only
 * ports), so buffers are copied by structured clone here: the transfer list is ignored.
 */
export function createMessagePortMainPort(port: MessagePortMainLike): Port {
  return {
    post: (message) => port.postMessage(message),
    onMessage: (handler) => {
      port.on('message', (event) => handler(event.data));
      port.start();
    },
  };
}

/** Electron's `process.parentPort` inside a utility process. */
export interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown; ports: MessagePortMainLike[] }) => void): unknown;
}

/**
 * Wraps `process.parentPort`. Messages that carry ports (main's hand-off of the renderer's
 * end of a `MessageChannelMain`) are given to `onPorts` instead of the handler.
 */
export function createParentPortPort(
  parentPort: ParentPortLike,
  onPorts: (ports: MessagePortMainLike[], message: unknown) => void,
): Port {
  return {
    post: (message) => parentPort.postMessage(message),
    onMessage: (handler) => {
      parentPort.on('message', (event) => {
        if (event.ports && event.ports.length > 0) onPorts(event.ports, event.data);
        else handler(event.data);
      });
    },
  };
}

/** A Node child process's side of an IPC channel (`process` when forked with IPC). */
export interface NodeProcessLike {
  send?(message: unknown): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

/**
 * Wraps a forked Node process's IPC. Fork with `serialization: 'advanced'` so typed arrays
 * survive the trip; buffers are copied, so the transfer list is ignored.
 */
export function createNodeProcessPort(proc: NodeProcessLike): Port {
  return {
    post: (message) => {
      proc.send?.(message);
    },
    onMessage: (handler) => {
      proc.on('message', handler);
    },
  };
}
