/** The custom node component of each layer kind. Module scope: React Flow must get a stable object. */
import type { NodeTypes } from '@xyflow/react';
import { ActivationNode } from '../nodes/ActivationNode';
import { DenseNode } from '../nodes/DenseNode';
import { DropoutNode } from '../nodes/DropoutNode';
import { InputNode } from '../nodes/InputNode';
import { OutputNode } from '../nodes/OutputNode';

export const NODE_TYPES: NodeTypes = {
  input: InputNode,
  dense: DenseNode,
  output: OutputNode,
  dropout: DropoutNode,
  activation: ActivationNode,
};
