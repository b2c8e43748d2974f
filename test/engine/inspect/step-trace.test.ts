import { describe, expect, it } from 'vitest';
import { traceStep } from '../../../src-engine/inspect/step-trace';
import type { BackwardStage, ForwardStage, GradientEntry, LossStage, StepTrace, UpdateStage } from '../../../src-engine/inspect/step-trace-types';
import { createTrainingSession, type TrainingSession } from '../../../src-engine/training-session';
import type { Project } from '../../../src-engine/project';
import { chainProject, notes221Project } from '../helpers/projects';

/** The notes print seven significant digits. */
const NOTES_TOL = 5e-8;
/** Regrouping the engine's own numbers (a sum of products in another order) differs by rounding only. */
const REGROUP_TOL = 1e-14;

function start(project: Project): TrainingSession {
  const created = createTrainingSession(project);
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

function trace(target: TrainingSession | Project): StepTrace {
  const r = traceStep(target);
  if (!r.ok) throw new Error(r.error);
  return r.trace;
}

function near(actual: number, expected: number, tol = NOTES_TOL): void {
  expect(Math.abs(actual - expected)).toBeLessThan(tol);
}

function stage<K extends StepTrace['stages'][number]['kind']>(t: StepTrace, kind: K, nodeId: string | null): Extract<StepTrace['stages'][number], { kind: K }> {
  const found = t.stages.find((s) => s.kind === kind && (nodeId === null || ('nodeId' in s && s.nodeId === nodeId)));
  if (!found) throw new Error(`no ${kind} stage for ${nodeId}`);
  return found as Extract<StepTrace['stages'][number], { kind: K }>;
}

/** Σ of a gradient entry's products plus its penalty part. */
function regrouped(e: GradientEntry): number {
  return e.terms.reduce((s, [a, b]) => s + a * b, 0) + e.penalty;
}

describe('traceStep on the notes’ 2-2-1 example (002), first SGD step on (1, 1) → 1', () => {
  const t = trace(notes221Project());
  const hiddenF = stage(t, 'forward', 'hidden') as ForwardStage;
  const outputF = stage(t, 'forward', 'output') as ForwardStage;
  const loss = stage(t, 'loss', null) as LossStage;
  const outputB = stage(t, 'backward', 'output') as BackwardStage;
  const hiddenB = stage(t, 'backward', 'hidden') as BackwardStage;
  const outputU = stage(t, 'update', 'output') as UpdateStage;
  const hiddenU = stage(t, 'update', 'hidden') as UpdateStage;

  it('lists forward, loss, backward from the output, then the updates from the output', () => {
    expect(t.stages.map((s) => `${s.kind}${'nodeId' in s ? ` ${s.nodeId}` : ''}`)).toEqual([
      'forward hidden', 'forward output', 'loss', 'backward output', 'backward hidden', 'update output', 'update hidden',
    ]);
    expect(t).toMatchObject({ step: 1, epoch: 1, rows: 1, sampleIndices: [0], precision: 'float64', clip: 'none', divergence: null });
  });

  it('substitutes the numbers into z = Σ w·x and a = σ(z) for each hidden unit', () => {
    const s = hiddenF.samples[0];
    expect(s.x).toEqual([1, 1]);
    expect(hiddenF.weights).toEqual([[0.3, 0.4], [0.2, 0.1]]); // W[in][out]
    // Z₁ = w₁₁·x₁ + w₂₁·x₂ = 0.3·1 + 0.2·1 = 0.5; Z₂ = 0.4·1 + 0.1·1 = 0.5
    expect(s.terms?.[0]).toEqual([[0.3, 1], [0.2, 1]]);
    expect(s.terms?.[1]).toEqual([[0.4, 1], [0.1, 1]]);
    near(s.z![0], 0.5, 1e-15);
    // h₁ = σ(0.5) = 1/(1 + e^−0.5) = 0.6224593312 (the notes print 0.6224593312018546)
    near(s.a[0], 0.6224593);
    expect(hiddenF.activation).toBe('sigmoid');
    expect(hiddenF.bias).toBeNull();
  });

  it('gives ŷ = 0.5465493 and E = ½(y − ŷ)² = 0.1028088 with its terms', () => {
    const s = outputF.samples[0];
    // Z_out = 0.1·h₁ + 0.2·h₂ = 0.3·0.6224593 = 0.1867378; ŷ = σ(0.1867378) = 0.5465493
    expect(s.terms?.[0].map(([w]) => w)).toEqual([0.1, 0.2]);
    near(s.z![0], 0.1867378);
    near(s.a[0], 0.5465493);
    // E = ½(1 − 0.5465493)² = ½·0.4534507² = 0.1028088
    expect(loss).toMatchObject({ loss: 'half_sse', reduction: 'sum', penalty: 0 });
    expect(loss.samples[0].targets).toEqual([1]);
    expect(loss.samples[0].logits).toBeNull();
    near(loss.samples[0].terms[0], 0.1028088);
    near(loss.dataLoss, 0.1028088);
    expect(loss.total).toBe(t.loss);
  });

  it('writes ∂E/∂w2_11 as the product h₁ · ŷ(1 − ŷ) · (ŷ − y) of its factors', () => {
    const s = outputB.samples[0];
    // ∂E/∂ŷ = ŷ − y = 0.5465493 − 1 = −0.4534507; ∂ŷ/∂z = ŷ(1 − ŷ) = 0.5465493·0.4534507 = 0.2478332
    near(s.dEda![0], -0.4534507);
    near(s.dadz![0], 0.2478332);
    // δ_out = 0.2478332·(−0.4534507) = −0.1123801
    near(s.delta![0], -0.1123801);
    const g = outputB.dWeights![0][0];
    // ∂E/∂w2_11 = h₁·δ_out = 0.6224593·(−0.1123801) = −0.0699521 (the notes' −0.0698 used ŷ ≈ 0.547)
    near(g.value, -0.0699521);
    expect(g.terms).toHaveLength(1);
    near(g.terms[0][0], 0.6224593);
    expect(g.terms[0][1]).toBe(s.delta![0]);
    expect(Math.abs(regrouped(g) - g.value)).toBeLessThan(REGROUP_TOL);
    expect(outputB.fused).toBe(false);
    expect(outputB.dBias).toBeNull();
  });

  it('writes ∂E/∂w1_11 as the chain x₁ · h₁(1 − h₁) · w2_11 · ŷ(1 − ŷ) · (ŷ − y)', () => {
    // ∂E/∂h₁ = w2_11·δ_out = 0.1·(−0.1123801) = −0.0112380, passed back from the output layer
    const dh1 = outputB.samples[0].dInput![0];
    expect(dh1.terms).toEqual([[0.1, outputB.samples[0].delta![0]]]);
    near(dh1.value, -0.0112380);
    const s = hiddenB.samples[0];
    expect(s.dEda![0]).toBe(dh1.value);
    // ∂h₁/∂z₁ = h₁(1 − h₁) = 0.6224593·0.3775407 = 0.2350037
    near(s.dadz![0], 0.2350037);
    // ∂E/∂w1_11 = 1·0.2350037·0.1·0.2478332·(−0.4534507) = −0.0026410
    const g = hiddenB.dWeights![0][0];
    near(g.value, -0.0026410);
    const chain = hiddenF.samples[0].x[0] * s.dadz![0] * outputF.weights![0][0] * outputB.samples[0].dadz![0] * outputB.samples[0].dEda![0];
    expect(Math.abs(chain - g.value)).toBeLessThan(REGROUP_TOL);
    expect(hiddenB.samples[0].dInput).toBeNull(); // nothing is back-propagated into the data
  });

  it('updates w_new = w − η·∂E/∂w: w2_11 → 0.1006995 and w1_11 → 0.3000264', () => {
    const w2 = outputU.params[0];
    // 0.1 − 0.01·(−0.0699521) = 0.1006995
    expect(w2).toMatchObject({ role: 'weights', row: 0, col: 0, old: 0.1, state: [] });
    near(w2.new, 0.1006995);
    expect(w2.grad).toBe(outputB.dWeights![0][0].value);
    // 0.3 − 0.01·(−0.0026410) = 0.3000264 (the notes print 0.30026, dropping a zero)
    const w1 = hiddenU.params[0];
    expect(w1.old).toBe(0.3);
    near(w1.new, 0.3000264);
    expect(outputU).toMatchObject({ optimizer: 'sgd', lr: 0.01, applied: true, scalars: [{ name: 't', before: 0, after: 1 }] });
    expect(hiddenU.params.map((p) => [p.row, p.col])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
  });

  it('is plain data that survives structured clone and JSON', () => {
    expect(structuredClone(t)).toEqual(t);
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });
});

describe('traceStep', () => {
  it('leaves the session exactly where an untraced step leaves it', () => {
    const traced = start(notes221Project({ shuffle: true, optimizer: { type: 'adam', lr: 0.05 } }));
    const plain = start(notes221Project({ shuffle: true, optimizer: { type: 'adam', lr: 0.05 } }));
    for (let i = 0; i < 5; i++) {
      expect(trace(traced).loss).toBe(plain.trainStep().point.loss);
      expect(traced.snapshot()).toEqual(plain.snapshot());
    }
    expect(traced.checkpoint()).toEqual(plain.checkpoint());
  });

  it('shows SGD momentum’s buffer b before and after: b₁ = g₁, then b = 0.9·b + g', () => {
    const session = start(notes221Project({ optimizer: { type: 'sgd', lr: 0.01, momentum: 0.9 } }));
    const first = stage(trace(session), 'update', 'output').params[0];
    // Step 1 is the plain SGD step (torch seeds b with g): b = −0.0699521, w2_11 → 0.1006995
    expect(first.state).toMatchObject([{ name: 'momentumBuffer', symbol: 'b', before: 0 }]);
    near(first.state[0].after, -0.0699521);
    near(first.new, 0.1006995);
    const second = stage(trace(session), 'update', 'output').params[0];
    expect(second.state[0].before).toBe(first.state[0].after);
    const b = second.state[0];
    expect(Math.abs(b.after - (0.9 * b.before + second.grad))).toBeLessThan(REGROUP_TOL);
    expect(Math.abs(second.new - (second.old - 0.01 * b.after))).toBeLessThan(REGROUP_TOL);
  });

  it('shows Adam’s running averages m and v and the step count', () => {
    const u = stage(trace(notes221Project({ optimizer: { type: 'adam', lr: 0.01 } })), 'update', 'output');
    const w2 = u.params[0];
    // g = −0.06995206222; m = 0.1·g = −0.006995206222; v = 0.001·g² = 4.893291009e-6
    expect(w2.state.map((s) => [s.name, s.symbol, s.before])).toEqual([['expAvg', 'm', 0], ['expAvgSq', 'v', 0]]);
    near(w2.state[0].after, -0.006995206222, 1e-12);
    near(w2.state[1].after, 4.893291009e-6, 1e-15);
    // m̂ = g, v̂ = g²: w = 0.1 − 0.01·g/(|g| + 1e-8) = 0.1 + 0.01·0.99999986 = 0.1099999986
    near(w2.new, 0.1099999986, 1e-10);
    expect(u.scalars).toEqual([{ name: 't', symbol: 't', before: 0, after: 1 }]);
  });

  it('sums a mini-batch: one product per sample in every gradient', () => {
    const t = trace(notes221Project({ batchMode: 'minibatch', batchSize: 2 }));
    expect(t.rows).toBe(2);
    const g = stage(t, 'backward', 'output').dWeights![0][0];
    expect(g.terms).toHaveLength(2);
    expect(Math.abs(regrouped(g) - g.value)).toBeLessThan(REGROUP_TOL);
    expect(stage(t, 'loss', null).samples).toHaveLength(2);
  });

  it('traces softmax with cross-entropy, biases, L2, an activation layer and dropout from the engine’s buffers', () => {
    const project = chainProject(
      [
        { id: 'h', type: 'dense', data: { units: 4, activation: 'linear', l2: 0.01 } },
        { id: 'act', type: 'activation', data: { activation: 'tanh' } },
        { id: 'drop', type: 'dropout', data: { rate: 0.5 } },
        { id: 'out', type: 'output', data: { units: 3, activation: 'softmax' } },
      ],
      { type: 'builtin', name: 'blobs', samples: 30, classes: 3 },
      { loss: 'categorical_crossentropy', batchMode: 'minibatch', batchSize: 3, precision: 'float64' },
    );
    const t = trace(project);
    const out = stage(t, 'backward', 'out');
    expect(out.fused).toBe(true);
    expect(out.samples[0].dEda).toBeNull();
    const loss = stage(t, 'loss', null);
    expect(loss.samples[0].logits).toHaveLength(3);
    // E_i = Σ_j y_j·(log Σ e^z − z_j): the per-output terms add up to the sample's loss
    for (const s of loss.samples) expect(Math.abs(s.terms.reduce((a, b) => a + b, 0) - s.value)).toBeLessThan(REGROUP_TOL);
    expect(Math.abs(loss.samples.reduce((a, s) => a + s.value, 0) / 3 - loss.dataLoss)).toBeLessThan(REGROUP_TOL);
    for (const s of t.stages) {
      if (s.kind === 'forward' && s.layer === 'dense') {
        s.samples.forEach((row) => row.terms!.forEach((terms, j) => {
          const z = terms.reduce((acc, [w, x]) => acc + w * x, s.bias ? s.bias[j] : 0);
          expect(Math.abs(z - row.z![j])).toBeLessThan(REGROUP_TOL);
        }));
      }
      if (s.kind === 'backward' && s.dWeights) {
        s.dWeights.flat().forEach((g) => expect(Math.abs(regrouped(g) - g.value)).toBeLessThan(REGROUP_TOL));
        s.dBias!.forEach((g) => expect(Math.abs(regrouped(g) - g.value)).toBeLessThan(REGROUP_TOL));
      }
      if (s.kind === 'backward' && s.layer !== 'dense') {
        // activation and dropout layers: ∂E/∂x = ∂E/∂a · ∂a/∂z, value by value
        s.samples.forEach((row) => row.dInput!.forEach((e, j) => expect(e.value).toBe(row.dEda![j] * row.dadz![j])));
      }
    }
    expect(stage(t, 'backward', 'h').dWeights!.flat().some((g) => g.penalty !== 0)).toBe(true);
    expect(stage(t, 'forward', 'drop').samples[0].mask).toHaveLength(4);
  });

  it('refuses a network too wide to show, without taking the step', () => {
    const project = notes221Project();
    for (const node of project.graph.nodes) {
      if (node.type === 'dense' || node.type === 'output') node.data.kernelInitializer = { type: 'glorot_uniform' };
      if (node.type === 'dense') node.data.units = 12;
    }
    const session = start(project);
    const r = traceStep(session);
    expect(r).toMatchObject({ ok: false, nodeId: 'hidden', error: expect.stringMatching(/up to 10 units a layer, but layer 'hidden' has 12/) });
    expect(session.step).toBe(0);
    expect(traceStep(session, { maxUnits: 12 }).ok).toBe(true);
  });

  it('refuses a batch too large to show', () => {
    const r = traceStep(notes221Project({ batchMode: 'batch' }), { maxRows: 1 });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/batches of up to 1 samples, but the next batch has 2/) });
  });
});
