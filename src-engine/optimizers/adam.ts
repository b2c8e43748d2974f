/** Adam and AdamW (torch.optim.Adam, torch.optim.AdamW), with AMSGrad as an option. */
import type { Param } from '../layers/layer';
import type { Tensor } from '../tensor';
import { forcedKernelBackend } from '../wasm-host';
import { Optimizer, type OptimizerOptions } from './optimizer';
import { createAdamScalars, setAdamScalars, updateAdamFloat32 } from './adam-float32';
import { createWasmAdam, WASM_ADAM_MIN_LENGTH, type WasmAdam } from './wasm-adam';

/**
 * torch.optim.Adam. The notes write √(v̂_t + ε); torch (and Kingma & Ba) put ε outside the
 * root, √v̂_t + ε, which LayerLab follows.
 */
export const ADAM_FORMULA = String.raw`\begin{aligned}
g_t &= \nabla_\theta E(\theta_{t-1}) + \lambda\,\theta_{t-1}\\
m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t, \qquad v_t = \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2\\
\hat m_t &= \frac{m_t}{1-\beta_1^t}, \qquad \hat v_t = \frac{v_t}{1-\beta_2^t} \quad (\text{AMSGrad: } \hat v_t = \frac{\max_{s\le t} v_s}{1-\beta_2^t})\\
\theta_t &= \theta_{t-1} - \eta\,\frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon} \quad (\text{the notes write } \sqrt{\hat v_t + \epsilon})
\end{aligned}`;

/** torch.optim.AdamW: the decay multiplies θ directly instead of entering the gradient. */
export const ADAMW_FORMULA = String.raw`\begin{aligned}
\theta' &= \theta_{t-1}\,(1 - \eta\lambda)\\
m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t, \qquad v_t = \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2\\
\theta_t &= \theta' - \eta\,\frac{m_t/(1-\beta_1^t)}{\sqrt{v_t/(1-\beta_2^t)} + \epsilon}
\end{aligned}`;

/**
 * Adam (`decoupled` false, L2 weight decay in the gradient) or AdamW (`decoupled` true).
 * float32 parameters update in float32 arithmetic, as torch does (adam-float32.ts: in
 * WebAssembly SIMD where the host runs it, else the same operations in TS, bit for bit);
 * float64 parameters in float64.
 */
export class Adam extends Optimizer<'adam' | 'adamw'> {
  private readonly m: Tensor[];
  private readonly v: Tensor[];
  private readonly vMax: Tensor[];
  /** float32 runs: the moments in WebAssembly memory and the SIMD update (wasm-adam.ts); else null. */
  private readonly simd: WasmAdam | null;
  /** Minimum parameter length updated by `simd` (0 when the SIMD backend is forced). */
  private readonly simdMinLength: number;
  /** The float32 scalars of the current step, reused so a step allocates nothing. */
  private readonly scalars = createAdamScalars();

  constructor(params: readonly Param[], options: OptimizerOptions<'adam'> | OptimizerOptions<'adamw'>) {
    super(params, options);
    const simd = createWasmAdam(params);
    this.simd = simd;
    this.simdMinLength = forcedKernelBackend() === 'wasm-simd' ? 0 : WASM_ADAM_MIN_LENGTH;
    this.m = simd ? this.registerState('expAvg', simd.m) : this.createState('expAvg');
    this.v = simd ? this.registerState('expAvgSq', simd.v) : this.createState('expAvgSq');
    this.vMax = simd ? this.registerState('maxExpAvgSq', simd.vMax) : this.createState('maxExpAvgSq');
  }

  protected update(i: number, w: Tensor, grad: Tensor): void {
    const m = this.m[i];
    const v = this.v[i];
    const vMax = this.vMax[i];
    if (w instanceof Float32Array) {
      // Every parameter shares one step's scalars; computing them per parameter is a few flops.
      const s = this.scalars;
      setAdamScalars(s, this.options, this.lr, this.t);
      if (this.simd && w.length >= this.simdMinLength) this.simd.update(i, w, grad as Float32Array, s);
      else updateAdamFloat32(w, grad as Float32Array, m as Float32Array, v as Float32Array, vMax as Float32Array, s);
      return;
    }
    const { beta1, beta2, eps, amsgrad, weightDecay } = this.options;
    const decoupled = this.options.type === 'adamw';
    const lr = this.lr;
    const t = this.t;
    const biasCorrection1 = 1 - beta1 ** t;
    const biasCorrection2Sqrt = Math.sqrt(1 - beta2 ** t);
    const stepSize = lr / biasCorrection1;
    for (let k = 0; k < w.length; k++) {
      let g = grad[k];
      if (decoupled) w[k] = w[k] * (1 - lr * weightDecay);
      else g += weightDecay * w[k];
      m[k] = m[k] + (g - m[k]) * (1 - beta1); // torch: exp_avg.lerp_(grad, 1 − β1)
      v[k] = v[k] * beta2 + (1 - beta2) * g * g;
      let second = v[k];
      if (amsgrad) {
        if (v[k] > vMax[k]) vMax[k] = v[k];
        second = vMax[k];
      }
      const denom = Math.sqrt(second) / biasCorrection2Sqrt + eps;
      w[k] = w[k] - (stepSize * m[k]) / denom;
    }
  }
}
