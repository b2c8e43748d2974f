/**
 * Step mode's formulas: one stage of a StepTrace turned into sections of lines, each a
 * LaTeX formula with the engine's numbers substituted and the line's result as plain text.
 * Nothing is computed here: every number is read from the trace (the engine's own float64
 * values), only formatted. Symbols follow the notes: layer L = chain position + 1, so the
 * 2-2-1 example's output weights are w^{(2)}_{i,j}; indices are 1-based.
 */
import { LOSS_FORMULAS } from '../../src-engine/inspect/loss-formulas';
import type { BackwardStage, ForwardStage, GradientEntry, LossStage, StepTrace, TraceStage, UpdateStage } from '../../src-engine/inspect/step-trace-types';
import type { GradientTarget } from '../../src-engine/inspect/gradient-check';
import { OPTIMIZER_FORMULAS } from '../../src-engine/optimizers';
import { plainNumber, texActivation, texFactor, texNumber } from './tex';

/** A unit of chain layer `layer` (−1: the inputs). */
export interface UnitRef {
  layer: number;
  unit: number;
}

/** Weight W[row][col] of chain layer `layer`. */
export interface WeightRef {
  layer: number;
  row: number;
  col: number;
}

/** What a line or stage is about, for highlighting in the network diagram. */
export interface Focus {
  units: UnitRef[];
  weights: WeightRef[];
}

/** One formula with its result. */
export interface FormulaLine {
  /** Stable plain name, e.g. 'z1_1', 'w2_1_1' (1-based); test ids are `value-<name>`. */
  name: string;
  tex: string;
  /** The engine's value the line ends in (null for a rule without numbers). */
  value: number | null;
  /** `value` formatted with the chosen decimals. */
  plain: string | null;
  focus: Focus;
  /** The parameter the line updates (update stages), for the gradient check of one weight. */
  param?: GradientTarget;
}

/** Section headings; each is an i18n key under `step.` (e.g. step.weightedSums). */
export const SECTION_TITLES = [
  'weightedSums',
  'activations',
  'dropoutMask',
  'lossFormula',
  'sampleLosses',
  'totalLoss',
  'deltas',
  'weightGradients',
  'biasGradients',
  'passBack',
  'elementwise',
  'updateRule',
  'weightUpdates',
  'biasUpdates',
] as const;
export type SectionTitle = (typeof SECTION_TITLES)[number];

export interface FormulaSection {
  title: SectionTitle;
  lines: FormulaLine[];
}

const NO_FOCUS: Focus = { units: [], weights: [] };

/** The chain position of the trace's last layer (the output). */
function lastLayer(trace: StepTrace): number {
  let last = 0;
  for (const s of trace.stages) if (s.kind === 'forward') last = Math.max(last, s.layerIndex);
  return last;
}

/** Symbols of chain layer k in a network whose output is layer `last`. */
function symbols(k: number, last: number) {
  const L = k + 1;
  return {
    input: (i: number) => (k === 0 ? `x_{${i + 1}}` : `a^{(${k})}_{${i + 1}}`),
    inputName: (i: number) => (k === 0 ? `x_${i + 1}` : `a${k}_${i + 1}`),
    out: (j: number) => (k === last ? `\\hat y_{${j + 1}}` : `a^{(${L})}_{${j + 1}}`),
    outName: (j: number) => (k === last ? `yhat_${j + 1}` : `a${L}_${j + 1}`),
    z: (j: number) => `z^{(${L})}_{${j + 1}}`,
    /** W[i][j]; `suffix` adds to the subscript, as the notes' w_{1,1,new}. */
    w: (i: number, j: number, suffix = '') => `w^{(${L})}_{${i + 1},${j + 1}${suffix}}`,
    b: (j: number, suffix = '') => `b^{(${L})}_{${j + 1}${suffix}}`,
    delta: (j: number) => `\\delta^{(${L})}_{${j + 1}}`,
    L,
  };
}

