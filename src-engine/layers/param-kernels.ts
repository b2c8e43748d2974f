/**
 * The two passes every training step makes over a dense layer's tensors besides the kernels:
 * Σx² and Σ|x| of its gradients (the statistics the live views show, which double as the
 * gradients' finiteness check, update-guard.ts) and whether its parameters are all finite
 * after an update. Layers whose buffers live in WebAssembly memory (wasm-dense.ts) run them
 * in SIMD on that memory (param-simd.wat); every other layer runs the TS loops below, which
 * the SIMD results match within float64 rounding (test/engine/layers/param-kernels.test.ts).
 */
import PARAM_SIMD_WASM from './param-simd.wat';
import PARAM_SIMD_SHARED_WASM from './param-simd.wat?shared';
import { allFinite, type Tensor } from '../tensor';
import { instanceOn, type WasmMemory } from '../wasm-host';

/** Σx² and Σ|x| over some tensors. */
export interface Sums {
  sq: number;
  abs: number;
}

/** Adds Σx² and Σ|x| of `t` into `out` (TS). */
export function addSums(t: Tensor, out: Sums): void {
  let sq = 0;
  let abs = 0;
  for (let k = 0; k < t.length; k++) {
    sq += t[k] * t[k];
    abs += Math.abs(t[k]);
  }
  out.sq += sq;
  out.abs += abs;
}

interface ParamExports {
  sums(p: number, n: number): number;
  finite(p: number, n: number): number;
  abs: { value: number };
}

/** The SIMD passes on one WebAssembly memory, for float32 views on it. */
export class WasmParamKernels {
  private readonly exports: ParamExports;

  constructor(exports: ParamExports, private readonly buffer: ArrayBufferLike) {
    this.exports = exports;
  }

  /** Adds Σx² and Σ|x| of `t` (a view on this memory) into `out`. */
  addSums(t: Float32Array, out: Sums): void {
    if (t.buffer !== this.buffer) return addSums(t, out);
    out.sq += this.exports.sums(t.byteOffset, t.length);
    out.abs += this.exports.abs.value;
  }

  /** True when no element of `t` (a view on this memory) is NaN or ±Infinity. */
  finite(t: Float32Array): boolean {
    if (t.buffer !== this.buffer) return allFinite(t);
    return this.exports.finite(t.byteOffset, t.length) === 1;
  }
}

/**
 * The SIMD kernels on `memory` (a network's, see dense-arena.ts; instantiated once per memory),
 * or null where the host has no SIMD (the layer then uses the TS loops).
 */
export function createParamKernels(memory: WasmMemory): WasmParamKernels | null {
  const exports = instanceOn(memory, PARAM_SIMD_WASM, PARAM_SIMD_SHARED_WASM);
  return exports ? new WasmParamKernels(exports as unknown as ParamExports, memory.buffer) : null;
}
