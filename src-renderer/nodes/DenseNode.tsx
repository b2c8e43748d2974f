/** A dense (fully connected) layer: units and activation. */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LayerFlowNode } from '../canvas/flow-elements';
import type { DenseData } from '../../src-engine/project';
import { DenseLines } from './DenseLines';
import { LayerCard } from './LayerCard';

export const DenseNode = memo(function DenseNode({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const d = data as DenseData;
  return (
    <LayerCard id={id} kind="dense" name={d.name} selected={selected}>
      <DenseLines units={d.units} activation={d.activation} />
    </LayerCard>
  );
});
