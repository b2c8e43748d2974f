import { afterEach, describe, expect, it } from 'vitest';
import { createTrainingSession, type TrainingSession } from '../../src-engine/training-session';
import type { Project } from '../../src-engine/project';
import { chainProject } from './helpers/projects';

/** The buffer types the engine allocates; a training step after warm-up must create none. */
const BUFFER_TYPES = ['ArrayBuffer', 'Float32Array', 'Float64Array', 'Int32Array', 'Uint8Array'] as const;
type BufferType = (typeof BUFFER_TYPES)[number];

const originals = new Map<BufferType, unknown>();

/**
 * Replaces the global buffer constructors with counting proxies (the engine looks them up at
 * each `new`), runs `work`, restores them and returns how many buffers were created.
 */
function countBuffers(work: () => void): number {
  let created = 0;
  const g = globalThis as unknown as Record<BufferType, object>;
  for (const name of BUFFER_TYPES) {
    originals.set(name, g[name]);
    g[name] = new Proxy(g[name], {
      construct(target, args, newTarget) {
        created++;
        return Reflect.construct(target as new (...a: unknown[]) => object, args, newTarget);
      },
    });
  }
  try {
    work();
  } finally {
    restore();
  }
  return created;
}

function restore(): void {
  const g = globalThis as unknown as Record<BufferType, unknown>;
  for (const [name, value] of originals) g[name] = value;
  originals.clear();
}

afterEach(restore);

function start(project: Project): TrainingSession {
  const created = createTrainingSession(project);
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

/** Steps through `epochs` whole epochs (each ends with the evaluation of both splits). */
function trainEpochs(session: TrainingSession, epochs: number): void {
  for (let i = 0; i < epochs * session.stepsPerEpoch; i++) expect(session.trainStep().divergence).toBeNull();
}

describe('training steps after warm-up', () => {
  it('reuse every buffer: a deep sigmoid network with SGD momentum (bench W4-like)', () => {
    const sigmoid = (id: string) => ({ id, type: 'dense' as const, data: { units: 16, activation: 'sigmoid' } });
    const session = start(
      chainProject(
        [sigmoid('h1'), sigmoid('h2'), sigmoid('h3'), { id: 'out', type: 'output', data: { units: 1, activation: 'sigmoid' } }],
        { type: 'builtin', name: 'circles', samples: 200 },
        { loss: 'mse', optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 }, batchSize: 32, precision: 'float32' },
      ),
    );
    trainEpochs(session, 1);
    expect(countBuffers(() => trainEpochs(session, 2))).toBe(0);
  });

  it('reuse every buffer: ReLU, dropout, softmax, Adam, L2 and clipping in float64', () => {
    const session = start(
      chainProject(
        [
          { id: 'h1', type: 'dense', data: { units: 12, activation: 'relu', l2: 0.01 } },
          { id: 'drop', type: 'dropout', data: { rate: 0.3 } },
          { id: 'act', type: 'activation', data: { activation: 'tanh' } },
          { id: 'out', type: 'output', data: { units: 3, activation: 'softmax' } },
        ],
        { type: 'builtin', name: 'iris' },
        { loss: 'categorical_crossentropy', optimizer: { type: 'adam', lr: 0.01 }, batchSize: 16, clip: { type: 'norm', maxNorm: 1 }, precision: 'float64' },
      ),
    );
    trainEpochs(session, 1);
    expect(countBuffers(() => trainEpochs(session, 2))).toBe(0);
  });

  it('reuse every buffer: float32 layers on the WebAssembly SIMD kernels (bench W3-like)', () => {
    const session = start(
      chainProject(
        [
          // float32 dense layers run on the SIMD kernels (layers/wasm-dense.ts), Adam too.
          { id: 'h1', type: 'dense', data: { units: 32, activation: 'relu' } },
          { id: 'h2', type: 'dense', data: { units: 32, activation: 'relu' } },
          { id: 'out', type: 'output', data: { units: 10, activation: 'softmax' } },
        ],
        { type: 'builtin', name: 'digits' },
        { loss: 'categorical_crossentropy', optimizer: { type: 'adam', lr: 0.001 }, batchSize: 64, precision: 'float32' },
      ),
    );
    trainEpochs(session, 1);
    expect(countBuffers(() => trainEpochs(session, 2))).toBe(0);
  });

  it('counts the buffers a snapshot creates, so the check above can see allocations', () => {
    const session = start(
      chainProject([{ id: 'out', type: 'output', data: { units: 1, activation: 'sigmoid' } }], { type: 'builtin', name: 'moons', samples: 50 }, { loss: 'binary_crossentropy' }),
    );
    session.trainStep();
    expect(countBuffers(() => session.snapshot())).toBeGreaterThan(0);
  });
});