/** Index of chain layer `k` among the dense layers (the gradient check's layerIndex). */
export function denseOrdinal(trace: StepTrace, k: number): number {
  const dense = trace.stages.filter((s): s is ForwardStage => s.kind === 'forward' && s.layer === 'dense').map((s) => s.layerIndex);
  return dense.indexOf(k);
}

/** Chain position of the dense layer with gradient-check index `ordinal`, or −1. */
export function chainOfDense(trace: StepTrace, ordinal: number): number {
  const dense = trace.stages.filter((s): s is ForwardStage => s.kind === 'forward' && s.layer === 'dense').map((s) => s.layerIndex);
  return dense[ordinal] ?? -1;
}

/** Plain name of a parameter: 'w2_1_1' (W[0][0] of layer 2) or 'b2_1'. */
export function paramName(k: number, role: 'weights' | 'bias', row: number, col: number): string {
  return role === 'weights' ? `w${k + 1}_${row + 1}_${col + 1}` : `b${k + 1}_${col + 1}`;
}

function line(name: string, tex: string, value: number | null, decimals: number, focus: Focus, param?: GradientTarget): FormulaLine {
  return { name, tex, value, plain: value === null ? null : plainNumber(value, decimals), focus, ...(param ? { param } : {}) };
}

/** "a·b + c·d" for products, factors formatted. */
function productSum(terms: readonly (readonly [number, number])[], d: number): string {
  return terms.length === 0 ? '0' : terms.map(([p, q]) => `${texFactor(p, d)} \\cdot ${texFactor(q, d)}`).join(' + ');
}

/** "+ penalty" when an entry has an L1/L2 part. */
function penaltyPart(e: GradientEntry, d: number): string {
  return e.penalty === 0 ? '' : ` + ${texFactor(e.penalty, d)}`;
}

function activationLine(k: number, last: number, f: string | null, activation: string | null, z: number[], a: number[], j: number, d: number): FormulaLine {
  const s = symbols(k, last);
  const focus: Focus = { units: [{ layer: k, unit: j }], weights: [] };
  if (f === null) return line(s.outName(j), `${s.out(j)} = ${s.z(j)} = ${texNumber(a[j], d)}`, a[j], d, focus);
  if (activation === 'softmax') {
    const all = z.map((v) => texNumber(v, d)).join(', ');
    return line(s.outName(j), `${s.out(j)} = ${f}(z^{(${s.L})})_{${j + 1}} = ${f}(${all})_{${j + 1}} = ${texNumber(a[j], d)}`, a[j], d, focus);
  }
  return line(s.outName(j), `${s.out(j)} = ${f}(${s.z(j)}) = ${f}(${texNumber(z[j], d)}) = ${texNumber(a[j], d)}`, a[j], d, focus);
}

function forwardSections(stage: ForwardStage, last: number, r: number, d: number): FormulaSection[] {
  const k = stage.layerIndex;
  const s = symbols(k, last);
  const sample = stage.samples[r];
  const f = texActivation(stage.activation);
  if (stage.layer === 'dense' && sample.terms && sample.z) {
    const z = sample.z;
    const sums = sample.terms.map((terms, j) => {
      const bias = stage.bias ? stage.bias[j] : null;
      const symbolic = terms.map((_, i) => `${s.w(i, j)}\\,${s.input(i)}`).join(' + ') + (bias === null ? '' : ` + ${s.b(j)}`);
      const numeric = terms.map(([w, x]) => `${texFactor(w, d)} \\cdot ${texFactor(x, d)}`).join(' + ') + (bias === null ? '' : ` + ${texFactor(bias, d)}`);
      const focus: Focus = { units: [{ layer: k, unit: j }, ...terms.map((_, i) => ({ layer: k - 1, unit: i }))], weights: terms.map((_, i) => ({ layer: k, row: i, col: j })) };
      return line(`z${s.L}_${j + 1}`, `${s.z(j)} = ${symbolic} = ${numeric} = ${texNumber(z[j], d)}`, z[j], d, focus);
    });
    const acts = sample.a.map((_, j) => activationLine(k, last, f, stage.activation, z, sample.a, j, d));
    return [
      { title: 'weightedSums', lines: sums },
      { title: 'activations', lines: acts },
    ];
  }
  if (stage.layer === 'activation' && sample.z) {
    const z = sample.z;
    return [{ title: 'activations', lines: sample.a.map((_, j) => activationLine(k, last, f, stage.activation, z, sample.a, j, d)) }];
  }
  // Dropout: a = x ⊙ m (m = 0 or 1/(1 − p) while training).
  const mask = sample.mask;
  return [
    {
      title: 'dropoutMask',
      lines: sample.a.map((a, j) =>
        line(
          s.outName(j),
          mask ? `${s.out(j)} = ${s.input(j)} \\cdot m_{${j + 1}} = ${texFactor(sample.x[j], d)} \\cdot ${texFactor(mask[j], d)} = ${texNumber(a, d)}` : `${s.out(j)} = ${s.input(j)} = ${texNumber(a, d)}`,
          a,
          d,
          { units: [{ layer: k, unit: j }], weights: [] },
        ),
      ),
    },
  ];
}

