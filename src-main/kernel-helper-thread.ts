/**
 * The kernel helper thread for Node hosts (the Electron utility process, the Node child, the
 * CLI and the benchmark): a `worker_threads` worker that shares big float32 dense
 * kernel calls (src-engine/kernel-helper.ts) on its own instances of the kernel module, over
 * the layers' shared memories.
 *
 * Calls are handed over through a small SharedArrayBuffer: the trainer writes the call, sets
 * STATE to POSTED and wakes the worker; the worker claims it (POSTED → TAKEN by
 * compare-exchange), runs it and sets DONE. When the trainer has run out of groups and the
 * worker has not claimed the call yet (busy machine, or the worker died), the trainer withdraws
 * it by the same compare-exchange (it has already done every group itself), so a dead or starved worker never blocks
 * training. Memories and the module are posted on a MessagePort that the worker drains with
 * `receiveMessageOnPort`, because it sits in `Atomics.wait`, not in its event loop.
 *
 * The worker is unref'd: it never keeps a process alive, and `close` stops it.
 */
import { cpus } from 'node:os';
import { MessageChannel, Worker } from 'node:worker_threads';
import { installKernelHelper, kernelHelper, type HelperKernel, type KernelHelper } from '../src-engine/kernel-helper';
import type { WasmMemory } from '../src-engine/wasm-host';

const STATE = 0;
const SEQ = 1;
const HANDLE = 2;
const KERNEL = 3;
const STOP = 4;
const ARGC = 5;
const ARGS = 6;
const MAX_ARGS = 16;
const IDLE = 0;
const POSTED = 1;
const TAKEN = 2;
const DONE = 3;
const FAILED = 4;
const KERNELS: readonly HelperKernel[] = ['forward', 'weightGradientPart', 'inputGradientRows', 'adamPacked'];
/**
 * How long each side spins on the control words before it sleeps in Atomics.wait: a training
 * step's calls come tens of microseconds apart, and waking a sleeping thread costs about as
 * much as a whole call on this VM (measured: 0.3 ms gave W3 ~10% over none; 2 ms lost
 * whenever the other core was busy). `LAYERLAB_KERNEL_SPIN_MS` overrides it, for measuring.
 */
const SPIN_MS = spinMs(process.env.LAYERLAB_KERNEL_SPIN_MS);

/** The spin time from its environment variable: a number of milliseconds from 0 to 10, else 0.3. */
export function spinMs(raw: string | undefined): number {
  const v = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isFinite(v) && v >= 0 && v <= 10 ? v : 0.3;
}
/** How long a call the worker has claimed may take before the trainer gives up on it. */
const TAKEN_TIMEOUT_MS = 30_000;

// Plain JS run with `eval: true`, so no build step has to know about a second entry file.
const WORKER_SOURCE = `
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const ctrl = new Int32Array(workerData.control);
const port = workerData.port;
const kernels = ${JSON.stringify(KERNELS)};
const instances = new Map();
const drain = () => {
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
    const msg = m.message;
    if (msg.memory) instances.set(msg.handle, new WebAssembly.Instance(msg.module, { env: { memory: msg.memory } }).exports);
    else instances.delete(msg.handle);
  }
};
let seen = 0;
const SPIN_MS = ${SPIN_MS};
for (;;) {
  // Spin a little before sleeping: calls come every few hundred microseconds while training,
  // and waking from Atomics.wait costs about as long as a whole small call.
  if (Atomics.load(ctrl, ${SEQ}) === seen) {
    const until = performance.now() + SPIN_MS;
    for (let i = 1; Atomics.load(ctrl, ${SEQ}) === seen; i++) if ((i & 1023) === 0 && performance.now() > until) break;
  }
  Atomics.wait(ctrl, ${SEQ}, seen);
  seen = Atomics.load(ctrl, ${SEQ});
  if (Atomics.load(ctrl, ${STOP})) break;
  if (Atomics.compareExchange(ctrl, ${STATE}, ${POSTED}, ${TAKEN}) !== ${POSTED}) continue;
  let ok = false;
  try {
    const handle = ctrl[${HANDLE}];
    if (!instances.has(handle)) drain();
    if (!instances.has(handle)) {
      // Not posted yet: hand the call back, the trainer runs it.
      ok = null;
      continue;
    }
    // Every kernel takes at most MAX_ARGS i32s; extra arguments are ignored by wasm, so the
    // call passes them all and allocates nothing.
    const c = ctrl, a = ${ARGS};
    instances.get(handle)[kernels[ctrl[${KERNEL}]]](c[a], c[a + 1], c[a + 2], c[a + 3], c[a + 4], c[a + 5], c[a + 6], c[a + 7], c[a + 8], c[a + 9], c[a + 10], c[a + 11], c[a + 12], c[a + 13], c[a + 14], c[a + 15]);
    ok = true;
  } finally {
    Atomics.store(ctrl, ${STATE}, ok === null ? ${POSTED} : ok ? ${DONE} : ${FAILED});
    Atomics.notify(ctrl, ${STATE});
  }
}
`;

