/** RMSprop (torch.optim.RMSprop), plain or centered, with optional momentum. */
import type { Param } from '../layers/layer';
import type { Tensor } from '../tensor';
import { Optimizer, type OptimizerOptions } from './optimizer';

/** torch.optim.RMSprop. The notes write √(E[g²]_t + ε) with ρ; torch uses √v_t + ε with α. */
export const RMSPROP_FORMULA = String.raw`\begin{aligned}
g_t &= \nabla_\theta E(\theta_{t-1}) + \lambda\,\theta_{t-1}\\
v_t &= \alpha\, v_{t-1} + (1-\alpha)\, g_t^2\\
\tilde v_t &= \begin{cases} v_t - \bar g_t^{\,2},\ \ \bar g_t = \alpha \bar g_{t-1} + (1-\alpha) g_t & \text{centered}\\ v_t & \text{otherwise}\end{cases}\\
b_t &= \mu\, b_{t-1} + \frac{g_t}{\sqrt{\tilde v_t} + \epsilon}, \qquad \theta_t = \theta_{t-1} - \eta\, b_t \quad (\mu = 0:\ \theta_t = \theta_{t-1} - \eta\,\tfrac{g_t}{\sqrt{\tilde v_t} + \epsilon})
\end{aligned}`;

/** torch.optim.RMSprop. */
export class RmsProp extends Optimizer<'rmsprop'> {
  private readonly squareAvg: Tensor[];
  private readonly gradAvg: Tensor[];
  private readonly momentumBuffer: Tensor[];

  constructor(params: readonly Param[], options: OptimizerOptions<'rmsprop'>) {
    super(params, options);
    this.squareAvg = this.createState('squareAvg');
    this.gradAvg = this.createState('gradAvg');
    this.momentumBuffer = this.createState('momentumBuffer');
  }

  protected update(i: number, w: Tensor, grad: Tensor): void {
    const { alpha, eps, momentum, centered, weightDecay } = this.options;
    const lr = this.lr;
    const v = this.squareAvg[i];
    const gAvg = this.gradAvg[i];
    const buf = this.momentumBuffer[i];
    for (let k = 0; k < w.length; k++) {
      const g = grad[k] + weightDecay * w[k];
      v[k] = v[k] * alpha + (1 - alpha) * g * g;
      let avg: number;
      if (centered) {
        gAvg[k] = gAvg[k] + (g - gAvg[k]) * (1 - alpha); // torch: grad_avg.lerp_(grad, 1 − α)
        avg = Math.sqrt(v[k] - gAvg[k] * gAvg[k]) + eps;
      } else {
        avg = Math.sqrt(v[k]) + eps;
      }
      if (momentum > 0) {
        buf[k] = buf[k] * momentum + g / avg;
        w[k] = w[k] - lr * buf[k];
      } else {
        w[k] = w[k] - (lr * g) / avg;
      }
    }
  }
}
