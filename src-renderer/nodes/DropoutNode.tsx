/** A dropout layer: its rate. */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerFlowNode } from '../canvas/flow-elements';
import type { DropoutData } from '../../src-engine/project';
import { LayerCard } from './LayerCard';

export const DropoutNode = memo(function DropoutNode({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const { t } = useTranslation();
  const d = data as DropoutData;
  return (
    <LayerCard id={id} kind="dropout" name={d.name} selected={selected}>
      <div className="layer-line">
        {t('node.rate')} <b>{d.rate}</b>
      </div>
    </LayerCard>
  );
});
