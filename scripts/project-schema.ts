/**
 * The project file's JSON Schema, generated from the zod schema the app, the trainer and the
 * CLI validate with (src-engine/project.ts), so the published schema cannot drift from it.
 * `test/engine/project-schema.test.ts` fails when schemas/layerlab-project.schema.json is stale;
 * regenerate it with `UPDATE_SCHEMA=1 npx vitest run test/engine/project-schema.test.ts`.
 */
import { z } from 'zod';
import { projectSchema } from '../src-engine/project';

/** The JSON Schema document for `.layerlab.json` project files, as formatted JSON text. */
export function projectJsonSchemaText(): string {
  const schema = z.toJSONSchema(projectSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const document = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://layerlab.org/schemas/layerlab-project.schema.json',
    title: 'LayerLab project (.layerlab.json)',
    description:
      'A LayerLab project: the graph drawn on the canvas, the data set and the training settings. Generated from src-engine/project.ts.',
    ...schema,
  };
  const rest: Record<string, unknown> = document;
  delete rest['$schema'];
  // $schema first, whatever order zod's output gave it.
  return `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...rest }, null, 2)}\n`;
}
