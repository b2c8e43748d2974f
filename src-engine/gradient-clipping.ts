/** Gradient clipping over all parameters, applied after back-propagation and before the optimizer step. */
import type { TrainingSettings } from './project';
import type { Param } from './layers/layer';
import { assertNever } from './tensor';

/** torch.nn.utils.clip_grad_norm_'s guard against division by zero. */
const NORM_EPS = 1e-6;

/** The global L2 norm √(Σ g²) over every parameter's gradient. */
export function globalGradNorm(params: readonly Param[]): number {
  let s = 0;
  for (const p of params) for (let k = 0; k < p.grad.length; k++) s += p.grad[k] * p.grad[k];
  return Math.sqrt(s);
}

/**
 * Clips the gradients in place. 'norm': torch `clip_grad_norm_`: when the global norm ‖g‖
 * exceeds maxNorm, every gradient is scaled by maxNorm/(‖g‖ + 1e-6). 'value': torch
 * `clip_grad_value_`: each component clamped to [−clipValue, clipValue]. Mutates the
 * gradients; returns the global norm before clipping.
 */
export function clipGradients(params: readonly Param[], clip: TrainingSettings['clip']): number {
  const norm = globalGradNorm(params);
  switch (clip.type) {
    case 'none':
      return norm;
    case 'norm': {
      const coef = clip.maxNorm / (norm + NORM_EPS);
      if (coef < 1) for (const p of params) for (let k = 0; k < p.grad.length; k++) p.grad[k] *= coef;
      return norm;
    }
    case 'value': {
      const c = clip.clipValue;
      for (const p of params) {
        for (let k = 0; k < p.grad.length; k++) {
          if (p.grad[k] > c) p.grad[k] = c;
          else if (p.grad[k] < -c) p.grad[k] = -c;
        }
      }
      return norm;
    }
    default:
      return assertNever(clip, 'clip setting');
  }
}
