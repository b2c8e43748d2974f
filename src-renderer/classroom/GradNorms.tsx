/**
 * Gradient size by layer for each comparison lane (the vanishing-gradient view): one bar per
 * dense layer, input side first, on a log scale, from the lane's latest snapshot.
 */
import { useTranslation } from 'react-i18next';
import type { CompareLane } from '../store/classroom-slice';
import { lessonText } from './lesson-language';
import { laneColor } from './lane-colors';
import { CLASSROOM_NAMES } from './names';

/** Bars span 10^−8 … 10^1 of ‖∂E/∂W‖. */
const LOG_MIN = -8;
const LOG_MAX = 1;

export function GradNorms({ lanes }: { lanes: readonly CompareLane[] }) {
  const { t, i18n } = useTranslation();
  const layers = lanes.reduce((m, l) => Math.max(m, l.gradNorms?.length ?? 0), 0);
  if (layers === 0) return null;
  const width = (v: number) => {
    if (!(v > 0) || !Number.isFinite(v)) return 0;
    return Math.max(2, Math.min(100, ((Math.log10(v) - LOG_MIN) / (LOG_MAX - LOG_MIN)) * 100));
  };
  return (
    <section className="grad-norms" aria-label={CLASSROOM_NAMES.gradientNorms}>
      <h3 className="formula-section-title">{t('compare.gradTitle')}</h3>
      <p className="panel-hint">{t('compare.gradCaption')}</p>
      {lanes.map((lane, i) => (
        <div key={lane.id} className="grad-lane" data-lane={lane.id}>
          <span className="grad-lane-title">{lessonText(lane.title, i18n.language)}</span>
          <ol className="grad-bars">
            {(lane.gradNorms ?? []).map((v, k) => (
              <li key={k} title={`${t('compare.layer', { n: k + 1 })}: ${v.toExponential(2)}`}>
                <span className="grad-bar-label">{k + 1}</span>
                <span className="grad-bar-track">
                  <span className="grad-bar" style={{ width: `${width(v)}%`, background: laneColor(i) }} />
                </span>
                <span className="grad-bar-value mono">{v.toExponential(1)}</span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
