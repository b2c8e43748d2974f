/**
 * The dense layer's matrix loops: z = x·W + b, dW += xᵀ·dZ and dX = dZ·Wᵀ, all row-major.
 *
 * Every output element is summed in exactly the order of the plain triple loop (the engine's
 * float64 results are bit-for-bit those of that loop): the forward sum starts at b_j and adds
 * x_i·W_ij for i = 0, 1, …; the weight gradient starts at the old dW_ij and adds x_ri·dZ_rj for
 * r = 0, 1, …; both skip the terms whose x is exactly 0 (ReLU outputs, blank pixels). The
 * speed comes from doing more with each load, never from reordering a sum:
 *
 * - Rows of x without a zero (for dW: columns) go four at a time through `block4`, which
 *   keeps a 4 × 2 tile of sums in local variables, so each loaded weight serves four rows
 *   (register blocking). A zero would add an exact ±0 there, which the plain loop skips, so
 *   such rows take the other path.
 * - Other rows list their nonzero x first and add eight (then four, then one) scaled rows of
 *   W per pass over the accumulator (`addScaledRows`): ((s + a) + b) + … written left to right
 *   is the sequential sum, in one load and one store of s instead of eight. (Eight measured
 *   faster than four on the MNIST-sized first layer of bench W3.)
 * - Either way each row of dW is read and written once per batch, not once per sample.
 * - Sums live in float64 scratch and are rounded once when stored, so a float32 run also
 *   accumulates in doubles (see tensor.ts).
 *
 * WebAssembly SIMD would be the next step (f64x2/f32x4 lanes); see README "Performance".
 */
import type { Tensor } from '../tensor';

/** Scratch the kernels reuse, sized once per layer so that no call allocates. */
export interface KernelScratch {
  /** One output row being summed `[units]`. */
  readonly acc: Float64Array;
  /** For the nonzero coefficients of one output row: the offset of the row of V each scales… */
  readonly nzOffset: Int32Array;
  /** …and the coefficient itself. Length max(inputs, capacity). */
  readonly nzValue: Float64Array;
  /** 1 where a row of x (forward) or a column of x (weight gradient) has no zero. */
  readonly zeroFree: Uint8Array;
}

/** Allocates the scratch of a layer with `inputs` inputs, `units` units and `capacity` rows. */
export function createKernelScratch(inputs: number, units: number, capacity: number): KernelScratch {
  const n = Math.max(inputs, capacity);
  return { acc: new Float64Array(units), nzOffset: new Int32Array(n), nzValue: new Float64Array(n), zeroFree: new Uint8Array(n) };
}

/**
 * acc[j] += Σ_k value[k]·v[offset[k] + j] for k < n, in k order, up to eight terms per pass
 * over acc. `acc` has `units` elements.
 */
function addScaledRows(acc: Float64Array, units: number, v: Tensor, offset: Int32Array, value: Float64Array, n: number): void {
  let k = 0;
  for (; k + 8 <= n; k += 8) {
    const o0 = offset[k], o1 = offset[k + 1], o2 = offset[k + 2], o3 = offset[k + 3];
    const o4 = offset[k + 4], o5 = offset[k + 5], o6 = offset[k + 6], o7 = offset[k + 7];
    const c0 = value[k], c1 = value[k + 1], c2 = value[k + 2], c3 = value[k + 3];
    const c4 = value[k + 4], c5 = value[k + 5], c6 = value[k + 6], c7 = value[k + 7];
    // Left to right, so this is the sequential sum, not a reassociated one.
    for (let j = 0; j < units; j++) {
      acc[j] = acc[j] + c0 * v[o0 + j] + c1 * v[o1 + j] + c2 * v[o2 + j] + c3 * v[o3 + j] + c4 * v[o4 + j] + c5 * v[o5 + j] + c6 * v[o6 + j] + c7 * v[o7 + j];
    }
  }
  for (; k + 4 <= n; k += 4) {
    const o0 = offset[k], o1 = offset[k + 1], o2 = offset[k + 2], o3 = offset[k + 3];
    const c0 = value[k], c1 = value[k + 1], c2 = value[k + 2], c3 = value[k + 3];
    for (let j = 0; j < units; j++) acc[j] = acc[j] + c0 * v[o0 + j] + c1 * v[o1 + j] + c2 * v[o2 + j] + c3 * v[o3 + j];
  }
  for (; k < n; k++) {
    const o0 = offset[k];
    const c0 = value[k];
    for (let j = 0; j < units; j++) acc[j] += c0 * v[o0 + j];
  }
}