function sampleLossTex(stage: LossStage, r: number, d: number): string {
  const sample = stage.samples[r];
  const E = `E_{${r + 1}}`;
  const y = sample.targets;
  const yHat = sample.predictions;
  const K = y.length;
  const value = texNumber(sample.value, d);
  switch (stage.loss) {
    case 'half_sse':
      return `${E} = \\tfrac12 \\sum_{j} (y_{j} - \\hat y_{j})^2 = ${y.map((t, j) => `\\tfrac12 (${texNumber(t, d)} - ${texFactor(yHat[j], d)})^2`).join(' + ')} = ${value}`;
    case 'mse':
      return `${E} = \\frac{1}{${K}} \\sum_{j} (\\hat y_{j} - y_{j})^2 = \\frac{1}{${K}} \\bigl[${y.map((t, j) => `(${texNumber(yHat[j], d)} - ${texFactor(t, d)})^2`).join(' + ')}\\bigr] = ${value}`;
    case 'mae':
      return `${E} = \\frac{1}{${K}} \\sum_{j} \\lvert \\hat y_{j} - y_{j} \\rvert = \\frac{1}{${K}} \\bigl[${y.map((t, j) => `\\lvert ${texNumber(yHat[j], d)} - ${texFactor(t, d)} \\rvert`).join(' + ')}\\bigr] = ${value}`;
    default:
      // Cross-entropies and Huber: each output's term as the engine computed it.
      return `${E} = ${sample.terms.map((t) => texFactor(t, d)).join(' + ')} = ${value} \\quad (\\hat y = ${yHat.map((v) => texNumber(v, d)).join(', ')};\\ y = ${y.map((v) => texNumber(v, d)).join(', ')})`;
  }
}

function lossSections(stage: LossStage, last: number, d: number): FormulaSection[] {
  const outputs = stage.samples[0]?.predictions.length ?? 0;
  const focus: Focus = { units: Array.from({ length: outputs }, (_, j) => ({ layer: last, unit: j })), weights: [] };
  const samples = stage.samples.map((sample, r) => line(`E_${r + 1}`, sampleLossTex(stage, r, d), sample.value, d, focus));
  const parts = stage.samples.map((sample) => texFactor(sample.value, d)).join(' + ');
  const rows = stage.samples.length;
  const combine = stage.reduction === 'sum' ? `\\sum_{i} E_{i} = ${parts}` : `\\frac{1}{${rows}} \\sum_{i} E_{i} = \\frac{1}{${rows}} (${parts})`;
  const penalty = stage.penalty === 0 ? '' : ` + ${texFactor(stage.penalty, d)}`;
  return [
    { title: 'lossFormula', lines: [line('loss-formula', LOSS_FORMULAS[stage.loss], null, d, focus)] },
    { title: 'sampleLosses', lines: samples },
    { title: 'totalLoss', lines: [line('E', `E = ${combine}${penalty} = ${texNumber(stage.total, d)}`, stage.total, d, focus)] },
  ];
}

