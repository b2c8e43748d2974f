/** Each loss as the formula the engine computes (losses.ts), in LaTeX, for the Step mode's loss stage. */
import type { LossName } from '../project';

/**
 * N samples in the batch, K outputs; ŷ the outputs, z the output logits. Every loss but
 * half_sse is averaged over the batch; half_sse is summed, as in the notes.
 */
export const LOSS_FORMULAS: Readonly<Record<LossName, string>> = {
  mse: String.raw`E = \frac{1}{NK}\sum_{i=1}^{N}\sum_{j=1}^{K} (\hat y_{ij} - y_{ij})^2`,
  half_sse: String.raw`E = \sum_{i=1}^{N} E_i, \qquad E_i = \tfrac12 \sum_{j=1}^{K} (y_{ij} - \hat y_{ij})^2`,
  mae: String.raw`E = \frac{1}{NK}\sum_{i=1}^{N}\sum_{j=1}^{K} \lvert \hat y_{ij} - y_{ij} \rvert`,
  huber: String.raw`E = \frac{1}{NK}\sum_{i,j} h_\delta(\hat y_{ij} - y_{ij}), \qquad h_\delta(d) = \begin{cases} \tfrac12 d^2 & \lvert d\rvert \le \delta \\ \delta(\lvert d\rvert - \tfrac12\delta) & \text{otherwise} \end{cases}`,
  binary_crossentropy: String.raw`E = -\frac{1}{NK}\sum_{i,j} \bigl[y_{ij}\log\sigma(z_{ij}) + (1 - y_{ij})\log(1 - \sigma(z_{ij}))\bigr], \qquad \frac{\partial E_{ij}}{\partial z_{ij}} = \sigma(z_{ij}) - y_{ij}`,
  categorical_crossentropy: String.raw`E = -\frac{1}{N}\sum_{i=1}^{N}\sum_{j=1}^{K} y_{ij}\log \operatorname{softmax}(z_i)_j, \qquad \frac{\partial E_i}{\partial z_{ij}} = \operatorname{softmax}(z_i)_j - y_{ij}`,
};
