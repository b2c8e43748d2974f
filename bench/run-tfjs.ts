/**
 * Runner process: TensorFlow.js (`--variant cpu|wasm`) on one workload. The network is a
 * `tf.sequential` of dense layers with the shared initial weights; the loop is the usual
 * custom training loop, one `optimizer.minimize` per pre-sliced mini-batch (cheaper per step
 * than `model.fit`, which adds callbacks and logs). SGD and momentum are tf.train's; Adam is
 * written out with the same ops (see `torchAdam`). Cross-entropies are computed from the
 * output logits as LayerLab does (`sigmoidCrossEntropy`, `softmaxCrossEntropy`), MSE from the
 * sigmoid output, all averaged like LayerLab's losses.
 */
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { parseRunnerArgs, runMain, type RunnerResult } from './runner-io';
import { readShared } from './shared-files';
import type { BenchActivation, BenchOptimizer, Workload } from './workloads';

/** The .wasm binaries shipped in the npm package, loaded from disk (no network). */
function wasmDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/';
}

function tfActivation(a: BenchActivation): 'tanh' | 'relu' | 'sigmoid' {
  if (a === 'softmax') throw new Error('softmax is applied inside the loss');
  return a;
}

/** Mean loss of `out` (logits for the cross-entropies, the sigmoid output for MSE). */
function lossOf(w: Workload, out: tf.Tensor, y: tf.Tensor): tf.Scalar {
  switch (w.loss) {
    case 'binary_crossentropy': return tf.losses.sigmoidCrossEntropy(y, out) as tf.Scalar;
    case 'categorical_crossentropy': return tf.losses.softmaxCrossEntropy(y, out) as tf.Scalar;
    case 'mse': return tf.losses.meanSquaredError(y, out) as tf.Scalar;
  }
}

/**
 * Adam as torch.optim.Adam (and LayerLab) computes it, built from the same tensor ops as
 * `tf.train.adam`. TF.js keeps β1ᵗ and β2ᵗ in float32 variables, so its 1 − β2ᵗ is off by
 * up to 1.3e-5 relative in the first steps (1 − 0.999 in float32), which alone moves W3's
 * final loss by about 1e-5; here the bias corrections are JavaScript doubles, as torch's
 * are Python floats. The per-step tensor work is the same as tf.train.adam's.
 */
function torchAdam(o: Extract<BenchOptimizer, { type: 'adam' }>): { minimize(f: () => tf.Scalar): void; dispose(): void } {
  const state = new Map<string, { m: tf.Variable; v: tf.Variable }>();
  let t = 0;
  return {
    minimize(f) {
      const { value, grads } = tf.variableGrads(f);
      t++;
      const stepSize = o.lr / (1 - o.beta1 ** t);
      const bc2Sqrt = Math.sqrt(1 - o.beta2 ** t);
      tf.tidy(() => {
        for (const [name, g] of Object.entries(grads)) {
          const variable = tf.engine().registeredVariables[name];
          let s = state.get(name);
          if (!s) {
            s = { m: tf.variable(tf.zerosLike(variable), false), v: tf.variable(tf.zerosLike(variable), false) };
            state.set(name, s);
          }
          const m = tf.add(tf.mul(s.m, o.beta1), tf.mul(g, 1 - o.beta1));
          const v = tf.add(tf.mul(s.v, o.beta2), tf.mul(tf.square(g), 1 - o.beta2));
          s.m.assign(m);
          s.v.assign(v);
          variable.assign(tf.sub(variable, tf.div(tf.mul(m, stepSize), tf.add(tf.div(tf.sqrt(v), bc2Sqrt), o.eps))));
        }
      });
      tf.dispose([value, ...Object.values(grads)]);
    },
    dispose() {
      for (const s of state.values()) tf.dispose([s.m, s.v]);
    },
  };
}

runMain(async (): Promise<RunnerResult> => {
  const args = parseRunnerArgs(process.argv.slice(2));
  const backend = args.variant === 'wasm' ? 'wasm' : 'cpu';
  if (backend === 'wasm') setWasmPaths(wasmDir());
  if (!(await tf.setBackend(backend))) throw new Error(`TensorFlow.js could not start its ${backend} backend.`);
  await tf.ready();
  const shared = readShared(args.data, args.workload);
  const { meta, data, params } = shared;
  const w = meta.workload;
  const epochs = args.epochs ?? w.epochs;

  const model = tf.sequential();
  params.forEach((p, l) => {
    const isOutput = l === params.length - 1;
    const fused = isOutput && w.loss !== 'mse'; // logits out; the loss applies sigmoid/softmax
    model.add(tf.layers.dense({
      units: p.units,
      inputShape: l === 0 ? [p.inputs] : undefined,
      activation: fused ? 'linear' : tfActivation(isOutput ? w.output : w.hidden),
    }));
  });
  const initial = params.flatMap((p) => [tf.tensor2d(Float32Array.from(p.weights), [p.inputs, p.units]), tf.tensor1d(Float32Array.from(p.bias))]);

  const x = tf.tensor2d(Float32Array.from(data.x), [data.n, data.features]);
  const y = tf.tensor2d(Float32Array.from(data.y), [data.n, data.outputs]);
  const batches: { xb: tf.Tensor; yb: tf.Tensor }[] = [];
  for (let start = 0; start < data.n; start += w.batchSize) {
    const rows = Math.min(w.batchSize, data.n - start);
    batches.push({ xb: x.slice([start, 0], [rows, data.features]), yb: y.slice([start, 0], [rows, data.outputs]) });
  }

  const run = (): { seconds: number; finalLoss: number } => {
    model.setWeights(initial);
    const o = w.optimizer;
    const optimizer = o.type === 'sgd'
      ? (o.momentum === 0 ? tf.train.sgd(o.lr) : tf.train.momentum(o.lr, o.momentum, false))
      : torchAdam(o);
    const start = performance.now();
    for (let e = 0; e < epochs; e++) {
      for (const { xb, yb } of batches) {
        optimizer.minimize(() => lossOf(w, model.apply(xb, { training: true }) as tf.Tensor, yb));
      }
    }
    // Reading a weight waits for any pending work (both backends are synchronous, but be sure).
    model.getWeights()[0].dataSync();
    const seconds = (performance.now() - start) / 1000;
    const finalLoss = tf.tidy(() => lossOf(w, model.predict(x) as tf.Tensor, y).dataSync()[0]);
    optimizer.dispose();
    return { seconds, finalLoss };
  };

  for (let i = 0; i < args.warmup; i++) run();
  const times: number[] = [];
  let finalLoss = NaN;
  for (let i = 0; i < args.runs; i++) {
    const r = run();
    times.push(r.seconds);
    finalLoss = r.finalLoss;
  }
  const info: RunnerResult['info'] = { backend: tf.getBackend(), version: tf.version.tfjs };
  if (backend === 'wasm') {
    info.simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
    info.threads = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT');
  }
  return { times, finalLoss, steps: epochs * batches.length, info };
});
