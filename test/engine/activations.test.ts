import { describe, expect, it } from 'vitest';
import { activationBackward, activationForward, erf, normalCdf } from '../../src-engine/activations';
import { ACTIVATIONS } from '../../src-engine/project';
import { fixedValues, maxGradientError } from './helpers/gradient-check';

const REL_TOL = 1e-6;
const ABS_TOL = 1e-12;
const ROWS = 3;
const UNITS = 4;
const ALPHA = 0.2;

describe('activations', () => {
  for (const name of ACTIVATIONS) {
    it(`${name}: backward matches central differences`, () => {
      // Keep |z| ≥ 0.01 away from ReLU-type kinks so the difference quotient is smooth.
      const z = fixedValues(ROWS * UNITS, 7, -3, 3).map((v) => (Math.abs(v) < 0.01 ? 0.5 : v));
      const weights = fixedValues(ROWS * UNITS, 11); // L = Σ c·f(z), so dL/da = c
      const a = new Float64Array(ROWS * UNITS);
      const scalar = (): number => {
        activationForward(name, z, a, ROWS, UNITS, ALPHA);
        let s = 0;
        for (let i = 0; i < a.length; i++) s += weights[i] * a[i];
        return s;
      };
      scalar();
      const dZ = new Float64Array(ROWS * UNITS);
      activationBackward(name, z, a, weights, dZ, ROWS, UNITS, ALPHA);
      expect(maxGradientError(scalar, z, dZ)).toBeLessThan(REL_TOL);
    });
  }

  it('computes the notes’ sigmoid value σ(0.5) = 0.6224593312018546', () => {
    const a = new Float64Array(1);
    activationForward('sigmoid', [0.5], a, 1, 1, 0);
    expect(a[0]).toBeCloseTo(0.6224593312018546, 15);
  });

  it('keeps softmax finite for huge logits and makes each row sum to 1', () => {
    const a = new Float64Array(4);
    activationForward('softmax', [1000, 1001, -1000, 0], a, 2, 2, 0);
    expect(a[0] + a[1]).toBeCloseTo(1, 15);
    expect(a[2] + a[3]).toBeCloseTo(1, 15);
    // e^(−1)/(1 + e^(−1)) = 0.2689414213699951 for the first row.
    expect(a[0]).toBeCloseTo(0.2689414213699951, 15);
  });

  it('applies Leaky ReLU and ELU with their α', () => {
    const a = new Float64Array(2);
    activationForward('leaky_relu', [-2, 3], a, 1, 2, 0.1);
    expect(Array.from(a)).toEqual([-0.2, 3]); // αz for z < 0, z otherwise
    activationForward('elu', [-1, 3], a, 1, 2, 1);
    expect(a[0]).toBeCloseTo(Math.exp(-1) - 1, 15); // α(e^z − 1)
  });

  it('computes erf and Φ to double precision at known points', () => {
    // Reference values from Abramowitz & Stegun table 7.1 / standard normal tables.
    expect(Math.abs(erf(0.5) - 0.5204998778130465)).toBeLessThan(ABS_TOL);
    expect(Math.abs(erf(1) - 0.8427007929497149)).toBeLessThan(ABS_TOL);
    expect(Math.abs(erf(3.5) - 0.9999992569016276)).toBeLessThan(ABS_TOL);
    expect(Math.abs(normalCdf(-1.959963984540054) - 0.025)).toBeLessThan(ABS_TOL);
    expect(normalCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 9);
  });
});
