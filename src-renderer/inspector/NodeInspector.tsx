/** The selected layer's settings. Every change is a store action; invalid values are refused with a reason. */
import { useTranslation } from 'react-i18next';
import {
  ACTIVATIONS,
  LIMITS,
  layerDataSchemas,
  type ActivationName,
  type DenseData,
  type GraphNode,
} from '../../src-engine/project';
import { appStore, useApp } from '../store/app-store';
import type { LayerDataPatch } from '../store/graph-edits';
import { CheckboxField, NumberField, Section, SelectField, TextField } from './fields';
import { InitializerField } from './InitializerField';

/** Activations with an α parameter (Leaky ReLU's slope, ELU's saturation). */
const WITH_ALPHA: readonly ActivationName[] = ['leaky_relu', 'elu'];

const dense = layerDataSchemas.dense.shape;

export function NodeInspector({ node }: { node: GraphNode }) {
  const { t } = useTranslation();
  const features = useApp((s) => s.analysis.shape?.features ?? null);
  const inputs = useApp((s) => s.analysis.nodeInfo[node.id]?.inputs ?? null);
  const update = (data: LayerDataPatch) => appStore.getState().updateNodeData(node.id, data);
  const activationOptions = ACTIVATIONS.map((a) => ({ value: a, label: t(`activations.${a}`) }));

  return (
    <div className="node-inspector" data-node-id={node.id}>
      <div className="inspector-kind">
        <span className={`kind-dot layer-${node.type}`} aria-hidden="true" />
        {t(`layers.${node.type}`)}
      </div>
      <TextField label={t('inspector.name')} value={node.data.name} maxLength={LIMITS.maxNameLength} onCommit={(name) => update({ name })} />
      {node.type === 'input' && features !== null && <p className="field-hint">{t('inspector.inputInfo', { count: features })}</p>}
      {(node.type === 'dense' || node.type === 'output') && <DenseFields data={node.data} inputs={inputs} update={update} options={activationOptions} />}
      {node.type === 'dropout' && (
        <NumberField
          label={t('inspector.rate')}
          value={node.data.rate}
          schema={layerDataSchemas.dropout.shape.rate}
          onCommit={(rate) => update({ rate })}
        />
      )}
      {node.type === 'activation' && (
        <>
          <SelectField
            label={t('inspector.activation')}
            value={node.data.activation}
            options={activationOptions}
            onChange={(activation) => update({ activation })}
          />
          {WITH_ALPHA.includes(node.data.activation) && (
            <NumberField
              label={t('inspector.alpha')}
              value={node.data.alpha}
              schema={layerDataSchemas.activation.shape.alpha}
              onCommit={(alpha) => update({ alpha })}
            />
          )}
        </>
      )}
    </div>
  );
}

interface DenseFieldsProps {
  data: DenseData;
  /** Width of the layer's input, or null while it is not connected. */
  inputs: number | null;
  update(data: LayerDataPatch): void;
  options: { value: ActivationName; label: string }[];
}

function DenseFields({ data, inputs, update, options }: DenseFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field-row">
        <NumberField label={t('inspector.units')} value={data.units} schema={dense.units} onCommit={(units) => update({ units })} />
        <SelectField label={t('inspector.activation')} value={data.activation} options={options} onChange={(activation) => update({ activation })} />
      </div>
      {WITH_ALPHA.includes(data.activation) && (
        <NumberField label={t('inspector.alpha')} value={data.alpha} schema={dense.alpha} onCommit={(alpha) => update({ alpha })} />
      )}
      <CheckboxField label={t('inspector.useBias')} checked={data.useBias} onChange={(useBias) => update({ useBias })} />
      <Section title={t('inspector.initialization')}>
        <InitializerField
          label={t('inspector.kernelInitializer')}
          value={data.kernelInitializer}
          shape={inputs === null ? null : { rows: inputs, cols: data.units }}
          onChange={(kernelInitializer) => update({ kernelInitializer })}
        />
        {data.useBias && (
          <InitializerField
            label={t('inspector.biasInitializer')}
            value={data.biasInitializer}
            shape={{ rows: 1, cols: data.units }}
            onChange={(biasInitializer) => update({ biasInitializer })} />
        )}
      </Section>
      <Section title={t('inspector.regularization')}>
        <div className="field-row">
          <NumberField label={t('inspector.l1')} value={data.l1} schema={dense.l1} onCommit={(l1) => update({ l1 })} />
          <NumberField label={t('inspector.l2')} value={data.l2} schema={dense.l2} onCommit={(l2) => update({ l2 })} />
        </div>
      </Section>
    </>
  );
}
