/** An activation layer: the function it applies. */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerFlowNode } from '../canvas/flow-elements';
import type { ActivationData } from '../../src-engine/project';
import { LayerCard } from './LayerCard';

export const ActivationNode = memo(function ActivationNode({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const { t } = useTranslation();
  const d = data as ActivationData;
  return (
    <LayerCard id={id} kind="activation" name={d.name} selected={selected}>
      <div className="layer-line">{t(`activations.${d.activation}`)}</div>
    </LayerCard>
  );
});
