/** NAdam (torch.optim.NAdam): Adam with Nesterov momentum and Dozat's momentum schedule. */
import type { Param } from '../layers/layer';
import type { Tensor } from '../tensor';
import { Optimizer, type OptimizerOptions } from './optimizer';

/** torch.optim.NAdam, ψ = momentum_decay; ε outside the root as in Adam. */
export const NADAM_FORMULA = String.raw`\begin{aligned}
g_t &= \nabla_\theta E(\theta_{t-1}) + \lambda\,\theta_{t-1}, \qquad \mu_t = \beta_1\bigl(1 - \tfrac12\, 0.96^{\,t\psi}\bigr)\\
m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t, \qquad v_t = \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2, \qquad \hat v_t = \frac{v_t}{1-\beta_2^t}\\
\theta_t &= \theta_{t-1} - \eta\,\frac{1-\mu_t}{1-\prod_{i\le t}\mu_i}\,\frac{g_t}{\sqrt{\hat v_t}+\epsilon} - \eta\,\frac{\mu_{t+1}}{1-\prod_{i\le t+1}\mu_i}\,\frac{m_t}{\sqrt{\hat v_t}+\epsilon}
\end{aligned}`;

/** torch.optim.NAdam (decoupled_weight_decay = False). */
export class NAdam extends Optimizer<'nadam'> {
  private readonly m: Tensor[];
  private readonly v: Tensor[];
  /** Π μ_i over the steps taken; torch keeps one per parameter, all equal. */
  private muProduct = 1;
  private muProductStep = 0;

  constructor(params: readonly Param[], options: OptimizerOptions<'nadam'>) {
    super(params, options);
    this.m = this.createState('expAvg');
    this.v = this.createState('expAvgSq');
  }

  protected override scalarState(): Record<string, number> {
    return { muProduct: this.muProduct, muProductStep: this.muProductStep };
  }

  protected override restoreScalars(scalars: Record<string, number>): void {
    this.muProduct = scalars.muProduct;
    this.muProductStep = scalars.muProductStep;
  }

  protected update(i: number, w: Tensor, grad: Tensor): void {
    const { beta1, beta2, eps, momentumDecay, weightDecay } = this.options;
    const lr = this.lr;
    const t = this.t;
    const biasCorrection2 = 1 - beta2 ** t;
    const mu = beta1 * (1 - 0.5 * 0.96 ** (t * momentumDecay));
    const muNext = beta1 * (1 - 0.5 * 0.96 ** ((t + 1) * momentumDecay));
    if (this.muProductStep !== t) {
      this.muProduct *= mu;
      this.muProductStep = t;
    }
    const muProductNext = this.muProduct * muNext;
    const gradScale = (-lr * (1 - mu)) / (1 - this.muProduct);
    const momentumScale = (-lr * muNext) / (1 - muProductNext);
    const m = this.m[i];
    const v = this.v[i];
    for (let k = 0; k < w.length; k++) {
      const g = grad[k] + weightDecay * w[k];
      m[k] = m[k] + (g - m[k]) * (1 - beta1);
      v[k] = v[k] * beta2 + (1 - beta2) * g * g;
      const denom = Math.sqrt(v[k] / biasCorrection2) + eps;
      w[k] = w[k] + (gradScale * g) / denom;
      w[k] = w[k] + (momentumScale * m[k]) / denom;
    }
  }
}
