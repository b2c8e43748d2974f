/** Stochastic gradient descent with optional momentum, dampening, Nesterov and weight decay (torch.optim.SGD). */
import type { Param } from '../layers/layer';
import type { Tensor } from '../tensor';
import { Optimizer, type OptimizerOptions } from './optimizer';

/**
 * torch.optim.SGD. The notes write momentum as v_t = γv_{t−1} + η∇E, θ −= v_t (η inside the
 * buffer); torch keeps η outside, which is the same for a constant η and differs only when
 * the learning rate changes.
 */
export const SGD_FORMULA = String.raw`\begin{aligned}
g_t &= \nabla_\theta E(\theta_{t-1}) + \lambda\,\theta_{t-1}\\
b_t &= \mu\, b_{t-1} + (1-\tau)\, g_t \quad (b_1 = g_1)\\
\theta_t &= \theta_{t-1} - \eta\,\begin{cases} g_t + \mu\, b_t & \text{Nesterov}\\ b_t & \text{otherwise}\end{cases}
\end{aligned}`;

/** torch.optim.SGD: plain (momentum 0), heavy-ball momentum, or Nesterov momentum. */
export class Sgd extends Optimizer<'sgd'> {
  private readonly momentumBuffer: Tensor[];
  /** torch creates the buffer at the first step that uses momentum and seeds it with g. */
  private readonly hasBuffer: boolean[];

  constructor(params: readonly Param[], options: OptimizerOptions<'sgd'>) {
    super(params, options);
    this.momentumBuffer = this.createState('momentumBuffer');
    this.hasBuffer = params.map(() => false);
  }

  /** 1 once momentum steps have begun (every parameter starts its buffer at the same step), else 0. */
  protected override scalarState(): Record<string, number> {
    return { momentumStarted: this.hasBuffer.every((h) => h) && this.hasBuffer.length > 0 ? 1 : 0 };
  }

  protected override restoreScalars(scalars: Record<string, number>): void {
    this.hasBuffer.fill(scalars.momentumStarted === 1);
  }

  protected update(i: number, w: Tensor, grad: Tensor): void {
    const { momentum, dampening, nesterov, weightDecay } = this.options;
    const lr = this.lr;
    const buf = this.momentumBuffer[i];
    const first = !this.hasBuffer[i];
    if (momentum !== 0) this.hasBuffer[i] = true;
    for (let k = 0; k < w.length; k++) {
      let g = grad[k] + weightDecay * w[k];
      if (momentum !== 0) {
        buf[k] = first ? g : momentum * buf[k] + (1 - dampening) * g;
        g = nesterov ? g + momentum * buf[k] : buf[k];
      }
      w[k] = w[k] - lr * g;
    }
  }
}
