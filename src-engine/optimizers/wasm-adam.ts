/**
 * Adam's float32 update in WebAssembly SIMD (adam-simd.wat, f32x4 lanes) for float32
 * parameters: the same float32 operations as `updateAdamFloat32` (adam-float32.ts), so bit for
 * bit the same results (test/engine/optimizers/wasm-adam.test.ts), in a fraction of the time.
 *
 * The moment buffers live in one `WebAssembly.Memory` (never grown, so the views stay valid
 * and `getState`/`setState` see them as ordinary float32 buffers); each update copies the
 * parameter and its gradient in and the parameter back out (`TypedArray.set`, a memcpy). The
 * parameters live in their layers' own memories, and a module instance sees one memory, so
 * the copies stay (on W3, about 30 µs of the optimizer's ~150 µs per step).
 */
import ADAM_SIMD_WASM from './adam-simd.wat';
import type { Param } from '../layers/layer';
import type { AdamScalars } from './adam-float32';
import { forcedKernelBackend, loadSimdModule, WasmLayout, type KernelBackend } from '../wasm-host';

/**
 * Parameters shorter than this update in TS (on the same buffers): below it the call and the
 * copies cost more than the TS loop (measured on Node: even at 16 values, 3× faster from 64).
 */
export const WASM_ADAM_MIN_LENGTH = 32;

type AdamKernel = (...args: number[]) => void;

/** Adam's moment buffers for float32 parameters in WebAssembly memory, and the SIMD update. */
export class WasmAdam {
  /** exp_avg, exp_avg_sq and max_exp_avg_sq per parameter (views on the memory). */
  readonly m: Float32Array[];
  readonly v: Float32Array[];
  readonly vMax: Float32Array[];
  private readonly w: Float32Array[];
  private readonly g: Float32Array[];
  private readonly kernel: AdamKernel;

  constructor(lengths: readonly number[], simd: NonNullable<ReturnType<typeof loadSimdModule>>) {
    const layout = new WasmLayout(0);
    const regions = lengths.map((n) => ({ n, w: layout.take(n), g: layout.take(n), m: layout.take(n), v: layout.take(n), vMax: layout.take(n) }));
    const memory = layout.createMemory(simd.api);
    this.kernel = new simd.api.Instance(simd.module, { env: { memory } }).exports.adam as AdamKernel;
    const view = (at: number, n: number) => new Float32Array(memory.buffer, at, n);
    this.w = regions.map((r) => view(r.w, r.n));
    this.g = regions.map((r) => view(r.g, r.n));
    this.m = regions.map((r) => view(r.m, r.n));
    this.v = regions.map((r) => view(r.v, r.n));
    this.vMax = regions.map((r) => view(r.vMax, r.n));
  }

  /** Updates parameter `i` (`value`, with gradient `grad`, both float32) and its moments with the scalars `s`. */
  update(i: number, value: Float32Array, grad: Float32Array, s: AdamScalars): void {
    const w = this.w[i];
    const g = this.g[i];
    w.set(value);
    g.set(grad);
    this.kernel(
      w.byteOffset, g.byteOffset, this.m[i].byteOffset, this.v[i].byteOffset, this.vMax[i].byteOffset, w.length,
      s.decay, s.weightDecay, s.oneMinusBeta1, s.beta2, s.oneMinusBeta2, s.biasCorrection2Sqrt, s.eps, s.stepSize,
      s.decoupledDecay ? 1 : 0, s.l2Decay ? 1 : 0, s.amsgrad ? 1 : 0,
    );
    value.set(w);
  }
}

/**
 * The SIMD Adam state for `params` when all are float32, the host has SIMD and the backend is
 * not forced to 'ts'; else null (adam.ts then keeps TS buffers). Allocates.
 */
export function createWasmAdam(params: readonly Param[]): WasmAdam | null {
  if (forcedKernelBackend() === 'ts' || params.length === 0) return null;
  if (!params.every((p) => p.value instanceof Float32Array && p.grad instanceof Float32Array)) return null;
  const simd = loadSimdModule(ADAM_SIMD_WASM);
  if (!simd) return null;
  try {
    return new WasmAdam(params.map((p) => p.value.length), simd);
  } catch {
    // The host refused the memory (out of address space): Adam keeps TS buffers.
    return null;
  }
}

/** The backend Adam gets for float32 parameters: WebAssembly SIMD when the host runs it, else TS. */
export function adamBackend(): KernelBackend {
  return forcedKernelBackend() ?? (loadSimdModule(ADAM_SIMD_WASM) ? 'wasm-simd' : 'ts');
}