/** The backward stage of the layer after `k` (it passes ∂E/∂a back to layer k), if any. */
function passBackLines(stage: BackwardStage, last: number, r: number, d: number): FormulaLine[] {
  const k = stage.layerIndex;
  const dInput = stage.samples[r].dInput;
  if (!dInput || k === 0) return [];
  const prev = symbols(k - 1, last);
  const s = symbols(k, last);
  return dInput.map((entry, i) => {
    const target = `\\frac{\\partial E}{\\partial ${prev.out(i)}}`;
    const focus: Focus = { units: [{ layer: k - 1, unit: i }], weights: stage.layer === 'dense' ? entry.terms.map((_, j) => ({ layer: k, row: i, col: j })) : [] };
    if (stage.layer === 'dense') {
      const symbolic = entry.terms.map((_, j) => `${s.w(i, j)}\\,${s.delta(j)}`).join(' + ');
      return line(`dEd${prev.outName(i)}`, `${target} = ${symbolic} = ${productSum(entry.terms, d)} = ${texNumber(entry.value, d)}`, entry.value, d, focus);
    }
    return line(`dEd${prev.outName(i)}`, `${target} = ${productSum(entry.terms, d)} = ${texNumber(entry.value, d)}`, entry.value, d, focus);
  });
}

function backwardSections(stage: BackwardStage, last: number, r: number, d: number): FormulaSection[] {
  const k = stage.layerIndex;
  const s = symbols(k, last);
  const sample = stage.samples[r];
  const a = (j: number) => s.out(j);
  const sections: FormulaSection[] = [];
  if (stage.layer === 'dense' && sample.delta) {
    const delta = sample.delta;
    const deltas = delta.map((value, j) => {
      const focus: Focus = { units: [{ layer: k, unit: j }], weights: [] };
      if (stage.fused) return line(`delta${s.L}_${j + 1}`, `${s.delta(j)} = \\frac{\\partial E}{\\partial ${s.z(j)}} = ${texNumber(value, d)}`, value, d, focus);
      if (sample.dEda && sample.dadz) {
        return line(
          `delta${s.L}_${j + 1}`,
          `${s.delta(j)} = \\frac{\\partial E}{\\partial ${a(j)}} \\cdot \\frac{\\partial ${a(j)}}{\\partial ${s.z(j)}} = ${texFactor(sample.dEda[j], d)} \\cdot ${texFactor(sample.dadz[j], d)} = ${texNumber(value, d)}`,
          value,
          d,
          focus,
        );
      }
      return line(`delta${s.L}_${j + 1}`, `${s.delta(j)} = \\sum_{m} \\frac{\\partial E}{\\partial a_{m}} \\frac{\\partial a_{m}}{\\partial ${s.z(j)}} = ${texNumber(value, d)}`, value, d, focus);
    });
    sections.push({ title: 'deltas', lines: deltas });
    const rows = stage.samples.length;
    const weightLines: FormulaLine[] = [];
    stage.dWeights?.forEach((row, i) =>
      row.forEach((entry, j) => {
        const target = `\\frac{\\partial E}{\\partial ${s.w(i, j)}}`;
        const focus: Focus = { units: [{ layer: k, unit: j }, { layer: k - 1, unit: i }], weights: [{ layer: k, row: i, col: j }] };
        let tex: string;
        if (rows === 1 && !stage.fused && sample.dEda && sample.dadz) {
          // The chain rule written out: ∂E/∂a · ∂a/∂z · ∂z/∂w, each factor with its value.
          const x = entry.terms[0][0];
          tex = `${target} = \\frac{\\partial E}{\\partial ${a(j)}} \\cdot \\frac{\\partial ${a(j)}}{\\partial ${s.z(j)}} \\cdot \\frac{\\partial ${s.z(j)}}{\\partial ${s.w(i, j)}} = ${texFactor(sample.dEda[j], d)} \\cdot ${texFactor(sample.dadz[j], d)} \\cdot ${texFactor(x, d)}${penaltyPart(entry, d)} = ${texNumber(entry.value, d)}`;
        } else if (rows === 1) {
          tex = `${target} = ${s.delta(j)} \\cdot ${s.input(i)} = ${texFactor(entry.terms[0][1], d)} \\cdot ${texFactor(entry.terms[0][0], d)}${penaltyPart(entry, d)} = ${texNumber(entry.value, d)}`;
        } else {
          tex = `${target} = \\sum_{r} {${s.input(i)}}^{[r]}\\, {${s.delta(j)}}^{[r]} = ${productSum(entry.terms, d)}${penaltyPart(entry, d)} = ${texNumber(entry.value, d)}`;
        }
        weightLines.push(line(`dw${s.L}_${i + 1}_${j + 1}`, tex, entry.value, d, focus));
      }),
    );
    sections.push({ title: 'weightGradients', lines: weightLines });
    if (stage.dBias) {
      sections.push({
        title: 'biasGradients',
        lines: stage.dBias.map((entry, j) =>
          line(
            `db${s.L}_${j + 1}`,
            `\\frac{\\partial E}{\\partial ${s.b(j)}} = ${rows === 1 ? `${s.delta(j)} \\cdot 1` : `\\sum_{r} {${s.delta(j)}}^{[r]}`} = ${entry.terms.map(([, dz]) => texFactor(dz, d)).join(' + ')} = ${texNumber(entry.value, d)}`,
            entry.value,
            d,
            { units: [{ layer: k, unit: j }], weights: [] },
          ),
        ),
      });
    }
  } else if (sample.dEda) {
    // Activation or dropout layer: ∂E/∂(input) = ∂E/∂a · ∂a/∂(input), value by value.
    const dEda = sample.dEda;
    const slope = sample.dadz;
    const lines = (sample.dInput ?? dEda.map((value) => ({ value, terms: [], penalty: 0 }))).map((entry, j) =>
      line(
        `dEdin${s.L}_${j + 1}`,
        `\\frac{\\partial E}{\\partial ${s.input(j)}} = \\frac{\\partial E}{\\partial ${a(j)}} \\cdot \\frac{\\partial ${a(j)}}{\\partial ${s.input(j)}} = ${texFactor(dEda[j], d)} \\cdot ${slope ? texFactor(slope[j], d) : '\\ldots'} = ${texNumber(entry.value, d)}`,
        entry.value,
        d,
        { units: [{ layer: k, unit: j }], weights: [] },
      ),
    );
    sections.push({ title: 'elementwise', lines });
    return sections;
  }
  const passBack = passBackLines(stage, last, r, d);
  if (passBack.length > 0) sections.push({ title: 'passBack', lines: passBack });
  return sections;
}

