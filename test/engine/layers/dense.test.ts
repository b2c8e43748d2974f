import { describe, expect, it } from 'vitest';
import { DenseLayer } from '../../../src-engine/layers/dense';
import { fixedValues, maxGradientError } from '../helpers/gradient-check';

const REL_TOL = 1e-6;
const ROWS = 4;
const INPUTS = 3;
const UNITS = 2;

function makeLayer(useBias: boolean, l1 = 0, l2 = 0): DenseLayer {
  const layer = new DenseLayer({ nodeId: 'd', inputs: INPUTS, units: UNITS, activation: 'tanh', alpha: 0, useBias, l1, l2 }, 'float64', ROWS);
  layer.weights.set(fixedValues(INPUTS * UNITS, 3));
  if (layer.bias) layer.bias.set(fixedValues(UNITS, 4));
  return layer;
}

/** L = Σ c·a + penalty, a scalar whose gradient the layer computes with dA = c. */
function setup(useBias: boolean, l1 = 0, l2 = 0) {
  const layer = makeLayer(useBias, l1, l2);
  const x = fixedValues(ROWS * INPUTS, 5);
  const c = fixedValues(ROWS * UNITS, 6);
  const scalar = (): number => {
    const a = layer.forward(x, ROWS, true);
    let s = layer.penalty();
    for (let i = 0; i < ROWS * UNITS; i++) s += c[i] * a[i];
    return s;
  };
  scalar();
  const dInput = layer.backward(Float64Array.from(c), ROWS, true) as Float64Array;
  layer.addPenaltyGradient();
  return { layer, x, scalar, dInput: Float64Array.from(dInput) };
}

describe('DenseLayer', () => {
  for (const useBias of [true, false]) {
    it(`back-propagates to weights${useBias ? ', bias' : ''} and inputs as central differences say`, () => {
      const { layer, x, scalar, dInput } = setup(useBias);
      expect(maxGradientError(scalar, layer.weights, layer.dWeights)).toBeLessThan(REL_TOL);
      if (layer.bias) expect(maxGradientError(scalar, layer.bias, layer.dBias)).toBeLessThan(REL_TOL);
      expect(maxGradientError(scalar, x, dInput)).toBeLessThan(REL_TOL);
    });
  }

  it('adds the L1 and L2 penalty gradients that central differences predict', () => {
    const { layer, scalar } = setup(true, 0.03, 0.2);
    expect(maxGradientError(scalar, layer.weights, layer.dWeights)).toBeLessThan(REL_TOL);
  });

  it('computes z = x·W + b with W stored [inputs][units]', () => {
    const layer = new DenseLayer({ nodeId: 'd', inputs: 2, units: 2, activation: 'linear', alpha: 0, useBias: true, l1: 0, l2: 0 }, 'float64', 1);
    layer.weights.set([0.3, 0.4, 0.2, 0.1]); // W[0] = (0.3, 0.4), W[1] = (0.2, 0.1)
    (layer.bias as Float64Array).set([1, 2]);
    const a = layer.forward(Float64Array.from([1, 2]), 1, false);
    // z₁ = 1·0.3 + 2·0.2 + 1 = 1.7; z₂ = 1·0.4 + 2·0.1 + 2 = 2.6
    expect(a[0]).toBeCloseTo(1.7, 15);
    expect(a[1]).toBeCloseTo(2.6, 15);
  });
});
