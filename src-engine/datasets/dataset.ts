/** The in-memory data set the engine trains on, and the cheap summary the compiler needs. */

/** A loaded data set: row-major matrices of samples. */
export interface Dataset {
  name: string;
  task: 'classification' | 'regression';
  /** Number of samples. */
  n: number;
  features: number;
  targets: number;
  /** Inputs `[n][features]`, row-major. */
  x: Float64Array;
  /** Targets `[n][targets]`: values (regression), a 0/1 label (one target) or one-hot rows. */
  y: Float64Array;
  /** Class index per sample (classification only). */
  labels: Int32Array | null;
  /** A name per class, index = class (classification only). */
  classLabels: string[] | null;
  featureNames: string[];
  targetNames: string[];
}

/** What the graph compiler needs to know about the data, without generating it. */
export interface DataShape {
  features: number;
  targets: number;
  task: 'classification' | 'regression';
  /** Number of classes; 0 for regression. */
  classes: number;
}

/** Result of loading: never throws; `error` says what is wrong with the spec. */
export type LoadDatasetResult = { ok: true; dataset: Dataset } | { ok: false; error: string };
