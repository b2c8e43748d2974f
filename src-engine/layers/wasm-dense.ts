/**
 * The float32 dense kernels in WebAssembly SIMD (dense-simd.wat, assembled at build time) and
 * the buffers they work in. Each float32 dense layer owns one `WebAssembly.Memory`, sized
 * once and never grown, so its weights, gradients, z and dZ are Float32Array views that stay
 * valid for the layer's life and no step copies them. Only an input living elsewhere (the data batch, the previous layer's
 * activations) is copied in, O(rows·inputs) against the kernel's O(rows·inputs·units).
 *
 * Without SIMD (see wasm-host.ts) layers use the TS kernels of dense-kernels.ts, which float64
 * runs always use. Both give the same results within float32 rounding
 * (test/engine/layers/wasm-dense.test.ts).
 */
import DENSE_SIMD_WASM from './dense-simd.wat';
import type { Tensor } from '../tensor';
import { forcedKernelBackend, loadSimdModule, WasmLayout, type KernelBackend, type WasmApi } from '../wasm-host';

type Kernel = (...args: number[]) => void;
interface DenseExports {
  forward: Kernel;
  weightGradient: Kernel;
  inputGradient: Kernel;
}

/** Bytes 0..15 hold 0.0f, 16 holds 1.0f (see dense-simd.wat). */
const HEADER_BYTES = 32;
const ONE_ADDRESS = 16;

/**
 * The backend float32 dense layers get. There is no size threshold: SIMD was measured faster
 * at every layer size of the benchmark, down to W1's 2-8-8-1 (`npm run bench`, README).
 */
export function denseBackend(): KernelBackend {
  return forcedKernelBackend() ?? (loadSimdModule(DENSE_SIMD_WASM) ? 'wasm-simd' : 'ts');
}

/**
 * One float32 dense layer's buffers in its own WebAssembly memory and the SIMD kernels over
 * them. Shapes as in dense.ts: W `[inputs][units]`, b `[units]`, z `[rowsForward][units]`,
 * dZ `[capacity][units]`, dX `[capacity][inputs]`.
 */
export class WasmDense {
  readonly weights: Float32Array;
  readonly bias: Float32Array | null;
  readonly dWeights: Float32Array;
  readonly dBias: Float32Array;
  readonly z: Float32Array;
  readonly dZ: Float32Array;
  readonly dInput: Float32Array;
  private readonly kernels: DenseExports;
  private readonly buffer: ArrayBuffer;
  /** `[rowsForward][inputs]`: where an input from elsewhere is copied; `forward` reads it in place. */
  readonly stage: Float32Array;
  private readonly at: { w: number; b: number; dw: number; db: number; z: number; dz: number; dx: number; stage: number; wt: number; lo: number; lc: number; dump: number };
  /** Byte address of the last forward's input. */
  private inputAt = -1;

  constructor(
    api: WasmApi,
    module: object,
    private readonly inputs: number,
    private readonly units: number,
    useBias: boolean,
    capacity: number,
    rowsForward: number,
  ) {
    const layout = new WasmLayout(HEADER_BYTES);
    const list = Math.max(inputs, units, rowsForward);
    const at = {
      w: layout.take(inputs * units),
      b: layout.take(units),
      dw: layout.take(inputs * units),
      db: layout.take(units),
      z: layout.take(rowsForward * units),
      dz: layout.take(capacity * units),
      dx: layout.take(capacity * inputs),
      stage: layout.take(rowsForward * inputs),
      wt: layout.take(inputs * units),
      lo: layout.take(list),
      lc: layout.take(4 * list),
      dump: layout.take(Math.max(inputs, units)),
    };
    const memory = layout.createMemory(api);
    this.kernels = new api.Instance(module, { env: { memory } }).exports as unknown as DenseExports;
    this.buffer = memory.buffer;
    this.at = at;
    const view = (address: number, floats: number) => new Float32Array(this.buffer, address, floats);
    new Float32Array(this.buffer, ONE_ADDRESS, 1)[0] = 1;
    this.weights = view(at.w, inputs * units);
    this.bias = useBias ? view(at.b, units) : null;
    this.dWeights = view(at.dw, inputs * units);
    this.dBias = view(at.db, useBias ? units : 0);
    this.z = view(at.z, rowsForward * units);
    this.dZ = view(at.dz, capacity * units);
    this.dInput = view(at.dx, capacity * inputs);
    this.stage = view(at.stage, rowsForward * inputs);
  }

  /** z = x·W + b for `rows` rows of `input` `[rows][inputs]`; copies the input in unless it lives here. */
  forward(input: Tensor, rows: number): void {
    if (input instanceof Float32Array && input.buffer === this.buffer) {
      this.inputAt = input.byteOffset;
    } else {
      const stage = this.stage;
      const n = rows * this.inputs;
      for (let k = 0; k < n; k++) stage[k] = input[k];
      this.inputAt = this.at.stage;
    }
    const { at } = this;
    this.kernels.forward(this.inputAt, rows, this.inputs, at.w, at.b, this.bias ? 1 : 0, this.units, at.z, at.lo, at.lc, at.dump);
  }

  /** dW += xᵀ·dZ and db += Σ_rows dZ over the last forward's input and `this.dZ`. */
  weightGradient(rows: number): void {
    const { at } = this;
    this.kernels.weightGradient(this.inputAt, at.dz, rows, this.inputs, this.units, at.dw, at.db, this.bias ? 1 : 0, at.lo, at.lc, at.dump);
  }

  /** dX = dZ·Wᵀ into `this.dInput`. */
  inputGradient(rows: number): void {
    const { at } = this;
    this.kernels.inputGradient(at.dz, at.w, rows, this.inputs, this.units, at.dx, at.wt, at.lo, at.lc, at.dump);
  }
}

/**
 * The SIMD buffers and kernels for a float32 dense layer of `inputs` × `units`, or null when
 * the layer should use the TS kernels (no SIMD, or forced 'ts'). `capacity` rows of training,
 * `rowsForward` (≥ capacity) of inference. Allocates.
 */
export function createWasmDense(inputs: number, units: number, useBias: boolean, capacity: number, rowsForward: number): WasmDense | null {
  if (forcedKernelBackend() === 'ts') return null;
  const simd = loadSimdModule(DENSE_SIMD_WASM);
  if (!simd) return null;
  try {
    return new WasmDense(simd.api, simd.module, inputs, units, useBias, capacity, rowsForward);
  } catch {
    // The host refused the memory (out of address space): this layer runs on the TS kernels.
    return null;
  }
}
