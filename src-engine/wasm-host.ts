/**
 * The engine's access to WebAssembly, for its SIMD kernels (layers/wasm-dense.ts,
 * optimizers/wasm-adam.ts). `WebAssembly` is a global of every host the engine runs in (Node,
 * Web Workers, Electron's utility process, Chromium); the engine's tsconfig has no DOM types,
 * so the few members used are typed here.
 *
 * The backend is chosen once per module: WebAssembly SIMD when the host validates the module
 * (it uses f32x4/f64x2 throughout, so it is its own SIMD probe) and instantiates it (a page CSP
 * without 'wasm-unsafe-eval' refuses that), else the TS kernels. Modules are small (< 4 KB),
 * so synchronous compilation is allowed even on Chromium's main thread.
 */

/** Which kernels float32 layers and optimizers use. */
export type KernelBackend = 'wasm-simd' | 'ts';

/** A `WebAssembly.Memory`: its buffer stays the same as long as it never grows. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

/** The members of the `WebAssembly` namespace the engine uses. */
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { readonly exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
}

/** A compiled module and the API to instantiate it. */
export interface SimdModule {
  readonly api: WasmApi;
  readonly module: object;
}

/** Bytes of one wasm page. */
export const WASM_PAGE_BYTES = 65536;

const compiled = new Map<Uint8Array, SimdModule | null>();
let forced: KernelBackend | null = null;

/**
 * The compiled module of `bytes` when this host runs WebAssembly SIMD, else null; cached, so
 * each module is detected once. `shared`: the module imports a shared memory (a `?shared`
 * .wat, for kernel-helper.ts), so the probe needs threads too. Never throws.
 */
export function loadSimdModule(bytes: Uint8Array, shared = false): SimdModule | null {
  const known = compiled.get(bytes);
  if (known !== undefined) return known;
  let result: SimdModule | null = null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  try {
    if (api && typeof api.validate === 'function' && api.validate(bytes)) {
      const module = new api.Module(bytes);
      // Every kernel module imports one memory "env.memory".
      new api.Instance(module, { env: { memory: new api.Memory({ initial: 1, maximum: 1, shared }) } });
      result = { api, module };
    }
  } catch {
    result = null;
  }
  compiled.set(bytes, result);
  return result;
}

const onMemory = new Map<Uint8Array, WeakMap<WasmMemory, Record<string, unknown> | null>>();

/**
 * The exports of the module `bytes` instantiated on `memory` (its `sharedBytes` variant when the
 * memory is shared with the kernel helper thread), once per module and memory, so the layers of a
 * network share one instance (layers/dense-arena.ts); null where the host has no SIMD or refuses.
 */
export function instanceOn(memory: WasmMemory, bytes: Uint8Array, sharedBytes: Uint8Array): Record<string, unknown> | null {
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  const key = shared ? sharedBytes : bytes;
  let byMemory = onMemory.get(key);
  if (!byMemory) {
    byMemory = new WeakMap();
    onMemory.set(key, byMemory);
  }
  const known = byMemory.get(memory);
  if (known !== undefined) return known;
  let exports: Record<string, unknown> | null = null;
  const simd = loadSimdModule(key, shared);
  try {
    if (simd) exports = new simd.api.Instance(simd.module, { env: { memory } }).exports;
  } catch {
    exports = null;
  }
  byMemory.set(memory, exports);
  return exports;
}

/** The forced backend (see `forceKernelBackend`), or null to use what the host supports. */
export function forcedKernelBackend(): KernelBackend | null {
  return forced;
}

/**
 * Overrides the backend for layers and optimizers built afterwards; null: detect. For tests
 * and the benchmark's comparisons. 'wasm-simd' puts every float32 dense layer on SIMD whatever
 * its size (where the host lacks SIMD they stay on TS); 'ts' puts everything on TS.
 */
export function forceKernelBackend(backend: KernelBackend | null): void {
  forced = backend;
}

/** Allocates 16-byte-aligned float32 regions from byte `start` of a memory being laid out. */
export class WasmLayout {
  constructor(public bytes: number) {}

  /** The byte address of a new region of `floats` float32 values. */
  take(floats: number): number {
    const at = this.bytes;
    this.bytes += Math.ceil((floats * 4) / 16) * 16;
    return at;
  }

  /**
   * A memory of exactly the pages laid out so far; it never grows, so views on it stay valid.
   * `shared`: a shared memory (its buffer a SharedArrayBuffer) for kernel-helper.ts.
   */
  createMemory(api: WasmApi, shared = false): WasmMemory {
    const pages = Math.max(1, Math.ceil(this.bytes / WASM_PAGE_BYTES));
    return new api.Memory(shared ? { initial: pages, maximum: pages, shared } : { initial: pages, maximum: pages });
  }
}
