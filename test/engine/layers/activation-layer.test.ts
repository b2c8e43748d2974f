import { describe, expect, it } from 'vitest';
import { ActivationLayer } from '../../../src-engine/layers/activation-layer';
import { fixedValues, maxGradientError } from '../helpers/gradient-check';

const REL_TOL = 1e-6;

describe('ActivationLayer', () => {
  for (const activation of ['softmax', 'gelu', 'elu'] as const) {
    it(`back-propagates ${activation} to its input as central differences say`, () => {
      const layer = new ActivationLayer('act', 3, activation, 0.7, 'float64', 2);
      const x = fixedValues(6, 4, -2, 2);
      const c = fixedValues(6, 5);
      const scalar = (): number => {
        const out = layer.forward(x, 2, true);
        let s = 0;
        for (let i = 0; i < 6; i++) s += c[i] * out[i];
        return s;
      };
      scalar();
      const dInput = Float64Array.from(layer.backward(Float64Array.from(c), 2, true) as Float64Array);
      expect(maxGradientError(scalar, x, dInput)).toBeLessThan(REL_TOL);
    });
  }
});
