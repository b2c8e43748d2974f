/**
 * Web Worker entry of the trainer (browser build): the same trainer host as the desktop
 * app's utility process, serving the worker's own global scope as its port.
 */
import './zod-jitless';
import { createTrainerHost } from './trainer-host';
import { createWorkerScopePort, type WorkerScopeLike } from './port';

// A MessageChannel hop yields to pending messages without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
const queue: Array<() => void> = [];
channel.port1.onmessage = () => queue.shift()?.();

const host = createTrainerHost({
  hostName: 'web-worker',
  now: () => performance.now(),
  defer: (fn) => {
    queue.push(fn);
    channel.port2.postMessage(0);
  },
  setTimer: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
});

host.attach(createWorkerScopePort(self as unknown as WorkerScopeLike));
