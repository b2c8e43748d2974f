/** The streaming part of the benchmark report: quartiles, the verdict against issue #8's target, the table. */
import { describe, expect, it } from 'vitest';
import { formatStreamingTable, quantile, streamingSummary, streamingVerdict, summarizeRatios } from '../../bench/report';

describe('quantile', () => {
  it('interpolates between order statistics (type 7, as R and NumPy)', () => {
    // Sorted: 1 2 3 4. Position (n−1)·p: 0.75 → 1 + 0.75·(2−1) = 1.75; 1.5 → 2.5; 2.25 → 3.25.
    const v = [4, 1, 3, 2];
    expect(quantile(v, 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile(v, 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile(v, 0.75)).toBeCloseTo(3.25, 12);
    expect(quantile(v, 0)).toBe(1);
    expect(quantile(v, 1)).toBe(4);
    expect(quantile([7], 0.25)).toBe(7);
    expect(v).toEqual([4, 1, 3, 2]); // the input is not sorted in place
  });

  it('refuses an empty list', () => {
    expect(() => quantile([], 0.5)).toThrow(/empty/);
  });
});

describe('summarizeRatios and streamingVerdict', () => {
  it('summarizes paired ratios by median, quartiles and range', () => {
    // Sorted: 0.8 0.9 0.95 1.0 1.1; positions 1, 2, 3 for the quartiles and the median.
    expect(summarizeRatios([1.0, 0.8, 1.1, 0.95, 0.9])).toEqual({ count: 5, median: 0.95, q1: 0.9, q3: 1.0, min: 0.8, max: 1.1 });
  });

  it('calls the target met only when the lower quartile keeps 90% of the throughput', () => {
    const base = { count: 8, min: 0.5, max: 1.2, q3: 1 };
    expect(streamingVerdict({ ...base, median: 0.95, q1: 0.9 })).toBe('met');
    expect(streamingVerdict({ ...base, median: 0.93, q1: 0.89 })).toBe('median only');
    expect(streamingVerdict({ ...base, median: 0.88, q1: 0.85 })).toBe('missed');
  });
});

describe('the streaming table', () => {
  const info = {
    status: 'ok',
    'W1.wallPairs': 12, 'W1.wallMedian': 0.95, 'W1.wallQ1': 0.93, 'W1.wallQ3': 0.97, 'W1.wallMin': 0.9, 'W1.wallMax': 0.99,
    'W1.cpuPairs': 12, 'W1.cpuMedian': 0.96, 'W1.cpuQ1': 0.94, 'W1.cpuQ3': 0.98, 'W1.cpuMin': 0.91, 'W1.cpuMax': 1.01,
    'W1.offSamplesPerSecond': 650000, 'W1.onSamplesPerSecond': 617500, 'W1.snapshotsPerSecond': 19.4, 'W1.metricsPerSecond': 18.2, 'W1.hostShare': 0.0512,
    // W3 has wall-time pairs only (no /proc): the verdict falls back to them.
    'W3.wallPairs': 12, 'W3.wallMedian': 0.91, 'W3.wallQ1': 0.88, 'W3.wallQ3': 0.95, 'W3.wallMin': 0.8, 'W3.wallMax': 1.02,
  };

  it('reads the summaries the helper wrote, or none', () => {
    expect(streamingSummary(info, 'W1', 'cpu')).toEqual({ count: 12, median: 0.96, q1: 0.94, q3: 0.98, min: 0.91, max: 1.01 });
    expect(streamingSummary(info, 'W3', 'cpu')).toBeNull();
    expect(streamingSummary(info, 'W2', 'wall')).toBeNull();
  });

  it('prints one row per measured workload with the ratios, their spread and the verdict', () => {
    const lines = formatStreamingTable(info, ['W1', 'W2', 'W3']).split('\n');
    expect(lines).toHaveLength(4); // header, rule, W1, W3 (W2 was not measured)
    expect(lines[2]).toBe('| W1 | 12 | 650,000 | 617,500 | 0.950 (0.930–0.970; 0.900–0.990) | 0.960 (0.940–0.980; 0.910–1.010) | met | 5.1% | 19.4 | 18.2 |');
    expect(lines[3]).toBe('| W3 | 12 | – | – | 0.910 (0.880–0.950; 0.800–1.020) | – | median only | – | – | – |');
  });
});
