/**
 * The bar above the view panels: a toggle per panel, the history slider (scrub back through
 * the recorded moments of the run; "Live" returns), and the live changes of hyperparameters.
 */
import { useTranslation } from 'react-i18next';
import { appStore, useApp } from '../store/app-store';
import { PANEL_IDS, type PanelId } from '../store/views-slice';
import { LiveChanges } from './LiveChanges';
import { PANEL_NAMES, VIEW_NAMES } from './view-names';

const LABEL_KEYS: Record<PanelId, string> = {
  loss: 'views.loss',
  network: 'views.network',
  gradients: 'views.gradients',
  boundary: 'views.boundaryShort',
  distributions: 'views.distributions',
  confusion: 'views.confusionShort',
};

export function ViewsBar() {
  const { t } = useTranslation();
  const panels = useApp((s) => s.panels);
  return (
    <div className="views-bar">
      <div className="views-toggles" role="toolbar" aria-label={VIEW_NAMES.viewsToolbar}>
        {PANEL_IDS.map((id) => (
          <button
            key={id}
            type="button"
            className={`view-toggle${panels[id] ? ' is-on' : ''}`}
            aria-label={PANEL_NAMES[id]}
            aria-pressed={panels[id]}
            onClick={() => appStore.getState().togglePanel(id)}
          >
            {t(LABEL_KEYS[id])}
          </button>
        ))}
      </div>
      <HistorySlider />
      <LiveChanges />
    </div>
  );
}

/** Scrubs through the recorded moments; at the right end (or with "Live") the views follow the run. */
function HistorySlider() {
  const { t } = useTranslation();
  const first = useApp((s) => s.timeline.points[0]?.step ?? 0);
  const last = useApp((s) => s.timeline.points.at(-1)?.step ?? 0);
  const count = useApp((s) => s.timeline.points.length);
  const scrubStep = useApp((s) => s.scrubStep);
  const { scrubTo } = appStore.getState();
  const value = scrubStep ?? last;
  return (
    <div className="history-slider">
      <label title={t('views.historyHint')}>
        <svg className="history-icon" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2.5v2.8h2.8M8 5v3.2l2 1.3" />
        </svg>
        <input
          type="range"
          aria-label={VIEW_NAMES.history}
          min={first}
          max={Math.max(first + 1, last)}
          step={1}
          value={value}
          disabled={count < 2}
          onChange={(e) => {
            const v = Number(e.target.value);
            scrubTo(v >= last ? null : v);
          }}
        />
      </label>
      <span className="history-step" data-scrub-step={scrubStep ?? ''}>
        {scrubStep === null ? (
          <>
            <span className="live-dot" aria-hidden="true" />
            {value}
          </>
        ) : (
          t('views.pastStep', { step: value })
        )}
      </span>
      {scrubStep !== null && (
        <button type="button" className="btn btn-small" aria-label={VIEW_NAMES.live} onClick={() => scrubTo(null)}>
          {t('views.live')}
        </button>
      )}
    </div>
  );
}
