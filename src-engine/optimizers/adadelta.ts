/** Adadelta (torch.optim.Adadelta). */
import type { Param } from '../layers/layer';
import type { Tensor } from '../tensor';
import { Optimizer, type OptimizerOptions } from './optimizer';

/** torch.optim.Adadelta; ε sits inside both roots, as in the notes and Zeiler (2012). */
export const ADADELTA_FORMULA = String.raw`\begin{aligned}
g_t &= \nabla_\theta E(\theta_{t-1}) + \lambda\,\theta_{t-1}\\
E[g^2]_t &= \rho\, E[g^2]_{t-1} + (1-\rho)\, g_t^2\\
\Delta\theta_t &= \frac{\sqrt{E[\Delta\theta^2]_{t-1} + \epsilon}}{\sqrt{E[g^2]_t + \epsilon}}\; g_t\\
E[\Delta\theta^2]_t &= \rho\, E[\Delta\theta^2]_{t-1} + (1-\rho)\, \Delta\theta_t^2\\
\theta_t &= \theta_{t-1} - \eta\, \Delta\theta_t \quad (\eta = 1 \text{ by default})
\end{aligned}`;

/** torch.optim.Adadelta. */
export class Adadelta extends Optimizer<'adadelta'> {
  private readonly squareAvg: Tensor[];
  private readonly accDelta: Tensor[];

  constructor(params: readonly Param[], options: OptimizerOptions<'adadelta'>) {
    super(params, options);
    this.squareAvg = this.createState('squareAvg');
    this.accDelta = this.createState('accDelta');
  }

  protected update(i: number, w: Tensor, grad: Tensor): void {
    const { rho, eps, weightDecay } = this.options;
    const lr = this.lr;
    const v = this.squareAvg[i];
    const u = this.accDelta[i];
    for (let k = 0; k < w.length; k++) {
      const g = grad[k] + weightDecay * w[k];
      v[k] = v[k] * rho + (1 - rho) * g * g;
      const std = Math.sqrt(v[k] + eps);
      const delta = (Math.sqrt(u[k] + eps) / std) * g;
      u[k] = u[k] * rho + (1 - rho) * delta * delta;
      w[k] = w[k] - lr * delta;
    }
  }
}
