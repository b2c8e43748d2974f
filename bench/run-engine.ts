/** Runner process: LayerLab's engine on one workload (`--variant float32|float64`). */
import { buildProject, trainEngine } from './engine-train';
import { parseRunnerArgs, runMain } from './runner-io';
import { readShared } from './shared-files';
import { installKernelHelperThread } from '../src-main/kernel-helper-thread';

// The same injection as the trainer process: a kernel helper thread where kernelThreadCount() says 2.
const helperThread = installKernelHelperThread();

runMain(() => {
  const args = parseRunnerArgs(process.argv.slice(2));
  const precision = args.variant === 'float64' ? 'float64' : 'float32';
  const shared = readShared(args.data, args.workload);
  const project = buildProject(shared, precision, args.epochs ?? undefined);
  for (let i = 0; i < args.warmup; i++) trainEngine(project);
  const times: number[] = [];
  let finalLoss = NaN;
  let steps = 0;
  for (let i = 0; i < args.runs; i++) {
    const run = trainEngine(project);
    times.push(run.seconds);
    finalLoss = run.finalLoss;
    steps = run.steps;
  }
  return { times, finalLoss, steps, info: { precision, node: process.version, kernelThreads: helperThread ? 2 : 1 } };
});
