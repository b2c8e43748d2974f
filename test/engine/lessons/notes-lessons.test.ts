import { describe, expect, it } from 'vitest';
import { traceStep } from '../../../src-engine/inspect/step-trace';
import type { BackwardStage, ForwardStage, LossStage, StepTrace, TraceStage, UpdateStage } from '../../../src-engine/inspect/step-trace-types';
import { notes221LessonProject, notesLinearLessonProject } from '../../../src-engine/lessons';
import { createTrainingSession, type TrainingSession } from '../../../src-engine/training-session';

/**
 * Hand values of the notes' 2-2-1 example (002), sample (1, 1) → 1, derived from the notes'
 * formulas with a calculator (Python's float64):
 *   z_h = 0.3·1 + 0.2·1 = 0.4·1 + 0.1·1 = 0.5; h = σ(0.5) = 0.6224593312018546
 *   z_out = 0.1·h + 0.2·h = 0.1867377993605564; ŷ = σ(z_out) = 0.5465492600977258
 *   E = ½(1 − ŷ)² = 0.10280878675895999
 *   ∂E/∂ŷ = ŷ − y = −0.45345073990227425; ∂ŷ/∂z = ŷ(1 − ŷ) = 0.24783316638435426
 *   δ_out = −0.11238013266930888; ∂E/∂w2_11 = h·δ_out = −0.0699520622217137
 *   w2_11 = 0.1 − 0.01·(−0.0699520622217137) = 0.10069952062221714 (notes: 0.10069)
 *   ∂E/∂h₁ = w2_11·δ_out = −0.011238013266930889; δ_h1 = ∂E/∂h₁·h(1 − h) = −0.002640974835499527
 *   ∂E/∂w1_11 = x₁·δ_h1 = −0.002640974835499527; w1_11 = 0.300026409748355 (notes: 0.30026)
 */
const HAND = {
  z: 0.5,
  h: 0.6224593312018546,
  zOut: 0.1867377993605564,
  yHat: 0.5465492600977258,
  loss: 0.10280878675895999,
  dEdyHat: -0.45345073990227425,
  dyHatdz: 0.24783316638435426,
  deltaOut: -0.11238013266930888,
  dW2_11: -0.0699520622217137,
  w2_11: 0.10069952062221714,
  dEdh1: -0.011238013266930889,
  deltaH1: -0.002640974835499527,
  dW1_11: -0.002640974835499527,
  w1_11: 0.300026409748355,
};
/** Hand values and engine agree to float64 rounding (a few ulps of the largest term). */
const HAND_TOL = 1e-15;

function stageOf<K extends TraceStage['kind']>(t: StepTrace, kind: K, nodeId: string | null): Extract<TraceStage, { kind: K }> {
  const found = t.stages.find((s) => s.kind === kind && (nodeId === null || ('nodeId' in s && s.nodeId === nodeId)));
  if (!found) throw new Error(`no ${kind} stage for ${nodeId}`);
  return found as Extract<TraceStage, { kind: K }>;
}