/** The update rule: plain SGD as the notes write it, any other optimizer as its own formula. */
function ruleTex(stage: UpdateStage, trace: StepTrace): string {
  const spec = trace.optimizer;
  if (spec.type === 'sgd' && spec.momentum === 0 && spec.weightDecay === 0) return `\\theta_{\\text{new}} = \\theta - \\eta\\,\\frac{\\partial E}{\\partial \\theta}, \\qquad \\eta = ${stage.lr}`;
  return `${OPTIMIZER_FORMULAS[stage.optimizer]} \\qquad \\eta = ${stage.lr}`;
}

function updateSections(stage: UpdateStage, trace: StepTrace, d: number): FormulaSection[] {
  const k = stage.layerIndex;
  const s = symbols(k, lastLayer(trace));
  const plain = trace.optimizer.type === 'sgd' && trace.optimizer.momentum === 0 && trace.optimizer.weightDecay === 0;
  const ordinal = denseOrdinal(trace, k);
  const lineOf = (p: UpdateStage['params'][number]): FormulaLine => {
    const sym = p.role === 'weights' ? s.w(p.row, p.col) : s.b(p.col);
    const symNew = p.role === 'weights' ? s.w(p.row, p.col, ',\\text{new}') : s.b(p.col, ',\\text{new}');
    const focus: Focus = p.role === 'weights' ? { units: [{ layer: k, unit: p.col }], weights: [{ layer: k, row: p.row, col: p.col }] } : { units: [{ layer: k, unit: p.col }], weights: [] };
    let tex: string;
    if (plain) {
      tex = `${symNew} = ${sym} - \\eta\\,\\frac{\\partial E}{\\partial ${sym}} = ${texNumber(p.old, d)} - ${texFactor(stage.lr, d)} \\cdot ${texFactor(p.grad, d)} = ${texNumber(p.new, d)}`;
    } else {
      const state = p.state.map((v) => `${v.symbol}: ${texNumber(v.before, d)} \\to ${texNumber(v.after, d)}`).join(',\\ ');
      tex = `${sym}: ${texNumber(p.old, d)} \\to ${texNumber(p.new, d)} \\quad \\bigl(g = ${texNumber(p.grad, d)}${state ? `;\\ ${state}` : ''}\\bigr)`;
    }
    const param: GradientTarget = p.role === 'weights' ? { layerIndex: ordinal, row: p.row, col: p.col } : { layerIndex: ordinal, bias: p.col };
    return line(paramName(k, p.role, p.row, p.col), tex, p.new, d, focus, param);
  };
  const scalars = stage.scalars.map((v) => `${v.symbol}: ${v.before} \\to ${v.after}`).join(',\\ ');
  const rule: FormulaLine[] = [line('update-rule', ruleTex(stage, trace), null, d, { units: [], weights: [] })];
  if (!plain && scalars) rule.push(line('update-scalars', scalars, null, d, NO_FOCUS));
  const sections: FormulaSection[] = [
    { title: 'updateRule', lines: rule },
    { title: 'weightUpdates', lines: stage.params.filter((p) => p.role === 'weights').map(lineOf) },
  ];
  const biases = stage.params.filter((p) => p.role === 'bias');
  if (biases.length > 0) sections.push({ title: 'biasUpdates', lines: biases.map(lineOf) });
  return sections;
}

