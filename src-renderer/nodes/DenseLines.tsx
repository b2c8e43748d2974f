/** The body lines of dense and output nodes: "Units 8 · Tanh". */
import { useTranslation } from 'react-i18next';
import type { ActivationName } from '../../src-engine/project';

export function DenseLines({ units, activation }: { units: number; activation: ActivationName }) {
  const { t } = useTranslation();
  return (
    <div className="layer-line">
      <span>
        {t('node.units')} <b>{units}</b>
      </span>
      <span className="layer-sep">·</span>
      <span>{t(`activations.${activation}`)}</span>
    </div>
  );
}
