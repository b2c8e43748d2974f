import { describe, expect, it } from 'vitest';
import { clipGradients, globalGradNorm } from '../../src-engine/gradient-clipping';
import type { Param } from '../../src-engine/layers/layer';

const EXACT = 1e-15;

function params(a: number[], b: number[]): Param[] {
  return [
    { nodeId: 'a', role: 'weights', value: new Float64Array(a.length), grad: Float64Array.from(a) },
    { nodeId: 'a', role: 'bias', value: new Float64Array(b.length), grad: Float64Array.from(b) },
  ];
}

describe('clipGradients', () => {
  it('clips gradients by global norm over all parameters', () => {
    const p = params([3], [4]); // ‖g‖ = 5
    expect(clipGradients(p, { type: 'norm', maxNorm: 1 })).toBe(5);
    // torch: g·maxNorm/(‖g‖ + 1e-6) = (3, 4)/5.000001
    expect(Math.abs(p[0].grad[0] - 3 / 5.000001)).toBeLessThan(EXACT);
    expect(Math.abs(p[1].grad[0] - 4 / 5.000001)).toBeLessThan(EXACT);
  });

  it('leaves gradients below the norm limit unchanged', () => {
    const p = params([0.3], [0.4]);
    clipGradients(p, { type: 'norm', maxNorm: 1 });
    expect([p[0].grad[0], p[1].grad[0]]).toEqual([0.3, 0.4]);
  });

  it('clips gradients by value component-wise', () => {
    const p = params([-3, 0.5], [2]);
    clipGradients(p, { type: 'value', clipValue: 1 });
    expect([...p[0].grad, ...p[1].grad]).toEqual([-1, 0.5, 1]);
  });

  it('measures the global norm √(Σ g²)', () => {
    expect(globalGradNorm(params([1, 2], [2]))).toBe(3);
  });
});
