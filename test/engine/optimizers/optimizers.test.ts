import { describe, expect, it } from 'vitest';
import type { Param } from '../../../src-engine/layers/layer';
import { createOptimizer, OPTIMIZER_FORMULAS } from '../../../src-engine/optimizers';
import { optimizerSchema, type OptimizerSpec } from '../../../src-engine/project';
import { referenceStep } from './torch-reference';

/** Agreement with the reference: both run in float64, only rounding order differs. */
const REF_TOL = 1e-12;
/** Hand-computed literals are written to about 12 significant digits. */
const LITERAL_TOL = 1e-11;
const STEPS = 6;

/** A tiny net ŷ = w·x + b with ½·mean squared error on three fixed points. */
const XS = [0.5, -1, 2];
const YS = [1, 0, -1];
function gradients(w: number, b: number): [number, number] {
  let dw = 0;
  let db = 0;
  for (let i = 0; i < XS.length; i++) {
    const err = w * XS[i] + b - YS[i]; // dE_i/dŷ = ŷ − y
    dw += (err * XS[i]) / XS.length;
    db += err / XS.length;
  }
  return [dw, db];
}

function param(value: number, role: 'weights' | 'bias'): Param {
  return { nodeId: 'n', role, value: Float64Array.of(value), grad: new Float64Array(1) };
}

/** Runs `steps` steps of the engine's optimizer and of the reference on the tiny net. */
function compare(raw: Record<string, unknown>, steps = STEPS): { engine: number[]; reference: number[] } {
  const spec: OptimizerSpec = optimizerSchema.parse(raw);
  const params = [param(0.3, 'weights'), param(-0.2, 'bias')];
  const optimizer = createOptimizer(spec, params);
  const ref = [{ theta: 0.3 }, { theta: -0.2 }];
  for (let t = 1; t <= steps; t++) {
    const g = gradients(params[0].value[0], params[1].value[0]);
    params[0].grad[0] = g[0];
    params[1].grad[0] = g[1];
    optimizer.step();
    referenceStep(spec, ref, gradients(ref[0].theta, ref[1].theta), t);
  }
  return { engine: params.map((p) => p.value[0]), reference: ref.map((r) => r.theta) };
}

/** One step from θ = 1 with a constant gradient g = 2. */
function oneStep(raw: Record<string, unknown>, steps = 1): number {
  const p = param(1, 'weights');
  const optimizer = createOptimizer(optimizerSchema.parse(raw), [p]);
  for (let i = 0; i < steps; i++) {
    p.grad[0] = 2;
    optimizer.step();
  }
  return p.value[0];
}

const VARIANTS: Record<string, unknown>[] = [
  { type: 'sgd', lr: 0.1 },
  { type: 'sgd', lr: 0.1, momentum: 0.9 },
  { type: 'sgd', lr: 0.1, momentum: 0.9, dampening: 0.5, weightDecay: 0.01 },
  { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true },
  { type: 'adagrad', lr: 0.1 },
  { type: 'adagrad', lr: 0.1, lrDecay: 0.1, initialAccumulatorValue: 0.5, weightDecay: 0.01 },
  { type: 'rmsprop', lr: 0.01 },
  { type: 'rmsprop', lr: 0.01, momentum: 0.8, centered: true, weightDecay: 0.01 },
  { type: 'adadelta' },
  { type: 'adadelta', lr: 0.5, rho: 0.8, weightDecay: 0.01 },
  { type: 'adam', lr: 0.1 },
  { type: 'adam', lr: 0.1, amsgrad: true, weightDecay: 0.01 },
  { type: 'adamw', lr: 0.1 },
  { type: 'adamw', lr: 0.1, amsgrad: true, weightDecay: 0.1 },
  { type: 'nadam', lr: 0.1 },
  { type: 'nadam', lr: 0.1, weightDecay: 0.01, momentumDecay: 0.01 },
];