/** The sections of `stage` for batch row `sample`, numbers with `decimals` digits. */
export function stageSections(trace: StepTrace, stage: TraceStage, sample: number, decimals: number): FormulaSection[] {
  const last = lastLayer(trace);
  const r = Math.min(Math.max(0, sample), Math.max(0, trace.rows - 1));
  switch (stage.kind) {
    case 'forward':
      return forwardSections(stage, last, r, decimals);
    case 'loss':
      return lossSections(stage, last, decimals);
    case 'backward':
      return backwardSections(stage, last, r, decimals);
    case 'update':
      return updateSections(stage, trace, decimals);
  }
}

/** Everything a stage touches: its layer's units and incoming weights (the loss: the outputs). */
export function stageFocus(trace: StepTrace, stage: TraceStage): Focus {
  if (stage.kind === 'loss') {
    const last = lastLayer(trace);
    const outputs = stage.samples[0]?.predictions.length ?? 0;
    return { units: Array.from({ length: outputs }, (_, j) => ({ layer: last, unit: j })), weights: [] };
  }
  const k = stage.layerIndex;
  const forward = trace.stages.find((s): s is ForwardStage => s.kind === 'forward' && s.layerIndex === k);
  const units = forward?.samples[0]?.a.length ?? 0;
  const inputs = forward?.samples[0]?.x.length ?? 0;
  const weights: WeightRef[] = [];
  if (forward?.layer === 'dense') for (let i = 0; i < inputs; i++) for (let j = 0; j < units; j++) weights.push({ layer: k, row: i, col: j });
  return { units: Array.from({ length: units }, (_, j) => ({ layer: k, unit: j })), weights };
}
