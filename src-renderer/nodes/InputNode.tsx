/** The input layer: the data set's features. */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/app-store';
import type { LayerFlowNode } from '../canvas/flow-elements';
import { LayerCard } from './LayerCard';

export const InputNode = memo(function InputNode({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const { t } = useTranslation();
  const features = useApp((s) => s.analysis.shape?.features ?? null);
  return (
    <LayerCard id={id} kind="input" name={data.name} selected={selected}>
      <div className="layer-line">{features === null ? '–' : t('node.features', { count: features })}</div>
    </LayerCard>
  );
});
