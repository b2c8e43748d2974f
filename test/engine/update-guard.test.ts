import { describe, expect, it } from 'vitest';
import { DenseLayer } from '../../src-engine/layers/dense';
import { updateRatio } from '../../src-engine/layer-metrics';
import { UpdateGuard } from '../../src-engine/update-guard';

function layer(): DenseLayer {
  const d = new DenseLayer({ nodeId: 'd', inputs: 2, units: 2, activation: 'linear', alpha: 0, useBias: true, l1: 0, l2: 0 }, 'float64', 1);
  d.weights.set([0.5, -1, 2, 0.25]);
  d.bias?.set([0.1, -0.1]);
  return d;
}

/** Stands in for an optimizer step: w ← w − 0.1·g. */
function step(d: DenseLayer): void {
  for (let k = 0; k < d.weights.length; k++) d.weights[k] -= 0.1 * d.dWeights[k];
}

describe('UpdateGuard', () => {
  it('reports gradient statistics only once a step is kept, and finds non-finite gradients', () => {
    const d = layer();
    const guard = new UpdateGuard(d.params(), [d]);
    d.dWeights.set([3, 0, 0, 4]);
    expect(guard.measureGradients()).toBe(true);
    expect(guard.layerStats(0).gradNorm).toBe(0); // not kept yet
    guard.keepGradientStats();
    expect(guard.layerStats(0)).toEqual({ gradNorm: 5, meanAbsGrad: 7 / 6 });
    d.dBias[1] = NaN;
    expect(guard.measureGradients()).toBe(false);
    expect(guard.layerStats(0).gradNorm).toBe(5);
  });

  it('gives the last applied update’s ratio, also after an overflowing update was undone', () => {
    const d = layer();
    const guard = new UpdateGuard(d.params(), [d]);
    expect(guard.layerStats(0).updateRatio).toBeUndefined();
    const before = Float64Array.from(d.weights);
    d.dWeights.set([1, 2, 3, 4]);
    guard.backUp();
    step(d);
    expect(guard.updateFinite()).toBe(true);
    const after = Float64Array.from(d.weights);
    const ratio = updateRatio(before, after);
    expect(guard.layerStats(0).updateRatio).toBe(ratio);

    guard.backUp();
    d.weights[2] = Infinity;
    expect(guard.updateFinite()).toBe(false);
    guard.restore();
    expect(Array.from(d.weights)).toEqual(Array.from(after));
    expect(guard.layerStats(0).updateRatio).toBe(ratio);

    // The next applied update replaces it.
    guard.backUp();
    step(d);
    expect(guard.updateFinite()).toBe(true);
    expect(guard.layerStats(0).updateRatio).toBe(updateRatio(after, d.weights));
  });
});