function session(project: ReturnType<typeof notes221LessonProject>): TrainingSession {
  const created = createTrainingSession(project);
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

describe('the 2-2-1 lesson in Step mode', () => {
  const traced = traceStep(notes221LessonProject());
  if (!traced.ok) throw new Error(traced.error);
  const t = traced.trace;

  it('traces in float64, one sample, seven stages', () => {
    expect(t.precision).toBe('float64');
    expect(t.rows).toBe(1);
    expect(t.stages.map((s) => s.kind)).toEqual(['forward', 'forward', 'loss', 'backward', 'backward', 'update', 'update']);
  });

  it('forward: z and a of both layers equal the hand values', () => {
    const hidden = stageOf(t, 'forward', 'hidden') as ForwardStage;
    const output = stageOf(t, 'forward', 'output') as ForwardStage;
    expect(hidden.samples[0].z?.map((z) => Math.abs(z - HAND.z) < HAND_TOL)).toEqual([true, true]);
    expect(hidden.samples[0].a.map((a) => Math.abs(a - HAND.h) < HAND_TOL)).toEqual([true, true]);
    expect(Math.abs((output.samples[0].z?.[0] ?? NaN) - HAND.zOut)).toBeLessThan(HAND_TOL);
    expect(Math.abs(output.samples[0].a[0] - HAND.yHat)).toBeLessThan(HAND_TOL);
  });

  it('loss: E = ½(y − ŷ)² equals the hand value', () => {
    const loss = stageOf(t, 'loss', null) as LossStage;
    expect(Math.abs(loss.total - HAND.loss)).toBeLessThan(HAND_TOL);
    expect(loss.samples[0].targets).toEqual([1]);
  });

  it('backward: every chain-rule factor and gradient equals the hand value', () => {
    const output = stageOf(t, 'backward', 'output') as BackwardStage;
    const hidden = stageOf(t, 'backward', 'hidden') as BackwardStage;
    const out = output.samples[0];
    expect(Math.abs((out.dEda?.[0] ?? NaN) - HAND.dEdyHat)).toBeLessThan(HAND_TOL);
    expect(Math.abs((out.dadz?.[0] ?? NaN) - HAND.dyHatdz)).toBeLessThan(HAND_TOL);
    expect(Math.abs((out.delta?.[0] ?? NaN) - HAND.deltaOut)).toBeLessThan(HAND_TOL);
    expect(Math.abs((output.dWeights?.[0][0].value ?? NaN) - HAND.dW2_11)).toBeLessThan(HAND_TOL);
    expect(Math.abs((hidden.samples[0].dEda?.[0] ?? NaN) - HAND.dEdh1)).toBeLessThan(HAND_TOL);
    expect(Math.abs((hidden.samples[0].delta?.[0] ?? NaN) - HAND.deltaH1)).toBeLessThan(HAND_TOL);
    expect(Math.abs((hidden.dWeights?.[0][0].value ?? NaN) - HAND.dW1_11)).toBeLessThan(HAND_TOL);
  });

  it('update: w2_11 → 0.1006995 and w1_11 → 0.3000264, exactly the engine’s weights after the step', () => {
    const output = stageOf(t, 'update', 'output') as UpdateStage;
    const hidden = stageOf(t, 'update', 'hidden') as UpdateStage;
    const w2 = output.params.find((p) => p.role === 'weights' && p.row === 0 && p.col === 0);
    const w1 = hidden.params.find((p) => p.role === 'weights' && p.row === 0 && p.col === 0);
    expect(w2 && Math.abs(w2.new - HAND.w2_11)).toBeLessThan(HAND_TOL);
    expect(w1 && Math.abs(w1.new - HAND.w1_11)).toBeLessThan(HAND_TOL);
    expect(w2?.new.toFixed(7)).toBe('0.1006995');
    expect(w1?.new.toFixed(7)).toBe('0.3000264');
    // The trace's numbers are the engine's own: the session's weights after the step, bit for bit.
    const [hiddenLayer, outputLayer] = traced.session.snapshot();
    expect(outputLayer.weights[0]).toBe(w2?.new);
    expect(hiddenLayer.weights[0]).toBe(w1?.new);
    // And a session stepped without tracing lands on the same weights.
    const plain = session(notes221LessonProject());
    plain.trainStep();
    expect(Array.from(plain.snapshot()[0].weights)).toEqual(Array.from(hiddenLayer.weights));
  });
});

describe('the linear b1 lesson', () => {
  /** 002: b1 = 10 − 0.1·(4·10 − 10) = 7 on (2, 5); then 7 − 0.1·(7 − 2) = 6.5 on (1, 2). */
  it('goes 10 → 7 → 6.5 stochastically, as in the notes', () => {
    const first = traceStep(notesLinearLessonProject('stochastic'));
    if (!first.ok) throw new Error(first.error);
    const u1 = first.trace.stages.find((s): s is UpdateStage => s.kind === 'update');
    expect(u1?.params[0].old).toBe(10);
    expect(u1?.params[0].grad).toBeCloseTo(30, 12);
    expect(u1?.params[0].new).toBeCloseTo(7, 12);
    const second = traceStep(first.session);
    if (!second.ok) throw new Error(second.error);
    const u2 = second.trace.stages.find((s): s is UpdateStage => s.kind === 'update');
    expect(u2?.params[0].grad).toBeCloseTo(5, 12);
    expect(u2?.params[0].new).toBeCloseTo(6.5, 12);
  });

  /** Batch, η = 0.025: ∂E/∂b1 = Σ X(b1·X − y) = 10·30 − 54 = 246, so b1 = 10 − 6.15 = 3.85. */
  it('takes one summed step over all four samples in batch mode', () => {
    const s = session(notesLinearLessonProject('batch'));
    s.trainStep();
    expect(s.snapshot()[0].weights[0]).toBeCloseTo(3.85, 12);
  });

  /** Mini-batch of 2, η = 0.05: (2,5),(1,2) give 10·5 − 12 = 38, so b1 = 10 − 1.9 = 8.1. */
  it('takes two samples per step in mini-batch mode', () => {
    const s = session(notesLinearLessonProject('minibatch'));
    s.trainStep();
    expect(s.snapshot()[0].weights[0]).toBeCloseTo(8.1, 12);
  });
});
