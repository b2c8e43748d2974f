/** Loss and accuracy of a whole data split, as reported at epoch ends. */
import type { DataPart } from './data-split';
import { lossSumsOverBatch } from './losses';
import { countCorrect } from './predicted-class';
import type { SessionCore } from './session-core';

/**
 * Loss (plus the L1/L2 penalty) and accuracy of `part` in inference mode. The forward runs in
 * chunks of the network's `forwardCapacity` rows (forward buffers only, no backward); the loss
 * is still summed per piece of `capacity` rows, exactly as when the chunks were that size, so
 * the reported losses keep every bit. The loss is the mean over the samples, or the sum for
 * losses summed over a batch (half_sse). Overwrites the network's batch buffers; mutates
 * nothing else and allocates nothing but the result.
 */
export function measureSplit(core: SessionCore, part: DataPart): { loss: number; accuracy: number | null } {
  const net = core.network;
  const t = core.project.training;
  const summed = lossSumsOverBatch(t.loss);
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < part.n; start += net.forwardCapacity) {
    const rows = Math.min(net.forwardCapacity, part.n - start);
    core.gather(part, null, start, rows);
    const out = net.forward(rows, false);
    for (let first = 0; first < rows; first += net.capacity) {
      const piece = Math.min(net.capacity, rows - first);
      lossSum += net.loss(t.loss, piece, t.huberDelta, first) * (summed ? 1 : piece);
    }
    if (part.labels) correct += countCorrect(out, part.labels, start, rows, net.outputs);
  }
  const n = Math.max(1, part.n);
  return { loss: (summed ? lossSum : lossSum / n) + net.penalty(), accuracy: part.labels ? correct / n : null };
}
