/** Project text for saves and autosave: the same JSON, with the data set serialized once. */
import { describe, expect, it } from 'vitest';
import { importTable } from '../../src-engine/data-import/import-table';
import { createSpiralExample } from '../../src-engine/examples';
import type { DatasetSpec, Project } from '../../src-engine/project';
import { parseProjectText } from '../../src-engine/project';
import { parseAutosave, serializeAutosave } from '../../src-renderer/store/autosave';
import { projectJson, projectJsonPretty } from '../../src-renderer/store/project-json';

function withImported(): Project {
  const rows = ['a,b,label'];
  for (let i = 0; i < 50; i++) rows.push(`${i / 7},${(i * 13) % 11},${i % 3 === 0 ? 'yes' : 'no'}`);
  const imported = importTable(rows.join('\n'), { target: 'label', task: 'classification' });
  if (!imported.ok) throw new Error(imported.error);
  return { ...createSpiralExample(), name: '"dataset": null \n  "x"', dataset: imported.spec };
}

/** The data set behind a proxy that counts how often JSON.stringify walks it. */
function counted(dataset: DatasetSpec): { dataset: DatasetSpec; walks: () => number } {
  let walks = 0;
  const proxy = new Proxy(dataset, {
    ownKeys(target) {
      walks++;
      return Reflect.ownKeys(target);
    },
  });
  return { dataset: proxy, walks: () => walks };
}

describe('project JSON', () => {
  it('is exactly JSON.stringify(project), compact, for built-in and imported sets', () => {
    for (const project of [createSpiralExample(), withImported()]) expect(projectJson(project)).toBe(JSON.stringify(project));
  });

  it('saves pretty text that reads back as the same project, the data set on one line', () => {
    const project = withImported();
    const text = projectJsonPretty(project);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "graph": {\n    "nodes": [');
    expect(text.split('\n').filter((l) => l.startsWith('  "dataset": {"type":"inline"'))).toHaveLength(1);
    const back = parseProjectText(text);
    expect(back.ok && back.value).toEqual(project);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(project, null, 2)));
  });

  it('serializes a data set once, however often the project around it is saved', () => {
    const { dataset, walks } = counted(withImported().dataset);
    const project = { ...withImported(), dataset };
    projectJson(project);
    const first = walks();
    expect(first).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) {
      projectJson({ ...project, name: `edit ${i}` });
      projectJsonPretty(project);
      serializeAutosave(project, null, true, i);
    }
    expect(walks()).toBe(first);
  });

  it('writes autosave records that read back', () => {
    const project = withImported();
    const text = serializeAutosave(project, '/x/p.layerlab.json', true, 1234);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify({ format: 'layerlab-autosave', version: 1, savedAt: 1234, filePath: '/x/p.layerlab.json', dirty: true, project })));
    expect(parseAutosave(text)).toEqual({ project, savedAt: 1234, filePath: '/x/p.layerlab.json', dirty: true });
  });
});
