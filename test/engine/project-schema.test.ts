import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectJsonSchemaText } from '../../scripts/project-schema';
import { createSpiralExample } from '../../src-engine/examples';

const FILE = join(import.meta.dirname, '../../schemas/layerlab-project.schema.json');

describe('the published project JSON Schema', () => {
  it('is the one generated from the zod schema the app validates with', () => {
    const generated = projectJsonSchemaText();
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(FILE, generated);
    expect(readFileSync(FILE, 'utf8')).toBe(generated);
  });

  it('describes the project fields and the layer kinds', () => {
    const schema = JSON.parse(readFileSync(FILE, 'utf8'));
    expect(schema.title).toContain('LayerLab project');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['format', 'version', 'graph', 'dataset', 'training']));
    const text = JSON.stringify(schema);
    for (const kind of ['input', 'dense', 'dropout', 'activation', 'output']) expect(text).toContain(`"const":"${kind}"`);
    expect(createSpiralExample().format).toBe(schema.properties.format.const);
  });
});
