/**
 * The project as JSON text, without re-serializing its data set on every save. An imported
 * set kept in the project (`{ type: 'inline' }`, up to 262,144 numbers) takes about 100 ms to
 * stringify; autosave runs after every edit, so doing that each time would freeze the UI for
 * several frames. The store never mutates a data set (an edit makes a new object), so its
 * text is cached by object identity and spliced into the rest of the project, which is small.
 */
import type { DatasetSpec, Project } from '../../src-engine/project';

const datasetText = new WeakMap<DatasetSpec, string>();

/** `JSON.stringify(dataset)`, computed once per data set object. */
function compactDataset(dataset: DatasetSpec): string {
  let text = datasetText.get(dataset);
  if (text === undefined) {
    text = JSON.stringify(dataset);
    datasetText.set(dataset, text);
  }
  return text;
}

/** Exactly `JSON.stringify(project)`, with the data set's text from the cache. */
export function projectJson(project: Project): string {
  const parts = Object.entries(project).map(([key, value]) => `${JSON.stringify(key)}:${key === 'dataset' ? compactDataset(value as DatasetSpec) : JSON.stringify(value)}`);
  return `{${parts.join(',')}}`;
}

/**
 * The project as saved to a file: indented two spaces so files diff well, except the data
 * set, which stays on one line (its text from the cache). Parses to the same value as
 * `projectJson`.
 */
export function projectJsonPretty(project: Project): string {
  const lines = Object.entries(project).map(([key, value]) => {
    const text = key === 'dataset' ? compactDataset(value as DatasetSpec) : JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
    return `  ${JSON.stringify(key)}: ${text}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}