/**
 * Four output rows at once: out[o][j] = init[o][j] + Σ_{k < count} c[o][k]·v[k][j] for
 * o = 0…3, j < units, with the sum in k order and no term skipped. Row o of the output starts
 * at `outOff + o·outStride`, of init at `initOff + o·initStride` (init null: 0); c[o][k] is
 * `c[cOff + o·cRowStride + k·cStep]` and v[k][j] is `v[k·units + j]`. `init` may be `out`.
 */
function block4(
  out: Tensor, outOff: number, outStride: number,
  init: Tensor | null, initOff: number, initStride: number,
  c: Tensor, cOff: number, cRowStride: number, cStep: number,
  v: Tensor, count: number, units: number,
): void {
  const c0 = cOff, c1 = c0 + cRowStride, c2 = c1 + cRowStride, c3 = c2 + cRowStride;
  const i0 = initOff, i1 = i0 + initStride, i2 = i1 + initStride, i3 = i2 + initStride;
  const p0 = outOff, p1 = p0 + outStride, p2 = p1 + outStride, p3 = p2 + outStride;
  let j = 0;
  for (; j + 2 <= units; j += 2) {
    let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
    if (init) {
      s00 = init[i0 + j]; s01 = init[i0 + j + 1]; s10 = init[i1 + j]; s11 = init[i1 + j + 1];
      s20 = init[i2 + j]; s21 = init[i2 + j + 1]; s30 = init[i3 + j]; s31 = init[i3 + j + 1];
    }
    for (let k = 0, ck = 0, vk = j; k < count; k++, ck += cStep, vk += units) {
      const v0 = v[vk], v1 = v[vk + 1];
      const x0 = c[c0 + ck], x1 = c[c1 + ck], x2 = c[c2 + ck], x3 = c[c3 + ck];
      s00 += x0 * v0; s01 += x0 * v1; s10 += x1 * v0; s11 += x1 * v1;
      s20 += x2 * v0; s21 += x2 * v1; s30 += x3 * v0; s31 += x3 * v1;
    }
    out[p0 + j] = s00; out[p0 + j + 1] = s01; out[p1 + j] = s10; out[p1 + j + 1] = s11;
    out[p2 + j] = s20; out[p2 + j + 1] = s21; out[p3 + j] = s30; out[p3 + j + 1] = s31;
  }
  if (j < units) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    if (init) {
      s0 = init[i0 + j]; s1 = init[i1 + j]; s2 = init[i2 + j]; s3 = init[i3 + j];
    }
    for (let k = 0, ck = 0, vk = j; k < count; k++, ck += cStep, vk += units) {
      const v0 = v[vk];
      s0 += c[c0 + ck] * v0; s1 += c[c1 + ck] * v0; s2 += c[c2 + ck] * v0; s3 += c[c3 + ck] * v0;
    }
    out[p0 + j] = s0; out[p1 + j] = s1; out[p2 + j] = s2; out[p3 + j] = s3;
  }
}

/** True when none of the `count` values c[start], c[start + step], … is 0 (stops at the first). */
function noZero(c: Tensor, start: number, step: number, count: number): boolean {
  for (let k = 0, i = start; k < count; k++, i += step) if (c[i] === 0) return false;
  return true;
}

/**
 * z = x·W + b for `rows` rows: x `[rows][inputs]`, W `[inputs][units]`, b `[units]` or null,
 * z `[rows][units]`. Writes `z` and the scratch only.
 */
export function denseForward(x: Tensor, rows: number, inputs: number, w: Tensor, bias: Tensor | null, units: number, z: Tensor, s: KernelScratch): void {
  const { acc, nzOffset, nzValue, zeroFree } = s;
  for (let r = 0; r < rows; r++) zeroFree[r] = noZero(x, r * inputs, 1, inputs) ? 1 : 0;
  let r = 0;
  while (r < rows) {
    if (r + 4 <= rows && zeroFree[r] & zeroFree[r + 1] & zeroFree[r + 2] & zeroFree[r + 3]) {
      block4(z, r * units, units, bias, 0, 0, x, r * inputs, inputs, 1, w, inputs, units);
      r += 4;
      continue;
    }
    if (bias) for (let j = 0; j < units; j++) acc[j] = bias[j];
    else acc.fill(0);
    let n = 0;
    for (let i = 0, xo = r * inputs; i < inputs; i++) {
      const xi = x[xo + i];
      if (xi === 0) continue;
      nzOffset[n] = i * units;
      nzValue[n++] = xi;
    }
    addScaledRows(acc, units, w, nzOffset, nzValue, n);
    for (let j = 0, zo = r * units; j < units; j++) z[zo + j] = acc[j];
    r++;
  }
}

