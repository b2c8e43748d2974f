/**
 * The float32 dense kernels in WebAssembly SIMD (dense-simd.wat, assembled at build time) and
 * the buffers they work in. A network's float32 dense layers share one `WebAssembly.Memory`
 * (dense-arena.ts), sized once and never grown, so their weights, gradients, z, activations
 * and dZ are Float32Array views that stay valid for the layers' life and no step copies them.
 * Only an input living elsewhere is copied in, O(rows·inputs) against the kernel's
 * O(rows·inputs·units).
 *
 * Without SIMD (see wasm-host.ts) layers use the TS kernels of dense-kernels.ts, which float64
 * runs always use. Both give the same results within float32 rounding
 * (test/engine/layers/wasm-dense.test.ts).
 */
import DENSE_SIMD_WASM from './dense-simd.wat';
import DENSE_SIMD_SHARED_WASM from './dense-simd.wat?shared';
import type { Tensor } from '../tensor';
import type { HelperKernel, KernelHelper } from '../kernel-helper';
import { forcedKernelBackend, loadSimdModule, WasmLayout, type KernelBackend, type WasmMemory } from '../wasm-host';

type Kernel = (...args: number[]) => void;
interface DenseExports {
  forward: Kernel;
  weightGradient: Kernel;
  inputGradient: Kernel;
  weightGradientPart: Kernel;
  biasGradient: Kernel;
  transpose: Kernel;
  inputGradientRows: Kernel;
}

/**
 * Multiply-adds (rows·inputs·units) a kernel call needs before it is split with the helper
 * thread: below this, waking the helper and waiting for it costs more than half the call saves.
 * Measured on the benchmark machine (README, Performance): W3's 784×128 and 128×64 layers split,
 * W1, W2, W4 and W3's 64×10 output layer stay on one thread.
 */
export const MIN_SPLIT_MACS = 1 << 18;

/** Bytes 0..15 hold 0.0f, 16 holds 1.0f, 20 the shared group counter (see dense-simd.wat). */
const HEADER_BYTES = 32;
const ONE_ADDRESS = 16;
const COUNTER_ADDRESS = 20;

/**
 * The backend float32 dense layers get. There is no size threshold: SIMD was measured faster
 * at every layer size of the benchmark, down to W1's 2-8-8-1 (`npm run bench`, README).
 */
export function denseBackend(): KernelBackend {
  return forcedKernelBackend() ?? (loadSimdModule(DENSE_SIMD_WASM) ? 'wasm-simd' : 'ts');
}

/** Byte addresses of one layer's regions in its memory (see `planDenseRegions`). */
export interface DenseRegions {
  w: number;
  b: number;
  dw: number;
  db: number;
  z: number;
  dz: number;
  dx: number;
  stage: number;
  /** Activations `[rowsForward][units]`: a region of its own, or the next dense layer's `stage`. */
  a: number;
  wt: number;
  lo: number;
  lc: number;
  dump: number;
  /** The helper thread's own list scratch and dump row, for layers whose calls are split. */
  helper: { lo: number; lc: number; dump: number } | null;
}

/**
 * Lays out one layer's regions from `layout`'s current end. `a`: the address the activations
 * go to (the next dense layer's `stage`), or null for a region of their own. `split`: the layer's
 * calls may be split with the helper thread, so it gets the helper's scratch too.
 */
export function planDenseRegions(layout: WasmLayout, inputs: number, units: number, capacity: number, rowsForward: number, a: number | null, split: boolean): DenseRegions {
  const list = Math.max(inputs, units, rowsForward);
  // lc: 32 bytes per entry, for dW's four one-row lists of (address, coefficient) pairs (dense-simd.wat).
  const scratch = () => ({ lo: layout.take(list), lc: layout.take(8 * list), dump: layout.take(Math.max(inputs, units)) });
  return {
    w: layout.take(inputs * units),
    b: layout.take(units),
    dw: layout.take(inputs * units),
    db: layout.take(units),
    z: layout.take(rowsForward * units),
    dz: layout.take(capacity * units),
    dx: layout.take(capacity * inputs),
    stage: layout.take(rowsForward * inputs),
    a: a ?? layout.take(rowsForward * units),
    wt: layout.take(inputs * units),
    ...scratch(),
    helper: split ? scratch() : null,
  };
}

/** A memory laid out for dense layers, with its kernel instance and (maybe) the helper's handle. */
export interface DenseSpace {
  readonly memory: WasmMemory;
  readonly kernels: object;
  /** The helper thread and this memory's handle there; null when no call on it is split. */
  readonly helper: KernelHelper | null;
  readonly handle: number;
}

