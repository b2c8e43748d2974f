/**
 * The current run's data as the trainer splits it, rebuilt in the renderer from the run's
 * project with the engine's own (pure, seeded) functions: the class or target of every
 * training and validation sample, in the order the boundary view's points and the
 * confusion matrix's cells use. Computed once per run project and cached.
 *
 * File-backed data sets (desktop) are read by the trainer only; for them this is null and
 * the views draw the points without classes.
 */
import { loadDataset } from '../../src-engine/datasets';
import type { DataPart } from '../../src-engine/data-split';
import type { Project } from '../../src-engine/project';
import { prepareTrainingData } from '../../src-engine/training-data';

export interface RunData {
  task: 'classification' | 'regression';
  /** Classes (2 for one sigmoid output); 0 for regression. */
  classes: number;
  classLabels: string[] | null;
  features: number;
  /** Target range over both splits (regression; first target), for the colour scale. */
  targetMin: number;
  targetMax: number;
  train: DataPart;
  val: DataPart;
  /** The data set's name, e.g. "digits" (its samples are drawn as 8×8 images). */
  datasetName: string;
}

const CACHE = new WeakMap<Project, RunData | null>();

/** The output units of the project's output layer (1 when there is none). */
function outputUnits(project: Project): number {
  const out = project.graph.nodes.find((n) => n.type === 'output');
  return out && out.type === 'output' ? out.data.units : 1;
}

/** The run's split, or null when the data cannot be loaded here. */
export function runData(project: Project | null): RunData | null {
  if (!project) return null;
  if (CACHE.has(project)) return CACHE.get(project) ?? null;
  let data: RunData | null = null;
  try {
    const loaded = loadDataset(project.dataset);
    if (loaded.ok) {
      const ds = loaded.dataset;
      const outputs = outputUnits(project);
      const { train, val } = prepareTrainingData(ds, project.training, outputs);
      let targetMin = Infinity;
      let targetMax = -Infinity;
      for (const part of [train, val]) {
        for (let i = 0; i < part.n; i++) {
          const y = part.y[i * outputs];
          targetMin = Math.min(targetMin, y);
          targetMax = Math.max(targetMax, y);
        }
      }
      data = {
        task: ds.task,
        classes: ds.task === 'classification' ? Math.max(2, outputs) : 0,
        classLabels: ds.classLabels,
        features: ds.features,
        targetMin,
        targetMax,
        train,
        val,
        datasetName: project.dataset.type === 'builtin' ? project.dataset.name : '',
      };
    }
  } catch {
    data = null; // a data set the renderer cannot rebuild: draw without classes
  }
  CACHE.set(project, data);
  return data;
}
