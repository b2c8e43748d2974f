/**
 * A second thread for the float32 dense kernels, injected by the host (issue #8). The engine
 * stays synchronous and imports nothing: a host that can run a helper thread on a shared
 * `WebAssembly.Memory` (Node's `worker_threads` in the trainer process, the CLI and the
 * benchmark: src-main/kernel-helper-thread.ts) installs an object with this interface before
 * building sessions, and big float32 dense layers (layers/wasm-dense.ts) then share each kernel
 * call with it: both threads run the call on their own instance of the kernel module, taking
 * groups of four output rows from a counter in the shared memory until none is left, and the
 * caller then waits for the helper's last group (or withdraws the call if the helper has not
 * begun it). Without one (the browser build, which is not cross-origin isolated, or a single
 * core) every call runs on the calling thread.
 *
 * Each group's sums run in the same order whoever takes it, so the results are bit for bit
 * those of one thread (test/main/kernel-helper-thread.test.ts).
 */
import type { WasmMemory } from './wasm-host';

/** The kernel exports a helper may be asked to run (dense-simd.wat's, adam-simd.wat's `adamPacked`). */
export type HelperKernel = 'forward' | 'weightGradientPart' | 'inputGradientRows' | 'adamPacked';

/** A helper thread with its own instance of a kernel module on memories shared with it. */
export interface KernelHelper {
  /**
   * Lets the helper run `module` (compiled from a `?shared` .wat) on the shared `memory`;
   * returns a handle for `start`, or -1 when the helper is gone (the layer then stays on one
   * thread). Allocates.
   */
  attach(module: object, memory: WasmMemory): number;
  /** Asks the helper to run `kernel(...args)` on memory `handle`; returns at once. */
  start(handle: number, kernel: HelperKernel, args: readonly number[]): void;
  /**
   * Call after running the caller's own part. Blocks until the helper has finished the started
   * call and returns true, or returns false at once when the helper has not begun it (busy,
   * descheduled or dead): the call is then withdrawn (the shared group counter has already let the
   * caller do every group). Throws
   * when the helper began the call but failed or stopped responding (its part may be half done).
   */
  finish(): boolean;
}

let installed: KernelHelper | null = null;

/** Installs (or with null removes) the helper that float32 dense layers built afterwards use. */
export function installKernelHelper(helper: KernelHelper | null): void {
  installed = helper;
}

/** The installed helper, or null. */
export function kernelHelper(): KernelHelper | null {
  return installed;
}