/** True when the host runs the dense SIMD kernels (`shared`: on a memory shared with a helper thread). */
export function simdAvailable(shared: boolean): boolean {
  return (shared ? loadSimdModule(DENSE_SIMD_SHARED_WASM, true) : loadSimdModule(DENSE_SIMD_WASM)) !== null;
}

/** A fresh layout for dense layers: its header (0.0f, 1.0f, the group counter, see dense-simd.wat) reserved. */
export function denseLayout(): WasmLayout {
  return new WasmLayout(HEADER_BYTES);
}

/**
 * Creates the memory `layout` describes (shared when `helper` is given), instantiates the dense
 * kernels on it, writes the header and attaches it to the helper. Throws when the host refuses
 * the memory.
 */
export function createDenseSpace(layout: WasmLayout, helper: KernelHelper | null): DenseSpace {
  const simd = helper ? loadSimdModule(DENSE_SIMD_SHARED_WASM, true) : loadSimdModule(DENSE_SIMD_WASM);
  if (!simd) throw new Error('WebAssembly SIMD is not available.');
  const memory = layout.createMemory(simd.api, helper !== null);
  new Float32Array(memory.buffer, ONE_ADDRESS, 1)[0] = 1;
  const kernels = new simd.api.Instance(simd.module, { env: { memory } }).exports;
  const handle = helper ? helper.attach(simd.module, memory) : -1;
  return { memory, kernels, helper: handle >= 0 ? helper : null, handle };
}

/** True when a layer of this shape, trained `capacity` rows at a time, splits its calls with a helper. */
export function denseSplits(inputs: number, units: number, capacity: number): boolean {
  return capacity * inputs * units >= MIN_SPLIT_MACS;
}

/**
 * One float32 dense layer's buffers in a WebAssembly memory (its own, or its network's, see
 * dense-arena.ts) and the SIMD kernels over them. Shapes as in dense.ts: W `[inputs][units]`,
 * b `[units]`, z and a `[rowsForward][units]`, dZ `[capacity][units]`, dX `[capacity][inputs]`.
 */
export class WasmDense {
  readonly weights: Float32Array;
  readonly bias: Float32Array | null;
  readonly dWeights: Float32Array;
  readonly dBias: Float32Array;
  readonly z: Float32Array;
  /** The activations; they may be the next dense layer's `stage` (read there without a copy). */
  readonly a: Float32Array;
  readonly dZ: Float32Array;
  readonly dInput: Float32Array;
  private readonly kernels: DenseExports;
  /** The memory every buffer above lives in (param-kernels.ts and activation-kernels.ts run on it too). */
  readonly memory: WasmMemory;
  private readonly buffer: ArrayBufferLike;
  /** `[rowsForward][inputs]`: where an input from elsewhere is copied; `forward` reads it in place. */
  readonly stage: Float32Array;
  private readonly at: DenseRegions;
  /** Byte address of the last forward's input. */
  private inputAt = -1;
  /** The helper thread and the memory's handle there, when calls are split (kernel-helper.ts). */
  private readonly helper: KernelHelper | null;
  private readonly handle: number;
  /** The group counter of calls shared with the helper (an i32 view of the header). */
  private readonly counter: Int32Array;
  /** The helper's arguments of shared forward, dW and dX calls, reused. */
  private readonly forwardArgs = new Array<number>(12).fill(0);
  private readonly weightArgs = new Array<number>(12).fill(0);
  private readonly inputArgs = new Array<number>(10).fill(0);
  /** The helper's own list scratch and dump row (byte addresses). */
  private readonly helperAt: { lo: number; lc: number; dump: number };

  constructor(
    space: DenseSpace,
    at: DenseRegions,
    private readonly inputs: number,
    private readonly units: number,
    useBias: boolean,
    capacity: number,
    rowsForward: number,
  ) {
    this.memory = space.memory;
    this.kernels = space.kernels as DenseExports;
    this.helper = at.helper ? space.helper : null;
    this.handle = this.helper ? space.handle : -1;
    this.helperAt = at.helper ?? { lo: at.lo, lc: at.lc, dump: at.dump };
    this.buffer = space.memory.buffer;
    this.counter = new Int32Array(this.buffer, COUNTER_ADDRESS, 1);
    this.at = at;
    const view = (address: number, floats: number) => new Float32Array(this.buffer, address, floats);
    this.weights = view(at.w, inputs * units);
    this.bias = useBias ? view(at.b, units) : null;
    this.dWeights = view(at.dw, inputs * units);
    this.dBias = view(at.db, useBias ? units : 0);
    this.z = view(at.z, rowsForward * units);
    this.a = view(at.a, rowsForward * units);
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
    const hasBias = this.bias ? 1 : 0;
    if (!this.shares(rows, rows)) {
      this.kernels.forward(this.inputAt, rows, this.inputs, at.w, at.b, hasBias, this.units, at.z, at.lo, at.lc, at.dump, 0);
      return;
    }
    const h = this.helperAt;
    this.begin('forward', fill(this.forwardArgs, this.inputAt, rows, this.inputs, at.w, at.b, hasBias, this.units, at.z, h.lo, h.lc, h.dump, COUNTER_ADDRESS), 0);
    this.kernels.forward(this.inputAt, rows, this.inputs, at.w, at.b, hasBias, this.units, at.z, at.lo, at.lc, at.dump, COUNTER_ADDRESS);
    this.end();
  }

