/**
 * Size bombs and hostile shapes: the project, model and CSV readers refuse them with a
 * message that names the field or row, before allocating anything in proportion to what the
 * file claims, and random or mutated inputs never make them throw.
 * (Files over the byte cap are refused before reading: test/main/files.test.ts for main,
 * test/store/read-file.test.ts for the browser's picker and drops.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCheckpointRecord, readCheckpointRecordHead } from '../../src-engine/checkpoint-record';
import { parseCsv, MAX_FIELDS } from '../../src-engine/csv';
import { createSpiralExample } from '../../src-engine/examples';
import { exportModel, parseModel } from '../../src-engine/model-json';
import { parseProjectText } from '../../src-engine/project';
import { createTrainingSession } from '../../src-engine/training-session';

/** Heap growth allowed while refusing a bomb: far below what the bomb asks for (≥ 80 MB). */
const MAX_HEAP_GROWTH_BYTES = 40 * 1024 * 1024;

function heapGrowth(run: () => void): number {
  const before = process.memoryUsage().heapUsed;
  run();
  return process.memoryUsage().heapUsed - before;
}

const nested = (depth: number, inner = '0') => '['.repeat(depth) + inner + ']'.repeat(depth);

function spiralText(edit: (p: Record<string, unknown> & { graph: { nodes: { id: string; data: Record<string, unknown> }[] } }) => void): string {
  const project = structuredClone(createSpiralExample()) as unknown as Parameters<typeof edit>[0];
  edit(project);
  return JSON.stringify(project);
}

function exportedModel(): Record<string, unknown> {
  const project = createSpiralExample();
  const created = createTrainingSession(project);
  if (!created.ok) throw new Error(created.error);
  return structuredClone(exportModel(created.session, project)) as unknown as Record<string, unknown>;
}

describe('project reader', () => {
  it('refuses a layer of 10 million units, naming the field, without allocating its weights', () => {
    const text = spiralText((p) => (p.graph.nodes[1].data.units = 10_000_000));
    let result: ReturnType<typeof parseProjectText> | null = null;
    expect(heapGrowth(() => (result = parseProjectText(text)))).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('graph.nodes[1].data.units') });
  });

  it('refuses manual weights declared for 10^8 entries (10^4 × 10^4 units)', () => {
    const text = spiralText((p) => {
      p.graph.nodes[1].data.units = 10_000;
      p.graph.nodes[2].data.units = 10_000;
      p.graph.nodes[2].data.kernelInitializer = { type: 'manual', values: [0.5, 0.25] };
    });
    const r = parseProjectText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/graph\.nodes\[1\]\.data\.units[\s\S]*graph\.nodes\[2\]\.data\.units/);
  });

  it('refuses JSON nested 100,000 deep with a message, without overflowing the stack', () => {
    for (const text of [nested(100_000), `{"format":"layerlab-project","version":1,"name":${nested(100_000)}}`]) {
      const r = parseProjectText(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
    }
    // Unbalanced: a JSON syntax error, named as such.
    expect(parseProjectText('['.repeat(100_000))).toMatchObject({ ok: false, error: expect.stringContaining('not valid JSON') });
  });
});

describe('model reader', () => {
  it('refuses a model layer of 10 million units and 10^8 declared weights, naming the field', () => {
    const model = exportedModel();
    const layers = model.layers as Record<string, unknown>[];
    layers[0].units = 10_000_000;
    const r = parseModel(JSON.parse(JSON.stringify(model)));
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('layers[0].units') });
    const input = model.input as Record<string, unknown>;
    input.features = 10_000;
    layers[0].units = 10_000;
    expect(parseModel(model)).toMatchObject({ ok: false, error: expect.stringContaining('input.features') });
  });

  it('refuses a weights matrix whose rows do not match the layer, naming the row', () => {
    const model = exportedModel();
    const layers = model.layers as { weights: number[][] }[];
    layers[0].weights[1] = [1, 2, 3];
    expect(parseModel(model)).toMatchObject({ ok: false, error: 'layers[0].weights[1]: has 3 values but the layer has 8 units.' });
  });

  it('answers JSON nested 100,000 deep with a message', () => {
    expect(parseModel(JSON.parse(nested(100_000)))).toMatchObject({ ok: false, error: expect.stringContaining('not a LayerLab model') });
    const model = exportedModel();
    model.layers = JSON.parse(nested(100_000));
    expect(parseModel(model).ok).toBe(false);
  });

  it('never throws on random JSON or on mutations of a valid model', () => {
    const valid = exportedModel();
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const r = parseModel(raw);
        return r.ok === false && typeof r.error === 'string' && r.error.length > 0;
      }),
      { numRuns: 500 },
    );
    const paths = ['format', 'version', 'input', 'input.features', 'input.featureNames', 'input.normalization', 'layers', 'output', 'output.task'];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const copy = structuredClone(valid) as Record<string, unknown>;
        const keys = path.split('.');
        let target = copy as Record<string, unknown>;
        for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
        target[keys[keys.length - 1]] = value;
        const r = parseModel(copy);
        return r.ok || (typeof r.error === 'string' && r.error.length > 0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('CSV reader', () => {
  it('refuses a header of a million columns, naming the row, and stops reading at the limit', () => {
    const text = `${Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',')}\n1,2\n`;
    let result: ReturnType<typeof parseCsv> | null = null;
    expect(heapGrowth(() => (result = parseCsv(text, ',')))).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
    expect(result).toMatchObject({ ok: false, error: `Row 1: more than ${MAX_FIELDS} fields. Check the delimiter, or split the file.` });
  });
});

describe('saved-run reader', () => {
  it('answers a deeply nested or hostile record with a message and never throws', () => {
    expect(parseCheckpointRecord(JSON.parse(nested(100_000)))).toMatchObject({ ok: false });
    expect(readCheckpointRecordHead({ format: 'layerlab-saved-run', version: 1, project: JSON.parse(nested(100_000)) })).toMatchObject({ ok: false });
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const full = parseCheckpointRecord(raw);
        const head = readCheckpointRecordHead(raw);
        return !full.ok && !head.ok && full.error.length > 0 && head.error.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});
