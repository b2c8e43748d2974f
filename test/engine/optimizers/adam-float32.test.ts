import { afterEach, describe, expect, it } from 'vitest';
import { Adam } from '../../../src-engine/optimizers/adam';
import { optimizerSchema } from '../../../src-engine/project';
import { createRng } from '../../../src-engine/rng';
import { forceKernelBackend } from '../../../src-engine/wasm-host';
import { referenceStep } from './torch-reference';

/**
 * float32 Adam against torch's rule in float64. Each step rounds about a dozen float32
 * operations (relative error 2⁻²⁴ ≈ 6e-8 each) and the stored θ (|θ| < 2: half an ulp,
 * 1.2e-7); the update lr·m̂/(√v̂ + ε) is at most ~lr·3 here, so its rounding adds ≲ 2e-7 per
 * step. Over 20 steps that bounds the drift by ~7e-6; observed it stays below 1e-6.
 */
const FLOAT32_TOL = 7e-6;
const STEPS = 20;
/** Parameter length: five 4-lane passes and a tail of 3 on the SIMD path. */
const LENGTH = 23;

/** Gradient of element k at step t (1-based): magnitudes from 1e-3 to 1, shrinking late so AMSGrad's maximum matters. */
function gradients(t: number): number[] {
  const rng = createRng(100 + t);
  return Array.from({ length: LENGTH }, () => Math.fround((2 * rng.next() - 1) * 10 ** (-3 * rng.next()) * (t > 12 ? 0.05 : 1)));
}

/** Runs `STEPS` steps of the engine's float32 Adam and of the float64 reference from the same θ and gradients. */
function compare(raw: Record<string, unknown>): { engine: Float32Array; reference: number[]; start: Float32Array } {
  const spec = optimizerSchema.parse(raw);
  if (spec.type !== 'adam' && spec.type !== 'adamw') throw new Error('Adam specs only');
  const rng = createRng(7);
  const start = Float32Array.from({ length: LENGTH }, () => 2 * rng.next() - 1);
  const value = Float32Array.from(start);
  const grad = new Float32Array(LENGTH);
  const adam = new Adam([{ nodeId: 'n', role: 'weights', value, grad }], spec);
  const ref = Array.from(start, (theta) => ({ theta }));
  for (let t = 1; t <= STEPS; t++) {
    const g = gradients(t);
    grad.set(g);
    adam.step();
    referenceStep(spec, ref, g, t);
  }
  return { engine: value, reference: ref.map((r) => r.theta), start };
}

afterEach(() => forceKernelBackend(null));

const VARIANTS: Record<string, unknown>[] = [
  { type: 'adam', lr: 0.1 },
  { type: 'adam', lr: 0.1, amsgrad: true, weightDecay: 0.01 },
  { type: 'adamw', lr: 0.1 },
  { type: 'adamw', lr: 0.1, amsgrad: true, weightDecay: 0.1, beta1: 0.8, beta2: 0.99 },
];

describe('float32 Adam', () => {
  for (const backend of ['wasm-simd', 'ts'] as const) {
    for (const variant of VARIANTS) {
      it(`${JSON.stringify(variant)} on ${backend} follows torch.optim's rule to float32 rounding for ${STEPS} steps`, () => {
        forceKernelBackend(backend);
        const { engine, reference, start } = compare(variant);
        for (let k = 0; k < LENGTH; k++) {
          expect(Math.abs(engine[k] - reference[k])).toBeLessThan(FLOAT32_TOL);
          // Every element moved by far more than the tolerance, so the comparison compared updates.
          expect(Math.abs(engine[k] - start[k])).toBeGreaterThan(100 * FLOAT32_TOL);
        }
      });
    }
  }
});