  /** True when a call over `groups` output rows (and `rows` batch rows) is shared with the helper. */
  private shares(groups: number, rows: number): boolean {
    return this.helper !== null && groups >= 8 && rows * this.inputs * this.units >= MIN_SPLIT_MACS;
  }

  /**
   * Starts a call shared with the helper: sets the group counter to `first` and starts `kernel`
   * with `helperArgs` (the same call on the helper's scratch) there. The caller then runs the
   * kernel itself and calls `end`. Both take groups of four rows from the counter
   * (dense-simd.wat, $firstGroup), so every group is done once and a late helper costs at most
   * one group.
   */
  private begin(kernel: HelperKernel, helperArgs: readonly number[], first: number): void {
    Atomics.store(this.counter, 0, first);
    (this.helper as KernelHelper).start(this.handle, kernel, helperArgs);
  }

  /** Waits for the helper's last group, or withdraws the call when it had not begun it (every group is done already). */
  private end(): void {
    (this.helper as KernelHelper).finish();
  }

  /** dW += xᵀ·dZ and db += Σ_rows dZ over the last forward's input and `this.dZ`. */
  weightGradient(rows: number): void {
    const { at } = this;
    if (!this.shares(this.inputs, rows)) {
      this.kernels.weightGradient(this.inputAt, at.dz, rows, this.inputs, this.units, at.dw, at.db, this.bias ? 1 : 0, at.lo, at.lc, at.dump);
      return;
    }
    // dW's rows shared; db here first, while the helper starts on dW.
    const h = this.helperAt;
    this.begin('weightGradientPart', fill(this.weightArgs, this.inputAt, at.dz, rows, this.inputs, this.units, at.dw, h.lo, h.lc, h.dump, 0, this.inputs, COUNTER_ADDRESS), 0);
    if (this.bias) this.kernels.biasGradient(at.dz, rows, this.units, at.db, at.lo, at.lc, at.dump);
    this.kernels.weightGradientPart(this.inputAt, at.dz, rows, this.inputs, this.units, at.dw, at.lo, at.lc, at.dump, 0, this.inputs, COUNTER_ADDRESS);
    this.end();
  }

  /** dX = dZ·Wᵀ into `this.dInput`. */
  inputGradient(rows: number): void {
    const { at } = this;
    if (!this.shares(rows, rows)) {
      this.kernels.inputGradient(at.dz, at.w, rows, this.inputs, this.units, at.dx, at.wt, at.lo, at.lc, at.dump);
      return;
    }
    // Wᵀ first, here (every group reads it), then the rows shared.
    this.kernels.transpose(at.w, this.inputs, this.units, at.wt);
    const h = this.helperAt;
    this.begin('inputGradientRows', fill(this.inputArgs, at.dz, at.wt, rows, this.inputs, this.units, at.dx, h.lo, h.lc, h.dump, COUNTER_ADDRESS), 0);
    this.kernels.inputGradientRows(at.dz, at.wt, rows, this.inputs, this.units, at.dx, at.lo, at.lc, at.dump, COUNTER_ADDRESS);
    this.end();
  }
}

/**
 * Writes the arguments into `into` (its length, at most 12, says how many) and returns it:
 * argument lists reused call after call (positional parameters, so nothing is allocated).
 */
function fill(into: number[], a0: number, a1: number, a2: number, a3: number, a4: number, a5: number, a6: number, a7: number, a8: number, a9: number, a10 = 0, a11 = 0): number[] {
  into[0] = a0;
  into[1] = a1;
  into[2] = a2;
  into[3] = a3;
  into[4] = a4;
  into[5] = a5;
  into[6] = a6;
  into[7] = a7;
  into[8] = a8;
  into[9] = a9;
  if (into.length > 10) into[10] = a10;
  if (into.length > 11) into[11] = a11;
  return into;
}
