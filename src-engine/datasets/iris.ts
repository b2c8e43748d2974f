/** The built-in iris data set: 4 measurements → 3 species, targets one-hot (as notes 003's 4-4-4-3 network). */
import { parseCsv, readNumericColumns } from '../csv';
import type { Dataset } from './dataset';
import { IRIS_CSV } from './iris-data';

/** Feature columns, in input order (cm). */
export const IRIS_FEATURES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];
/** Class labels by index. */
export const IRIS_SPECIES = ['setosa', 'versicolor', 'virginica'];

/**
 * Parses the embedded iris CSV: x `[150][4]` in cm, y `[150][3]` one-hot, labels by species
 * in the order setosa, versicolor, virginica. Rows keep the file's order (50 of each species
 * in turn), so training relies on the seeded split and shuffling. Allocates.
 */
export function loadIris(): Dataset {
  const csv = parseCsv(IRIS_CSV);
  if (!csv.ok) throw new Error(`Embedded iris data: ${csv.error}`);
  const x = readNumericColumns(csv.header, csv.rows, IRIS_FEATURES);
  if (!x.ok) throw new Error(`Embedded iris data: ${x.error}`);
  const n = csv.rows.length;
  const speciesColumn = csv.header.indexOf('species');
  const labels = new Int32Array(n);
  const y = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    const label = IRIS_SPECIES.indexOf(csv.rows[i][speciesColumn].trim());
    if (label < 0) throw new Error(`Embedded iris data, row ${i + 2}: unknown species.`);
    labels[i] = label;
    y[i * 3 + label] = 1;
  }
  return {
    name: 'iris',
    task: 'classification',
    n,
    features: 4,
    targets: 3,
    x: x.values,
    y,
    labels,
    classLabels: [...IRIS_SPECIES],
    featureNames: [...IRIS_FEATURES],
    targetNames: [...IRIS_SPECIES],
  };
}