/** A running helper thread: the engine-side object and how to stop the thread. */
export interface KernelHelperThread {
  readonly helper: KernelHelper;
  /** The worker itself (tests kill it to check that training goes on without it). */
  readonly worker: Worker;
  /** True once the worker has exited (stopped, crashed or terminated). */
  dead(): boolean;
  /** Stops the worker; calls afterwards run on the calling thread. */
  close(): Promise<void>;
}

/** Starts the helper worker. Allocates; the worker is unref'd. */
export function startKernelHelperThread(): KernelHelperThread {
  const control = new SharedArrayBuffer(4 * (ARGS + MAX_ARGS));
  const ctrl = new Int32Array(control);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { control, port: port2 }, transferList: [port2] });
  let exited = false;
  worker.on('exit', () => {
    exited = true;
  });
  // A crash is reported through 'exit' and the calls it leaves are withdrawn; nothing to rethrow.
  worker.on('error', () => {});
  worker.unref();
  port1.unref();
  let nextHandle = 0;
  // When a layer's memory is collected, the worker drops its instance on that memory.
  const released = new FinalizationRegistry<number>((handle) => {
    if (!exited) port1.postMessage({ handle });
  });

  const helper: KernelHelper = {
    attach(module: object, memory: WasmMemory): number {
      if (exited) return -1;
      const handle = nextHandle++;
      port1.postMessage({ handle, module, memory });
      released.register(memory, handle);
      return handle;
    },
    start(handle: number, kernel: HelperKernel, args: readonly number[]): void {
      if (args.length > MAX_ARGS) throw new Error(`Kernel helper: ${kernel} has ${args.length} arguments, at most ${MAX_ARGS} fit.`);
      ctrl[HANDLE] = handle;
      ctrl[KERNEL] = KERNELS.indexOf(kernel);
      ctrl[ARGC] = args.length;
      for (let i = 0; i < args.length; i++) ctrl[ARGS + i] = args[i];
      Atomics.store(ctrl, STATE, POSTED);
      Atomics.add(ctrl, SEQ, 1);
      Atomics.notify(ctrl, SEQ);
    },
    finish(): boolean {
      if (Atomics.compareExchange(ctrl, STATE, POSTED, IDLE) === POSTED) return false;
      const deadline = performance.now() + TAKEN_TIMEOUT_MS;
      const spinUntil = performance.now() + SPIN_MS;
      for (;;) {
        const state = Atomics.load(ctrl, STATE);
        if (state === POSTED && Atomics.compareExchange(ctrl, STATE, POSTED, IDLE) === POSTED) return false;
        if (state === DONE) {
          Atomics.store(ctrl, STATE, IDLE);
          return true;
        }
        if (state === FAILED) {
          Atomics.store(ctrl, STATE, IDLE);
          throw new Error('The kernel helper thread failed in the middle of a dense layer kernel; restart training.');
        }
        const now = performance.now();
        if (now < spinUntil) continue;
        const left = deadline - now;
        if (left <= 0) throw new Error('The kernel helper thread stopped responding in the middle of a dense layer kernel; restart training.');
        Atomics.wait(ctrl, STATE, TAKEN, Math.min(left, 1000));
      }
    },
  };

  return {
    helper,
    worker,
    dead: () => exited,
    async close() {
      if (kernelHelper() === helper) installKernelHelper(null);
      Atomics.store(ctrl, STOP, 1);
      Atomics.add(ctrl, SEQ, 1);
      Atomics.notify(ctrl, SEQ);
      port1.close();
      if (!exited) await worker.terminate();
    },
  };
}

/** Logical cores from which the second kernel thread is on by default (two stay for the UI and the system). */
export const DEFAULT_THREADS_MIN_CORES = 4;

/**
 * How many threads the kernels use in this process. `LAYERLAB_KERNEL_THREADS=1` or `=2` decides
 * (2 needs more than one core); otherwise 2 on machines with at least DEFAULT_THREADS_MIN_CORES
 * logical cores, 1 below: on the 2-core benchmark machine the split gains ~10% on W3 when the
 * machine is idle but costs the renderer and everything else their only other core (README,
 * Performance).
 */
export function kernelThreadCount(env: Record<string, string | undefined> = process.env, cores = cpus().length): 1 | 2 {
  const asked = env.LAYERLAB_KERNEL_THREADS;
  if (asked === '1') return 1;
  if (asked === '2') return cores > 1 ? 2 : 1;
  return cores >= DEFAULT_THREADS_MIN_CORES ? 2 : 1;
}

/**
 * Installs a helper thread for the engine when `kernelThreadCount()` is 2 and none is
 * installed yet; returns it (to close), or null. Never throws: without worker_threads the
 * kernels stay on one thread.
 */
export function installKernelHelperThread(): KernelHelperThread | null {
  if (kernelThreadCount() < 2 || kernelHelper()) return null;
  try {
    const thread = startKernelHelperThread();
    installKernelHelper(thread.helper);
    return thread;
  } catch {
    return null;
  }
}
