import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSpiralExample } from '../../src-engine/examples';
import { PROJECT_VERSION, parseProject, parseProjectText } from '../../src-engine/project';

describe('project files', () => {
  it('round-trips the example through JSON without loss', () => {
    const project = createSpiralExample();
    const r = parseProjectText(JSON.stringify(project));
    expect(r.ok && r.value).toEqual(project);
  });

  it('refuses a file from a newer LayerLab with a clear message', () => {
    const r = parseProject({ ...createSpiralExample(), version: PROJECT_VERSION + 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/newer LayerLab/);
  });

  it('names the field and node index that is wrong', () => {
    const project = createSpiralExample() as unknown as { graph: { nodes: { data: { units: number } }[] } };
    project.graph.nodes[1].data.units = 0;
    const r = parseProject(project);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('graph.nodes[1].data.units');
  });

  it('says when a file is not JSON or not a project', () => {
    const bad = parseProjectText('{"format": "layerlab-project", ');
    expect(!bad.ok && bad.error).toMatch(/not valid JSON/);
    const other = parseProject({ hello: 1 });
    expect(!other.ok && other.error).toMatch(/not a LayerLab project/);
  });

  it('never throws on truncated or mutated files', () => {
    const text = JSON.stringify(createSpiralExample());
    fc.assert(
      fc.property(fc.nat(text.length), fc.string(), (cut, junk) => {
        const r = parseProjectText(text.slice(0, cut) + junk);
        return typeof r.ok === 'boolean';
      }),
      { numRuns: 300 },
    );
  });
});

describe('project files: data settings', () => {
  it('reads a project saved before test splits and normalization existed, unchanged', () => {
    const old = JSON.parse(JSON.stringify(createSpiralExample())) as { training: Record<string, unknown> };
    delete old.training.testSplit;
    delete old.training.normalization;
    const r = parseProject(old);
    expect(r.ok && [r.value.training.testSplit, r.value.training.normalization]).toEqual([0, { type: 'none' }]);
  });

  it('accepts a file-backed data set and checks its hash', () => {
    const file = {
      type: 'file', path: 'data.csv', sha256: 'ab'.repeat(32), rows: 150000, columns: 51, task: 'regression',
      featureNames: ['a'], targetNames: ['y'], importOptions: { target: 'y', task: 'regression', missing: 'mean' },
    };
    const r = parseProject({ ...createSpiralExample(), dataset: file });
    expect(r.ok && r.value.dataset).toEqual({ ...file, name: 'data', importOptions: { ...file.importOptions, types: {} } });
    const bad = parseProject({ ...createSpiralExample(), dataset: { ...file, sha256: 'xyz' } });
    expect(!bad.ok && bad.error).toMatch(/^dataset\.sha256/);
  });
});
