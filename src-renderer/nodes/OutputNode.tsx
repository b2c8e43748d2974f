/** The output layer: a dense layer whose activations are the network's predictions. */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LayerFlowNode } from '../canvas/flow-elements';
import type { DenseData } from '../../src-engine/project';
import { DenseLines } from './DenseLines';
import { LayerCard } from './LayerCard';

export const OutputNode = memo(function OutputNode({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const d = data as DenseData;
  return (
    <LayerCard id={id} kind="output" name={d.name} selected={selected}>
      <DenseLines units={d.units} activation={d.activation} />
    </LayerCard>
  );
});
