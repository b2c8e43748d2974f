/**
 * Makes the output layer and the loss fit the data set, for the editor's "Fit output to data"
 * (after the user picks or imports another data set): the output's units become the number of
 * targets (regression) or classes (1 sigmoid unit for two classes, unless 2 softmax units are
 * already there), its activation one that suits the task, and a cross-entropy loss that no
 * longer suits is swapped for the matching one. Everything else (hidden layers, optimizer, the
 * user's choice of mse for classification as in the notes) is left as it is.
 */
import { datasetShape } from './datasets';
import type { ActivationName, LossName, Project } from './project';

/** The project with its output and loss fitted to its data, or null when there is nothing to change (or no output layer). Pure. */
export function fitOutputToData(project: Project): Project | null {
  const shape = datasetShape(project.dataset);
  const output = project.graph.nodes.find((n) => n.type === 'output');
  if (!output || output.type !== 'output') return null;
  let { units, activation } = output.data;
  let loss: LossName = project.training.loss;
  const crossEntropy = loss === 'binary_crossentropy' || loss === 'categorical_crossentropy';
  if (shape.task === 'regression') {
    units = shape.targets;
    if (activation === 'softmax') activation = 'linear';
    if (crossEntropy) loss = 'mse';
  } else if (shape.classes === 2) {
    const twoSoftmax = units === 2 && activation === 'softmax' && loss !== 'binary_crossentropy';
    if (!twoSoftmax) {
      units = 1;
      activation = 'sigmoid' satisfies ActivationName;
      if (loss === 'categorical_crossentropy') loss = 'binary_crossentropy';
    }
  } else {
    units = shape.classes;
    activation = 'softmax';
    if (loss === 'binary_crossentropy') loss = 'categorical_crossentropy';
  }
  if (units === output.data.units && activation === output.data.activation && loss === project.training.loss) return null;
  const nodes = project.graph.nodes.map((n) => (n === output ? { ...output, data: { ...output.data, units, activation } } : n));
  return { ...project, graph: { ...project.graph, nodes }, training: { ...project.training, loss } };
}
