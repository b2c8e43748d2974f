/** Loss and accuracy of a whole data split, as reported at epoch ends. */
import type { DataPart } from './data-split';
import { lossSumsOverBatch } from './losses';
import { countCorrect } from './predicted-class';
import type { SessionCore } from './session-core';

/**
 * Loss (plus the L1/L2 penalty) and accuracy of `part` in inference mode, in chunks of the
 * network's capacity. The loss is the mean over the samples, or the sum for losses summed
 * over a batch (half_sse). Overwrites the network's batch buffers; mutates nothing else.
 */
export function measureSplit(core: SessionCore, part: DataPart): { loss: number; accuracy: number | null } {
  const net = core.network;
  const t = core.project.training;
  const summed = lossSumsOverBatch(t.loss);
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < part.n; start += net.capacity) {
    const rows = Math.min(net.capacity, part.n - start);
    core.gather(part, null, start, rows);
    const out = net.forward(rows, false);
    lossSum += net.loss(t.loss, rows, t.huberDelta) * (summed ? 1 : rows);
    if (part.labels) correct += countCorrect(out, part.labels, start, rows, net.outputs);
  }
  const n = Math.max(1, part.n);
  return { loss: (summed ? lossSum : lossSum / n) + net.penalty(), accuracy: part.labels ? correct / n : null };
}