describe('optimizers', () => {
  for (const variant of VARIANTS) {
    it(`${JSON.stringify(variant)} follows torch.optim's update rule for ${STEPS} steps`, () => {
      const { engine, reference } = compare(variant);
      for (let i = 0; i < engine.length; i++) expect(Math.abs(engine[i] - reference[i])).toBeLessThan(REF_TOL);
      expect(engine[0]).not.toBe(0.3); // the parameters moved
    });
  }

  it('takes the hand-computed first SGD steps', () => {
    // θ = 1 − 0.1·2 = 0.8
    expect(oneStep({ type: 'sgd', lr: 0.1 })).toBeCloseTo(0.8, 15);
    // weight decay: g = 2 + 0.1·1 = 2.1 → 1 − 0.21 = 0.79
    expect(oneStep({ type: 'sgd', lr: 0.1, weightDecay: 0.1 })).toBeCloseTo(0.79, 15);
    // momentum: b₁ = 2 → 0.8; b₂ = 0.9·2 + 2 = 3.8 → 0.8 − 0.38 = 0.42
    expect(oneStep({ type: 'sgd', lr: 0.1, momentum: 0.9 }, 2)).toBeCloseTo(0.42, 15);
    // Nesterov: b₁ = 2, step uses g + μb = 2 + 1.8 = 3.8 → 1 − 0.38 = 0.62
    expect(oneStep({ type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true })).toBeCloseTo(0.62, 15);
  });

  it('takes the hand-computed first Adam and AdamW steps', () => {
    // m = 0.1·2 = 0.2, v = 0.001·4 = 0.004; m̂ = 0.2/0.1 = 2, v̂ = 0.004/0.001 = 4;
    // θ = 1 − 0.1·2/(√4 + 1e-8) = 1 − 0.2/2.00000001 = 0.9000000005 (to 10 digits after the point)
    expect(Math.abs(oneStep({ type: 'adam', lr: 0.1 }) - 0.9000000005)).toBeLessThan(LITERAL_TOL);
    // AdamW: θ' = 1·(1 − 0.1·0.01) = 0.999, then the same Adam step → 0.8990000005
    expect(Math.abs(oneStep({ type: 'adamw', lr: 0.1, weightDecay: 0.01 }) - 0.8990000005)).toBeLessThan(LITERAL_TOL);
  });

  it('takes the hand-computed first Adagrad and RMSprop steps', () => {
    // Adagrad: G = 4, θ = 1 − 0.1·2/(2 + 1e-10) = 0.900000000005
    expect(Math.abs(oneStep({ type: 'adagrad', lr: 0.1 }) - 0.900000000005)).toBeLessThan(LITERAL_TOL);
    // RMSprop: v = 0.01·4 = 0.04, √v = 0.2; θ = 1 − 0.01·2/(0.2 + 1e-8) = 1 − 0.0999999950000002 = 0.900000005
    expect(Math.abs(oneStep({ type: 'rmsprop', lr: 0.01 }) - 0.900000005)).toBeLessThan(LITERAL_TOL);
  });

  it('takes the hand-computed first Adadelta step', () => {
    // E[g²] = 0.1·4 = 0.4; Δθ = √(0 + 1e-6)/√(0.4 + 1e-6)·2 = 0.001·2/0.6324563225 = 0.0031622737;
    // θ = 1 − 1·0.0031622737 = 0.9968377263
    expect(Math.abs(oneStep({ type: 'adadelta' }) - 0.9968377263)).toBeLessThan(1e-10);
  });

  it('takes the hand-computed first NAdam step', () => {
    // 0.96^0.004 = e^(0.004·ln 0.96) = 0.9998367254, 0.96^0.008 = 0.9996734774;
    // μ₁ = 0.9(1 − ½·0.9998367254) = 0.4500734736, μ₂ = 0.9(1 − ½·0.9996734774) = 0.4501469352;
    // m = 0.2, v̂ = 4, denominator 2 + 1e-8.
    // θ = 1 − 0.1·(1 − μ₁)/(1 − μ₁)·2/2.00000001 − 0.1·μ₂/(1 − μ₁μ₂)·0.2/2.00000001
    //   = 1 − 0.0999999995 − 0.1·0.4501469352·0.1/(1 − 0.2025991947)·(1 − 5e-9)
    //   = 1 − 0.0999999995 − 0.0056451778 = 0.8943548227
    expect(Math.abs(oneStep({ type: 'nadam', lr: 0.1 }) - 0.8943548227)).toBeLessThan(1e-10);
  });

  it('keeps its state when reconfigured with the same type', () => {
    const p = param(1, 'weights');
    const optimizer = createOptimizer(optimizerSchema.parse({ type: 'sgd', lr: 0.1, momentum: 0.9 }), [p]);
    p.grad[0] = 2;
    optimizer.step();
    optimizer.configure(optimizerSchema.parse({ type: 'sgd', lr: 0.05, momentum: 0.9 }) as never);
    optimizer.step();
    // b₂ = 0.9·2 + 2 = 3.8 with the kept buffer; θ = 0.8 − 0.05·3.8 = 0.61
    expect(p.value[0]).toBeCloseTo(0.61, 15);
  });

  it('has a formula for every optimizer and says where the notes put ε', () => {
    for (const type of ['sgd', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamw', 'nadam'] as const) {
      expect(OPTIMIZER_FORMULAS[type].length).toBeGreaterThan(20);
    }
    expect(OPTIMIZER_FORMULAS.adam).toMatch(/notes write/);
  });
});
