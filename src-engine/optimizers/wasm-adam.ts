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
import ADAM_SIMD_SHARED_WASM from './adam-simd.wat?shared';
import { kernelHelper, type KernelHelper } from '../kernel-helper';
import type { Param } from '../layers/layer';
import type { AdamScalars } from './adam-float32';
import { forcedKernelBackend, loadSimdModule, WasmLayout, type KernelBackend } from '../wasm-host';

/**
 * Parameters shorter than this update in TS (on the same buffers): below it the call and the
 * copies cost more than the TS loop (measured on Node: even at 16 values, 3× faster from 64).
 */
export const WASM_ADAM_MIN_LENGTH = 32;

/**
 * Parameters from this many values are split with the kernel helper thread when one is
 * installed (kernel-helper.ts): below it, handing half over costs more than it saves.
 */
export const ADAM_SPLIT_MIN_LENGTH = 8192;

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

  /** The helper thread and this memory's handle there, when big parameters are split (kernel-helper.ts). */
  private readonly helper: KernelHelper | null;
  private readonly handle: number;
  /** The scalars of the current update in memory (eight f32, see `adamPacked`), for the helper. */
  private readonly packed: Float32Array;
  /** The helper's arguments, reused. */
  private readonly helperArgs = new Array<number>(8).fill(0);

  constructor(lengths: readonly number[], simd: NonNullable<ReturnType<typeof loadSimdModule>>, helper: KernelHelper | null = null) {
    const layout = new WasmLayout(0);
    const scalars = layout.take(8);
    const regions = lengths.map((n) => ({ n, w: layout.take(n), g: layout.take(n), m: layout.take(n), v: layout.take(n), vMax: layout.take(n) }));
    const memory = layout.createMemory(simd.api, helper !== null);
    this.kernel = new simd.api.Instance(simd.module, { env: { memory } }).exports.adam as AdamKernel;
    this.handle = helper ? helper.attach(simd.module, memory) : -1;
    this.helper = this.handle >= 0 ? helper : null;
    this.packed = new Float32Array(memory.buffer, scalars, 8);
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
    const flags = (s.decoupledDecay ? 1 : 0) | (s.l2Decay ? 2 : 0) | (s.amsgrad ? 4 : 0);
    const n = w.length;
    // Elements are independent: a big parameter's upper part goes to the helper thread.
    const split = this.helper && n >= ADAM_SPLIT_MIN_LENGTH ? (n >> 3) << 2 : n;
    if (split < n) {
      const p = this.packed;
      p[0] = s.decay;
      p[1] = s.weightDecay;
      p[2] = s.oneMinusBeta1;
      p[3] = s.beta2;
      p[4] = s.oneMinusBeta2;
      p[5] = s.biasCorrection2Sqrt;
      p[6] = s.eps;
      p[7] = s.stepSize;
      const a = this.helperArgs;
      const skip = split * 4;
      a[0] = w.byteOffset + skip;
      a[1] = g.byteOffset + skip;
      a[2] = this.m[i].byteOffset + skip;
      a[3] = this.v[i].byteOffset + skip;
      a[4] = this.vMax[i].byteOffset + skip;
      a[5] = n - split;
      a[6] = p.byteOffset;
      a[7] = flags;
      (this.helper as KernelHelper).start(this.handle, 'adamPacked', a);
    }
    this.run(w.byteOffset, g.byteOffset, this.m[i].byteOffset, this.v[i].byteOffset, this.vMax[i].byteOffset, split, s, flags);
    if (split < n && !(this.helper as KernelHelper).finish()) {
      // The helper had not begun: its part runs here.
      const skip = split * 4;
      this.run(w.byteOffset + skip, g.byteOffset + skip, this.m[i].byteOffset + skip, this.v[i].byteOffset + skip, this.vMax[i].byteOffset + skip, n - split, s, flags);
    }
    value.set(w);
  }

  /** The SIMD update over `n` elements at the given byte addresses. */
  private run(w: number, g: number, m: number, v: number, vMax: number, n: number, s: AdamScalars, flags: number): void {
    this.kernel(
      w, g, m, v, vMax, n,
      s.decay, s.weightDecay, s.oneMinusBeta1, s.beta2, s.oneMinusBeta2, s.biasCorrection2Sqrt, s.eps, s.stepSize,
      flags & 1, (flags >> 1) & 1, (flags >> 2) & 1,
    );
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
  // Big parameters share their update with the helper thread, on a shared memory.
  const helper = params.some((p) => p.value.length >= ADAM_SPLIT_MIN_LENGTH) ? kernelHelper() : null;
  const shared = helper ? loadSimdModule(ADAM_SIMD_SHARED_WASM, true) : null;
  try {
    if (helper && shared) return new WasmAdam(params.map((p) => p.value.length), shared, helper);
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
