/**
 * One WebAssembly memory for all float32 dense layers of a network (issue #8): laid out once
 * (the layers' shapes and batch sizes are known before any buffer exists), created once, never
 * grown, so every buffer is a view that stays valid. In one memory every SIMD kernel reaches
 * every buffer: a layer writes its activations straight into the next dense layer's input
 * (no copy), the activation kernels read the next layer's dX as their dA, and the helper thread
 * attaches one memory instead of one per layer.
 */
import { kernelHelper, type KernelHelper } from '../kernel-helper';
import { forcedKernelBackend } from '../wasm-host';
import { createDenseSpace, denseLayout, denseSplits, planDenseRegions, simdAvailable, WasmDense, type DenseRegions } from './wasm-dense';

/** A dense layer of the chain, as the arena lays it out. */
export interface ArenaLayer {
  inputs: number;
  units: number;
  useBias: boolean;
  /** The next layer of the chain is this list's next entry (a dense layer): it reads our activations in place. */
  feedsNext: boolean;
}

/**
 * The SIMD layers of `layers` (chain order) in one memory, `capacity` training rows and
 * `rowsForward` inference rows each; null when float32 layers should not use SIMD here (no SIMD,
 * forced 'ts') or the host refuses one memory that large (each layer then gets its own, see
 * `createWasmDense`). Allocates.
 */
export function createDenseArena(layers: readonly ArenaLayer[], capacity: number, rowsForward: number): WasmDense[] | null {
  if (layers.length === 0 || forcedKernelBackend() === 'ts' || !simdAvailable(false)) return null;
  const splits = layers.map((l) => denseSplits(l.inputs, l.units, capacity));
  const helper: KernelHelper | null = splits.some(Boolean) && simdAvailable(true) ? kernelHelper() : null;
  try {
    const layout = denseLayout();
    const regions: DenseRegions[] = new Array<DenseRegions>(layers.length);
    // From the last layer back, so each layer knows where the next one reads its input.
    for (let i = layers.length - 1; i >= 0; i--) {
      const l = layers[i];
      const into = l.feedsNext && i + 1 < layers.length ? regions[i + 1].stage : null;
      regions[i] = planDenseRegions(layout, l.inputs, l.units, capacity, rowsForward, into, helper !== null && splits[i]);
    }
    const space = createDenseSpace(layout, helper);
    return layers.map((l, i) => new WasmDense(space, regions[i], l.inputs, l.units, l.useBias, capacity, rowsForward));
  } catch {
    return null;
  }
}

/**
 * The SIMD buffers and kernels for one float32 dense layer of `inputs` × `units` in a memory of
 * its own (an arena of one layer), or null when it should use the TS kernels (no SIMD, forced
 * 'ts', or the host refused the memory). `capacity` rows of training, `rowsForward` (≥ capacity)
 * of inference. Allocates.
 */
export function createWasmDense(inputs: number, units: number, useBias: boolean, capacity: number, rowsForward: number): WasmDense | null {
  return createDenseArena([{ inputs, units, useBias, feedsNext: false }], capacity, rowsForward)?.[0] ?? null;
}
