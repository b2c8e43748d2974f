/**
 * Trainer entry for Node-based hosts. One bundle serves two of them:
 * - an Electron utility process (`process.parentPort` exists): main hands over the
 *   renderer's end of a MessageChannelMain, and training traffic flows on that port;
 * - a plain Node child process forked with IPC (tests, CLI): messages arrive on `process`.
 */
import { createTrainerHost } from './trainer-host';
import { installKernelHelperThread } from './kernel-helper-thread';
import {
  createMessagePortMainPort,
  createNodeProcessPort,
  createParentPortPort,
  type ParentPortLike,
} from './port';

// A second thread for big float32 dense kernels (kernelThreadCount: 4+ cores, or LAYERLAB_KERNEL_THREADS=2).
installKernelHelperThread();

const host = createTrainerHost({
  hostName: 'parentPort' in process && process.parentPort ? 'utility-process' : 'node-child',
  now: () => performance.now(),
  defer: (fn) => setImmediate(fn),
  setTimer: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
});

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (parentPort) {
  // Each port main sends is a new renderer connection (a reload or a second window).
  host.attach(
    createParentPortPort(parentPort, (ports) => {
      for (const port of ports) host.attach(createMessagePortMainPort(port));
    }),
  );
} else if (process.send) {
  host.attach(createNodeProcessPort(process));
  process.on('disconnect', () => process.exit(0));
} else {
  console.error('The LayerLab trainer must be started by LayerLab (as a utility or child process with IPC).');
  process.exit(2);
}
