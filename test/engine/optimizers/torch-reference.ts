/**
 * An independent, deliberately plain reference of torch.optim's update rules (PyTorch 2.x
 * documentation pseudocode, `maximize=False`, `foreach=False`), one scalar parameter at a
 * time. Written from the published algorithms, not from the engine's code.
 */
import type { OptimizerSpec } from '../../../src-engine/project';

/** Reference state for one scalar parameter. */
interface Scalar {
  theta: number;
  [key: string]: number;
}

/** Applies step t (1-based) of `spec` to every scalar with gradient grads[i]. Mutates `params`. */
export function referenceStep(spec: OptimizerSpec, params: Scalar[], grads: number[], t: number, lr = spec.lr): void {
  params.forEach((p, i) => {
    let g = grads[i];
    switch (spec.type) {
      case 'sgd': {
        if (spec.weightDecay !== 0) g = g + spec.weightDecay * p.theta;
        if (spec.momentum !== 0) {
          p.b = t > 1 ? spec.momentum * p.b + (1 - spec.dampening) * g : g;
          g = spec.nesterov ? g + spec.momentum * p.b : p.b;
        }
        p.theta = p.theta - lr * g;
        return;
      }
      case 'adagrad': {
        const clr = lr / (1 + (t - 1) * spec.lrDecay);
        if (spec.weightDecay !== 0) g = g + spec.weightDecay * p.theta;
        p.sum = (t === 1 ? spec.initialAccumulatorValue : p.sum) + g * g;
        p.theta = p.theta - clr * g / (Math.sqrt(p.sum) + spec.eps);
        return;
      }
      case 'rmsprop': {
        if (spec.weightDecay !== 0) g = g + spec.weightDecay * p.theta;
        const v = (t === 1 ? 0 : p.v) * spec.alpha + (1 - spec.alpha) * g * g;
        p.v = v;
        let vTilde = v;
        if (spec.centered) {
          p.gAvg = (t === 1 ? 0 : p.gAvg) * spec.alpha + (1 - spec.alpha) * g;
          vTilde = v - p.gAvg * p.gAvg;
        }
        if (spec.momentum > 0) {
          p.b = (t === 1 ? 0 : p.b) * spec.momentum + g / (Math.sqrt(vTilde) + spec.eps);
          p.theta = p.theta - lr * p.b;
        } else {
          p.theta = p.theta - lr * g / (Math.sqrt(vTilde) + spec.eps);
        }
        return;
      }
      case 'adadelta': {
        if (spec.weightDecay !== 0) g = g + spec.weightDecay * p.theta;
        p.v = (t === 1 ? 0 : p.v) * spec.rho + (1 - spec.rho) * g * g;
        const u = t === 1 ? 0 : p.u;
        const delta = (Math.sqrt(u + spec.eps) / Math.sqrt(p.v + spec.eps)) * g;
        p.u = u * spec.rho + (1 - spec.rho) * delta * delta;
        p.theta = p.theta - lr * delta;
        return;
      }
      case 'adam':
      case 'adamw': {
        if (spec.type === 'adamw') p.theta = p.theta * (1 - lr * spec.weightDecay);
        else if (spec.weightDecay !== 0) g = g + spec.weightDecay * p.theta;
        p.m = (t === 1 ? 0 : p.m) * spec.beta1 + (1 - spec.beta1) * g;
        p.v = (t === 1 ? 0 : p.v) * spec.beta2 + (1 - spec.beta2) * g * g;
        const mHat = p.m / (1 - spec.beta1 ** t);
        let vHat = p.v / (1 - spec.beta2 ** t);
        if (spec.amsgrad) {
          p.vMax = Math.max(t === 1 ? 0 : p.vMax, p.v);
          vHat = p.vMax / (1 - spec.beta2 ** t);
        }
        p.theta = p.theta - lr * mHat / (Math.sqrt(vHat) + spec.eps);
        return;
      }
      case 'nadam': {
        if (spec.weightDecay !== 0) g = g + spec.weightDecay * p.theta;
        const mu = spec.beta1 * (1 - 0.5 * 0.96 ** (t * spec.momentumDecay));
        const muNext = spec.beta1 * (1 - 0.5 * 0.96 ** ((t + 1) * spec.momentumDecay));
        p.muProduct = (t === 1 ? 1 : p.muProduct) * mu;
        p.m = (t === 1 ? 0 : p.m) * spec.beta1 + (1 - spec.beta1) * g;
        p.v = (t === 1 ? 0 : p.v) * spec.beta2 + (1 - spec.beta2) * g * g;
        const vHat = p.v / (1 - spec.beta2 ** t);
        const denom = Math.sqrt(vHat) + spec.eps;
        p.theta = p.theta - (lr * (1 - mu) / (1 - p.muProduct)) * g / denom - (lr * muNext / (1 - p.muProduct * muNext)) * p.m / denom;
        return;
      }
    }
  });
}
