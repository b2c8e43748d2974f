/**
 * The element-wise activations of float32 dense layers in WebAssembly SIMD (activation-simd.wat)
 * on the layers' memory: linear, ReLU, Leaky ReLU, sigmoid and tanh, forward and backward. The
 * TS loops of activations.ts stay the definition and run everything else (other activations,
 * float64 runs, hosts without SIMD, fewer than four values, buffers elsewhere); results agree
 * within a few float32 ulp (test/engine/layers/activation-kernels.test.ts), sigmoid and tanh
 * being polynomial approximations as in PyTorch's vectorized float32 kernels.
 */
import ACTIVATION_SIMD_WASM from './activation-simd.wat';
import ACTIVATION_SIMD_SHARED_WASM from './activation-simd.wat?shared';
import type { ActivationName } from '../project';
import { instanceOn, type WasmMemory } from '../wasm-host';

/** The activations the SIMD kernels run, by their `kind` number in activation-simd.wat. */
const KINDS: Partial<Record<ActivationName, number>> = { linear: 0, relu: 1, leaky_relu: 2, sigmoid: 3, tanh: 4 };

/** True when the SIMD kernels run `name`. */
export function simdActivation(name: ActivationName): boolean {
  return KINDS[name] !== undefined;
}

interface ActivationExports {
  forward(kind: number, z: number, a: number, n: number, alpha: number): void;
  backward(kind: number, z: number, a: number, dA: number, dZ: number, n: number, alpha: number): void;
}

/** The SIMD activations on one memory, for float32 views on it. */
export class WasmActivations {
  constructor(
    private readonly exports: ActivationExports,
    private readonly buffer: ArrayBufferLike,
  ) {}

  /**
   * a = f(z) over the first `n` values, or false (nothing done) when these kernels cannot:
   * an activation they lack, n < 4, or a view not on this memory. `a` must not overlap `z`.
   */
  forward(name: ActivationName, z: Float32Array, a: Float32Array, n: number, alpha: number): boolean {
    const kind = KINDS[name];
    if (kind === undefined || n < 4 || z.buffer !== this.buffer || a.buffer !== this.buffer) return false;
    this.exports.forward(kind, z.byteOffset, a.byteOffset, n, alpha);
    return true;
  }

  /** dZ = dA ⊙ f′(z) over the first `n` values, or false as `forward`. `dZ` must not overlap the others. */
  backward(name: ActivationName, z: Float32Array, a: Float32Array, dA: Float32Array, dZ: Float32Array, n: number, alpha: number): boolean {
    const kind = KINDS[name];
    const b = this.buffer;
    if (kind === undefined || n < 4 || z.buffer !== b || a.buffer !== b || dA.buffer !== b || dZ.buffer !== b) return false;
    this.exports.backward(kind, z.byteOffset, a.byteOffset, dA.byteOffset, dZ.byteOffset, n, alpha);
    return true;
  }
}

/**
 * The SIMD kernels on `memory` (a network's, see dense-arena.ts; instantiated once per memory),
 * or null where the host has no SIMD (the layer then uses the TS loops).
 */
export function createActivationKernels(memory: WasmMemory): WasmActivations | null {
  const exports = instanceOn(memory, ACTIVATION_SIMD_WASM, ACTIVATION_SIMD_SHARED_WASM);
  return exports ? new WasmActivations(exports as unknown as ActivationExports, memory.buffer) : null;
}