/**
 * dW += xᵀ·dZ and (dBias not null) dBias += Σ_rows dZ, for `rows` rows: x `[rows][inputs]`,
 * dZ `[rows][units]`, dW `[inputs][units]`. Each gradient row is read and written once per
 * call, not once per sample. Writes the gradients and the scratch only.
 */
export function denseWeightGradient(x: Tensor, dZ: Tensor, rows: number, inputs: number, units: number, dW: Tensor, dBias: Tensor | null, s: KernelScratch): void {
  const { acc, nzOffset, nzValue, zeroFree } = s;
  for (let i = 0; i < inputs; i++) zeroFree[i] = noZero(x, i, inputs, rows) ? 1 : 0;
  let i = 0;
  while (i < inputs) {
    if (i + 4 <= inputs && zeroFree[i] & zeroFree[i + 1] & zeroFree[i + 2] & zeroFree[i + 3]) {
      // Four gradient rows; the coefficients of row i are the column x[·][i].
      block4(dW, i * units, units, dW, i * units, units, x, i, 1, inputs, dZ, rows, units);
      i += 4;
      continue;
    }
    let n = 0;
    for (let r = 0, xo = i; r < rows; r++, xo += inputs) {
      const xi = x[xo];
      if (xi === 0) continue;
      nzOffset[n] = r * units;
      nzValue[n++] = xi;
    }
    if (n > 0) {
      const wo = i * units;
      for (let j = 0; j < units; j++) acc[j] = dW[wo + j];
      addScaledRows(acc, units, dZ, nzOffset, nzValue, n);
      for (let j = 0; j < units; j++) dW[wo + j] = acc[j];
    }
    i++;
  }
  if (dBias && dBias.length > 0) {
    for (let j = 0; j < units; j++) acc[j] = dBias[j];
    for (let r = 0, zo = 0; r < rows; r++, zo += units) for (let j = 0; j < units; j++) acc[j] += dZ[zo + j];
    for (let j = 0; j < units; j++) dBias[j] = acc[j];
  }
}

/**
 * dX = dZ·Wᵀ for `rows` rows: dZ `[rows][units]`, W `[inputs][units]`, dX `[rows][inputs]`;
 * each element sums over j in order from 0. Four rows by two inputs share every load.
 */
export function denseInputGradient(dZ: Tensor, w: Tensor, rows: number, inputs: number, units: number, dX: Tensor): void {
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const z0 = r * units, z1 = z0 + units, z2 = z1 + units, z3 = z2 + units;
    const o0 = r * inputs, o1 = o0 + inputs, o2 = o1 + inputs, o3 = o2 + inputs;
    let i = 0;
    for (; i + 2 <= inputs; i += 2) {
      const w0 = i * units, w1 = w0 + units;
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
      for (let j = 0; j < units; j++) {
        const a = w[w0 + j], b = w[w1 + j];
        const g0 = dZ[z0 + j], g1 = dZ[z1 + j], g2 = dZ[z2 + j], g3 = dZ[z3 + j];
        s00 += g0 * a; s01 += g0 * b; s10 += g1 * a; s11 += g1 * b;
        s20 += g2 * a; s21 += g2 * b; s30 += g3 * a; s31 += g3 * b;
      }
      dX[o0 + i] = s00; dX[o0 + i + 1] = s01; dX[o1 + i] = s10; dX[o1 + i + 1] = s11;
      dX[o2 + i] = s20; dX[o2 + i + 1] = s21; dX[o3 + i] = s30; dX[o3 + i + 1] = s31;
    }
    if (i < inputs) {
      const w0 = i * units;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let j = 0; j < units; j++) {
        const a = w[w0 + j];
        s0 += dZ[z0 + j] * a; s1 += dZ[z1 + j] * a; s2 += dZ[z2 + j] * a; s3 += dZ[z3 + j] * a;
      }
      dX[o0 + i] = s0; dX[o1 + i] = s1; dX[o2 + i] = s2; dX[o3 + i] = s3;
    }
  }
  for (; r < rows; r++) {
    const zo = r * units;
    for (let i = 0, wo = 0; i < inputs; i++, wo += units) {
      let s0 = 0;
      for (let j = 0; j < units; j++) s0 += dZ[zo + j] * w[wo + j];
      dX[r * inputs + i] = s0;
    }
  }
}
