/**
 * Loss functions over a batch of `rows` samples with `units` outputs each, value and
 * gradient side by side. Every loss but half_sse is averaged over the samples of the batch
 * (as Keras and PyTorch do), so the learning rate does not depend on the batch size:
 *
 * - mse:       (1/(rows·units)) Σ (ŷ − y)²                      (Keras `mse`, torch `MSELoss`)
 * - half_sse:  Σ_samples ½ Σ_outputs (y − ŷ)²                    (the notes' classic E = Σ_i E_i,
 *              E_i = ½(y_i − ŷ_i)²: SUMMED over the batch, as the notes' batch gradient descent
 *              does, so a batch step is the sum of the per-sample steps)
 * - mae:       (1/(rows·units)) Σ |ŷ − y|                       (subgradient 0 at ŷ = y, as torch)
 * - huber:     (1/(rows·units)) Σ h_δ(ŷ − y), h_δ(d) = ½d² if |d| ≤ δ else δ(|d| − ½δ)
 * - binary_crossentropy: computed from the sigmoid output's logits z:
 *              ℓ = max(z, 0) − z·y + log(1 + e^(−|z|)), dℓ/dz = σ(z) − y (torch
 *              `BCEWithLogitsLoss`); averaged over rows·units.
 * - categorical_crossentropy: computed from the softmax output's logits z:
 *              ℓ = Σ_j y_j (logΣ_k e^(z_k) − z_j), dℓ/dz_j = softmax_j·Σ_k y_k − y_j; averaged over rows.
 *
 * The two cross-entropies are fused with their activation (see `lossTakesLogits`) so that a
 * saturated sigmoid or softmax never produces log(0).
 */
import type { LossName } from './project';
import { sigmoid } from './activations';
import { assertNever, type Tensor } from './tensor';

/**
 * True when the loss is computed from the output layer's pre-activations z (logits) instead
 * of its activations, and its gradient is with respect to z.
 */
export function lossTakesLogits(loss: LossName): boolean {
  return loss === 'binary_crossentropy' || loss === 'categorical_crossentropy';
}

/** True for losses summed (not averaged) over the samples of a batch: half_sse. */
export function lossSumsOverBatch(loss: LossName): boolean {
  return loss === 'half_sse';
}

/**
 * The loss over the batch: the mean, or the sum where `lossSumsOverBatch(loss)`. `prediction` is `[rows][units]`: the activations ŷ, or the
 * logits z when `lossTakesLogits(loss)`. `targets` is `[rows][units]`. When `grad` is given,
 * writes the gradient of the returned value with respect to `prediction` into it; allocates
 * nothing. `huberDelta` is δ of the Huber loss. The batch starts at row `first` (default 0)
 * of all three arrays, so that a chunk can be scored in pieces without subarray views.
 */
export function computeLoss(
  loss: LossName,
  prediction: ArrayLike<number>,
  targets: ArrayLike<number>,
  grad: Tensor | null,
  rows: number,
  units: number,
  huberDelta = 1,
  first = 0,
): number {
  const n = rows * units;
  const b = first * units;
  let total = 0;
  switch (loss) {
    case 'mse': {
      const scale = 1 / n;
      for (let i = 0; i < n; i++) {
        const d = prediction[b + i] - targets[b + i];
        total += d * d;
        if (grad) grad[b + i] = 2 * d * scale;
      }
      return total * scale;
    }
    case 'half_sse': {
      const scale = 1;
      for (let i = 0; i < n; i++) {
        const d = prediction[b + i] - targets[b + i];
        total += 0.5 * d * d;
        if (grad) grad[b + i] = d * scale; // dE/dŷ = −(y − ŷ), the notes' ŷ − y
      }
      return total * scale;
    }
    case 'mae': {
      const scale = 1 / n;
      for (let i = 0; i < n; i++) {
        const d = prediction[b + i] - targets[b + i];
        total += Math.abs(d);
        if (grad) grad[b + i] = (d > 0 ? 1 : d < 0 ? -1 : 0) * scale;
      }
      return total * scale;
    }
    case 'huber': {
      const scale = 1 / n;
      const delta = huberDelta;
      for (let i = 0; i < n; i++) {
        const d = prediction[b + i] - targets[b + i];
        const ad = Math.abs(d);
        if (ad <= delta) {
          total += 0.5 * d * d;
          if (grad) grad[b + i] = d * scale;
        } else {
          total += delta * (ad - 0.5 * delta);
          if (grad) grad[b + i] = (d > 0 ? delta : -delta) * scale;
        }
      }
      return total * scale;
    }
    case 'binary_crossentropy': {
      const scale = 1 / n;
      for (let i = 0; i < n; i++) {
        const z = prediction[b + i];
        const y = targets[b + i];
        total += Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
        if (grad) grad[b + i] = (sigmoid(z) - y) * scale;
      }
      return total * scale;
    }
    case 'categorical_crossentropy': {
      const scale = 1 / rows;
      for (let r = 0; r < rows; r++) {
        const o = b + r * units;
        let max = -Infinity;
        for (let j = 0; j < units; j++) if (prediction[o + j] > max) max = prediction[o + j];
        let sumExp = 0;
        let sumY = 0;
        for (let j = 0; j < units; j++) {
          sumExp += Math.exp(prediction[o + j] - max);
          sumY += targets[o + j];
        }
        const logSumExp = max + Math.log(sumExp);
        for (let j = 0; j < units; j++) {
          total += targets[o + j] * (logSumExp - prediction[o + j]);
          if (grad) {
            const softmax = Math.exp(prediction[o + j] - logSumExp);
            grad[o + j] = (softmax * sumY - targets[o + j]) * scale;
          }
        }
      }
      return total * scale;
    }
    default:
      return assertNever(loss, 'loss');
  }
}
