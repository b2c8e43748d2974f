/**
 * The live views under the canvas: a bar of panel toggles, the history slider, CSV export
 * and live changes, then the open panels side by side. An enlarged panel covers the canvas
 * and the dock (the `.center` area, measured here so the layout's sizes stay in app.css).
 *
 * It keeps the trainer told which views are open ('set-views'), again whenever the trainer
 * connection or the trainer itself changes (a restarted trainer starts with none).
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { exportTextFile } from '../bridge/project-files';
import { LossChart } from '../charts/LossChart';
import { appStore, useApp } from '../store/app-store';
import { BoundaryView } from './BoundaryView';
import { ConfusionView } from './ConfusionView';
import { DistributionsView } from './DistributionsView';
import { GradientsView } from './GradientsView';
import { NetworkView } from './NetworkView';
import { metricsCsv } from './metrics';
import { PanelActions } from './ViewPanel';
import { PANEL_NAMES, VIEW_NAMES } from './view-names';
import { ViewsBar } from './ViewsBar';
import './views.css';

/** Keeps the area an enlarged panel covers in CSS variables on `el`. */
function useEnlargeArea(el: React.RefObject<HTMLDivElement | null>): void {
  useLayoutEffect(() => {
    const dock = el.current;
    const area = dock?.closest<HTMLElement>('.center') ?? dock?.parentElement;
    if (!dock || !area) return;
    const update = () => {
      const r = area.getBoundingClientRect();
      dock.style.setProperty('--enlarge-left', `${r.left + 8}px`);
      dock.style.setProperty('--enlarge-top', `${r.top + 8}px`);
      dock.style.setProperty('--enlarge-width', `${r.width - 16}px`);
      dock.style.setProperty('--enlarge-height', `${r.height - 16}px`);
    };
    const observer = new ResizeObserver(update);
    observer.observe(area);
    window.addEventListener('resize', update);
    update();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [el]);
}

/** Saves the metric history (loss, accuracy, live changes) as CSV. */
function CsvButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="icon-btn icon-btn-text" aria-label={VIEW_NAMES.exportCsv} title={t('views.csvHint')} onClick={exportMetricsCsv}>
      {t('views.csv')}
    </button>
  );
}

function exportMetricsCsv(): void {
  const s = appStore.getState();
  const base = (s.project.name || 'layerlab').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'layerlab';
  void exportTextFile(metricsCsv(s.history, s.marks), `${base}-metrics.csv`, 'csv').then((r) => {
    if (!r.ok && !r.canceled) appStore.getState().notify({ level: 'error', code: 'export-failed', message: i18next.t('views.csvFailed', { error: r.error }), nodeId: null });
  });
}

/** The loss chart as a view panel: its own header carries the panel's buttons. */
function LossPanel() {
  const ref = useRef<HTMLElement>(null);
  const enlarged = useApp((s) => s.enlarged === 'loss');
  return (
    <section ref={ref} className={`view-panel view-panel-loss${enlarged ? ' is-enlarged' : ''}`} aria-label={PANEL_NAMES.loss} data-panel="loss">
      <LossChart actions={<PanelActions id="loss" target={ref} extra={<CsvButton />} />} />
    </section>
  );
}

export function ViewsDock() {
  const ref = useRef<HTMLDivElement>(null);
  const panels = useApp((s) => s.panels);
  const enlarged = useApp((s) => s.enlarged);
  const connection = useApp((s) => s.connection);
  const trainerHost = useApp((s) => s.trainerHost);
  useEnlargeArea(ref);

  useEffect(() => {
    appStore.getState().syncViews(true);
  }, [connection, trainerHost]);

  const open = Object.values(panels).filter(Boolean).length;
  return (
    <div className={`views-dock${enlarged ? ' has-enlarged' : ''}`} ref={ref} data-open={open}>
      <ViewsBar />
      <div className="views-row">
        {panels.loss && <LossPanel />}
        {panels.network && <NetworkView />}
        {panels.gradients && <GradientsView />}
        {panels.boundary && <BoundaryView />}
        {panels.distributions && <DistributionsView />}
        {panels.confusion && <ConfusionView />}
        {open === 0 && <p className="views-none">—</p>}
      </div>
      {enlarged && <div className="views-backdrop" onClick={() => appStore.getState().enlargePanel(null)} />}
    </div>
  );
}
