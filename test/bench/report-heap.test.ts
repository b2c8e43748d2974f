import { describe, expect, it } from 'vitest';
import { formatHeapTable, HEAP_STEADY_BYTES_PER_1000_STEPS, summarizeHeap } from '../../bench/report';

describe('the heap measure of the benchmark', () => {
  it('takes the growth from the medians of the two halves, so a one-off bump does not count and a leak does', () => {
    // 11 samples over 10,000 steps; one spike in the middle.
    const flat = [100, 101, 99, 100, 400, 100, 101, 100, 99, 100, 100].map((kb) => kb * 1024);
    const steady = summarizeHeap(flat, 10_000);
    expect(steady.firstBytes).toBe(100 * 1024);
    expect(steady.maxBytes).toBe(400 * 1024);
    // Halves of 5: medians 100 KB and 100 KB.
    expect(steady.growthPer1000Steps).toBe(0);
    // 32 bytes a step, steadily: 32 KB per 1,000 steps.
    const leak = Array.from({ length: 11 }, (_, k) => 1e6 + k * 1000 * 32);
    expect(summarizeHeap(leak, 10_000).growthPer1000Steps).toBeCloseTo(32_000, 6);
  });

  it('prints a row per workload with the verdict', () => {
    const result = {
      'W1.steps': 200000, 'W1.firstBytes': 9 * 2 ** 20, 'W1.lastBytes': 9 * 2 ** 20, 'W1.maxBytes': 9.5 * 2 ** 20, 'W1.growthPer1000Steps': 20,
      'W3.steps': 4000, 'W3.firstBytes': 62 * 2 ** 20, 'W3.lastBytes': 64 * 2 ** 20, 'W3.maxBytes': 64 * 2 ** 20, 'W3.growthPer1000Steps': HEAP_STEADY_BYTES_PER_1000_STEPS * 2,
    };
    const table = formatHeapTable(result, ['W1', 'W3']).split('\n');
    expect(table[2]).toBe('| W1 | 200,000 | 9.00 | 9.00 | 9.50 | 20 B | yes |');
    expect(table[3]).toBe('| W3 | 4,000 | 62.00 | 64.00 | 64.00 | 32768 B | NO |');
  });
});
