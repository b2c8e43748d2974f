/** "Watch it learn": the confusion matrix of a classifier on a data split. */
import { predictedClass } from '../predicted-class';
import { sessionCore } from '../session-core';
import type { TrainingSession } from '../training-session';

/** Counts of (true class, predicted class) pairs, with the samples behind each cell. */
export interface ConfusionMatrix {
  split: 'train' | 'val';
  /** k: the number of classes (2 for one sigmoid output). */
  classes: number;
  /** Samples in the split. */
  samples: number;
  /** `counts[true][predicted]`, k × k. */
  counts: number[][];
  /** `cells[true][predicted]`: indices into the split of the samples counted there, ascending. */
  cells: number[][][];
  /** Share on the diagonal; null for an empty split. */
  accuracy: number | null;
}

/**
 * The confusion matrix of `session` on `split` (default the validation split) in inference
 * mode, predicting as the accuracy does (one output: ŷ > 0.5; several: argmax). Null for a
 * regression task. Uses the network's batch buffers; changes nothing else.
 */
export function confusionMatrix(session: TrainingSession, split: 'train' | 'val' = 'val'): ConfusionMatrix | null {
  const core = sessionCore(session);
  const part = split === 'train' ? core.train : core.val;
  if (!part.labels) return null;
  const net = core.network;
  const k = net.outputs === 1 ? 2 : net.outputs;
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const cells = Array.from({ length: k }, () => Array.from({ length: k }, (): number[] => []));
  let correct = 0;
  for (let start = 0; start < part.n; start += net.forwardCapacity) {
    const rows = Math.min(net.forwardCapacity, part.n - start);
    core.gather(part, null, start, rows);
    const out = net.forward(rows, false);
    for (let r = 0; r < rows; r++) {
      const truth = part.labels[start + r];
      const predicted = predictedClass(out, r, net.outputs);
      if (truth < 0 || truth >= k) continue; // the compiler rules this out; never index past the matrix
      counts[truth][predicted]++;
      cells[truth][predicted].push(start + r);
      if (truth === predicted) correct++;
    }
  }
  return { split, classes: k, samples: part.n, counts, cells, accuracy: part.n > 0 ? correct / part.n : null };
}
