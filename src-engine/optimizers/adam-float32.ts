/**
 * Adam's update for float32 parameters computed in float32, as torch.optim.Adam does on
 * float32 tensors: the scalars of a step are computed in float64 (as torch does in Python) and
 * rounded to float32 once, and every operation on an element is one IEEE float32 operation.
 *
 * The operations and their order are torch's `_single_tensor_adam` (PyTorch 2.x):
 *   AdamW, λ ≠ 0:  θ ← θ·(1 − lr·λ)                        param.mul_(1 - lr * weight_decay)
 *   Adam,  λ ≠ 0:  g ← g + λ·θ                             grad.add(param, alpha=weight_decay)
 *   m ← m + (g − m)·(1 − β1)                              exp_avg.lerp_(grad, 1 - beta1)
 *   v ← v·β2 + ((1 − β2)·g)·g                             exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
 *   AMSGrad: vMax ← v where v > vMax (a NaN on either side keeps vMax; torch.maximum would
 *            propagate it), and vMax stands for v below
 *   θ ← θ − (stepSize·m) / (√v / √(1 − β2ᵗ) + ε)          param.addcdiv_(exp_avg, denom, value=-step_size)
 * with stepSize = lr / (1 − β1ᵗ). torch's own CPU kernels may fuse some of these into FMAs, so
 * LayerLab matches torch to float32 rounding, not bit for bit.
 *
 * `updateAdamFloat32` is the TS form: IEEE float32 +, −, ×, ÷ and √ are exactly the float64
 * operation on float32 operands rounded once to float32 (`Math.fround`; float64 carries more
 * than 2·24 + 2 bits, so the double rounding is innocuous). adam-simd.wat performs the same
 * operations natively in f32x4 lanes, so both give the same bits
 * (test/engine/optimizers/wasm-adam.test.ts).
 */
import type { OptimizerOptions } from './optimizer';

/** The scalars of one float32 update, each already rounded to float32. */
export interface AdamScalars {
  /** 1 − lr·λ, AdamW's factor on θ (used when `decoupledDecay`). */
  decay: number;
  /** λ, the L2 weight decay added to the gradient (used when `l2Decay`). */
  weightDecay: number;
  /** 1 − β1. */
  oneMinusBeta1: number;
  beta2: number;
  /** 1 − β2. */
  oneMinusBeta2: number;
  /** √(1 − β2ᵗ). */
  biasCorrection2Sqrt: number;
  eps: number;
  /** lr / (1 − β1ᵗ). */
  stepSize: number;
  /** AdamW with λ ≠ 0: θ is multiplied by `decay` first. */
  decoupledDecay: boolean;
  /** Adam with λ ≠ 0: λ·θ is added to the gradient (torch skips it when λ = 0). */
  l2Decay: boolean;
  amsgrad: boolean;
}

/** Scalars for a fresh `AdamScalars` record (step 1, lr 0, no decay); `setAdamScalars` fills it. */
export function createAdamScalars(): AdamScalars {
  return {
    decay: 1, weightDecay: 0, oneMinusBeta1: 0, beta2: 0, oneMinusBeta2: 0, biasCorrection2Sqrt: 1, eps: 0, stepSize: 0,
    decoupledDecay: false, l2Decay: false, amsgrad: false,
  };
}

/**
 * Writes into `s` the scalars of step `t` (≥ 1) at learning rate `lr`: computed in float64,
 * then each rounded to float32 once. Mutates `s`; allocates nothing.
 */
export function setAdamScalars(
  s: AdamScalars,
  options: OptimizerOptions<'adam'> | OptimizerOptions<'adamw'>,
  lr: number,
  t: number,
): void {
  const { beta1, beta2, eps, amsgrad, weightDecay } = options;
  const f = Math.fround;
  const decoupled = options.type === 'adamw';
  s.decay = f(1 - lr * weightDecay);
  s.weightDecay = f(weightDecay);
  s.oneMinusBeta1 = f(1 - beta1);
  s.beta2 = f(beta2);
  s.oneMinusBeta2 = f(1 - beta2);
  s.biasCorrection2Sqrt = f(Math.sqrt(1 - beta2 ** t));
  s.eps = f(eps);
  s.stepSize = f(lr / (1 - beta1 ** t));
  s.decoupledDecay = decoupled && weightDecay !== 0;
  s.l2Decay = !decoupled && weightDecay !== 0;
  s.amsgrad = amsgrad;
}

/**
 * One float32 Adam update of `w` with gradient `g`, in TS (the operations in the header, each
 * rounded to float32). Mutates `w`, `m`, `v` and, with AMSGrad, `vMax`; reads `g`. All five
 * have the same length.
 */
export function updateAdamFloat32(
  w: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  vMax: Float32Array,
  s: AdamScalars,
): void {
  const f = Math.fround;
  const { decay, weightDecay, oneMinusBeta1, beta2, oneMinusBeta2, biasCorrection2Sqrt, eps, stepSize, decoupledDecay, l2Decay, amsgrad } = s;
  for (let k = 0; k < w.length; k++) {
    let wk = w[k];
    let gk = g[k];
    if (decoupledDecay) wk = f(wk * decay);
    else if (l2Decay) gk = f(gk + f(weightDecay * wk));
    const mk = f(m[k] + f(f(gk - m[k]) * oneMinusBeta1));
    m[k] = mk;
    const vk = f(f(v[k] * beta2) + f(f(oneMinusBeta2 * gk) * gk));
    v[k] = vk;
    let second = vk;
    if (amsgrad) {
      if (vk > vMax[k]) vMax[k] = vk;
      second = vMax[k];
    }
    const denom = f(f(f(Math.sqrt(second)) / biasCorrection2Sqrt) + eps);
    w[k] = f(wk - f(f(stepSize * mk) / denom));
  }
}
