import { describe, expect, it } from 'vitest';
import { compileGraph, type CompiledLayer } from '../../src-engine/compile';
import { Network } from '../../src-engine/network';
import { createRng } from '../../src-engine/rng';
import type { LossName } from '../../src-engine/project';
import { fixedValues, maxGradientError } from './helpers/gradient-check';
import { chainProject } from './helpers/projects';

const REL_TOL = 1e-6;
const ROWS = 5;

/** Compiles a chain for 3 features into layers (every default from the schema). */
function layers(chain: Parameters<typeof chainProject>[0], outputs: number): CompiledLayer[] {
  const project = chainProject(chain, { type: 'builtin', name: 'moons' }, {});
  const r = compileGraph(project.graph, { features: 3, targets: outputs, task: 'regression', classes: 0 });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.layers;
}

function check(loss: LossName, outputActivation: string, outputs: number, targets: Float64Array): void {
  const net = new Network(
    layers(
      [
        { id: 'h', type: 'dense', data: { units: 4, activation: 'elu', alpha: 0.8, l2: 0.05 } },
        { id: 'act', type: 'activation', data: { activation: 'swish' } },
        { id: 'drop', type: 'dropout', data: { rate: 0.5 } },
        { id: 'out', type: 'output', data: { units: outputs, activation: outputActivation, l1: 0.02 } },
      ],
      outputs,
    ),
    3,
    'float64',
    ROWS,
    createRng(1),
    createRng(2),
  );
  net.input.set(fixedValues(ROWS * 3, 8, -2, 2));
  net.targets.set(targets);
  // Dropout is the identity in inference mode, so the same function is differentiated.
  const scalar = (): number => {
    net.forward(ROWS, false);
    return net.loss(loss, ROWS, 1) + net.penalty();
  };
  net.zeroGrads();
  net.forward(ROWS, false);
  net.lossAndBackward(loss, ROWS, 1);
  net.addPenaltyGradients();
  for (const p of net.params()) {
    expect(maxGradientError(scalar, p.value, Float64Array.from(p.grad))).toBeLessThan(REL_TOL);
  }
}

describe('Network', () => {
  it('back-propagates softmax + categorical cross-entropy through every layer kind', () => {
    check('categorical_crossentropy', 'softmax', 3, Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0]));
  });

  it('back-propagates sigmoid + binary cross-entropy through every layer kind', () => {
    check('binary_crossentropy', 'sigmoid', 1, Float64Array.from([1, 0, 0, 1, 1]));
  });

  it('back-propagates a linear output with the Huber loss', () => {
    check('huber', 'linear', 2, fixedValues(ROWS * 2, 9, -3, 3));
  });

  it('runs inference in chunks of a multiple of the batch, each row as if alone', () => {
    const chain: Parameters<typeof chainProject>[0] = [
      { id: 'h', type: 'dense', data: { units: 6, activation: 'relu' } },
      { id: 'act', type: 'activation', data: { activation: 'tanh' } },
      { id: 'out', type: 'output', data: { units: 2, activation: 'sigmoid' } },
    ];
    const net = new Network(layers(chain, 2), 3, 'float64', 7, createRng(1), createRng(2));
    expect(net.forwardCapacity % net.capacity).toBe(0);
    expect(net.forwardCapacity).toBeGreaterThan(net.capacity);
    const n = net.forwardCapacity + 5;
    // Every fifth row has a 0 input, so chunks mix the zero-free and the sparse kernel paths.
    const x = Float64Array.from(fixedValues(n * 3, 4, -2, 2), (v, k) => (k % 15 === 1 ? 0 : v));
    const all = net.predict(x, n);
    for (const r of [0, 1, net.forwardCapacity - 1, n - 1]) {
      expect(Array.from(net.predict(x.subarray(r * 3, r * 3 + 3), 1))).toEqual(Array.from(all.subarray(r * 2, r * 2 + 2)));
    }
  });
});

describe('Network buffers between dense layers', () => {
  const chain = [
    { id: 'h1', type: 'dense' as const, data: { units: 6, activation: 'relu' } },
    { id: 'h2', type: 'dense' as const, data: { units: 5, activation: 'tanh' } },
    { id: 'act', type: 'activation' as const, data: { activation: 'sigmoid' } },
    { id: 'out', type: 'output' as const, data: { units: 2, activation: 'linear' } },
  ];
  const build = (precision: 'float32' | 'float64') => new Network(layers(chain, 2), 3, precision, ROWS, createRng(3), createRng(4));

  it('float32 SIMD layers share one memory and write their activations into the next dense layer’s input buffer (no copy)', () => {
    const net = build('float32');
    const [h1, h2, out] = net.dense;
    expect(h1.backend).toBe('wasm-simd');
    expect(h1.a.buffer).toBe(h2.inputBuffer()!.buffer);
    expect(h1.a.byteOffset).toBe(h2.inputBuffer()!.byteOffset);
    expect(out.weights.buffer).toBe(h1.weights.buffer);
    // h2 feeds an activation layer, not a dense one: its activations are a region of their own.
    const stage = out.inputBuffer()!;
    const [aStart, aEnd] = [h2.a.byteOffset, h2.a.byteOffset + h2.a.byteLength];
    expect(aEnd <= stage.byteOffset || aStart >= stage.byteOffset + stage.byteLength).toBe(true);
  });

  it('gives the same outputs and gradients as float64 within float32 rounding', () => {
    const f32 = build('float32');
    const f64 = build('float64');
    const x = fixedValues(ROWS * 3, 5, -2, 2);
    const y = fixedValues(ROWS * 2, 6, -1, 1);
    for (const net of [f32, f64]) {
      // Same weights in both (float32-representable), then one step forward and back.
      net.params().forEach((p, k) => p.value.set(Float32Array.from(f64.params()[k].value)));
      net.input.set(x);
      net.targets.set(y);
      net.zeroGrads();
      net.forward(ROWS, true);
      net.lossAndBackward('mse', ROWS, 1);
    }
    const out32 = f32.layerOutput(f32.layers.length - 1);
    const out64 = f64.layerOutput(f64.layers.length - 1);
    for (let k = 0; k < ROWS * 2; k++) expect(out32[k]).toBeCloseTo(out64[k], 5);
    f32.params().forEach((p, k) => {
      const g64 = f64.params()[k].grad;
      for (let i = 0; i < p.grad.length; i++) expect(p.grad[i]).toBeCloseTo(g64[i], 5);
    });
  });
});
