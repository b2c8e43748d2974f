/** Adagrad (torch.optim.Adagrad). */
import type { Param } from '../layers/layer';
import type { Tensor } from '../tensor';
import { Optimizer, type OptimizerOptions } from './optimizer';

/** torch.optim.Adagrad. The notes write η/√(G_t + ε); torch uses η/(√G_t + ε). */
export const ADAGRAD_FORMULA = String.raw`\begin{aligned}
g_t &= \nabla_\theta E(\theta_{t-1}) + \lambda\,\theta_{t-1}, \qquad \tilde\eta_t = \frac{\eta}{1 + (t-1)\,\eta_{\text{decay}}}\\
G_t &= G_{t-1} + g_t^2 \quad (G_0 = \text{initial accumulator})\\
\theta_t &= \theta_{t-1} - \tilde\eta_t\,\frac{g_t}{\sqrt{G_t} + \epsilon} \quad (\text{the notes write } \sqrt{G_t + \epsilon})
\end{aligned}`;

/** torch.optim.Adagrad with lr_decay and initial_accumulator_value. */
export class Adagrad extends Optimizer<'adagrad'> {
  private readonly sum: Tensor[];

  constructor(params: readonly Param[], options: OptimizerOptions<'adagrad'>) {
    super(params, options);
    this.sum = this.createState('sum', options.initialAccumulatorValue);
  }

  protected update(i: number, w: Tensor, grad: Tensor): void {
    const { lrDecay, eps, weightDecay } = this.options;
    const clr = this.lr / (1 + (this.t - 1) * lrDecay);
    const sum = this.sum[i];
    for (let k = 0; k < w.length; k++) {
      const g = grad[k] + weightDecay * w[k];
      sum[k] = sum[k] + g * g;
      const std = Math.sqrt(sum[k]) + eps;
      w[k] = w[k] - (clr * g) / std;
    }
  }
}
