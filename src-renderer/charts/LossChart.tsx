/**
 * The live loss chart (uPlot): per-step training loss, and per-epoch training and
 * validation loss. It redraws on requestAnimationFrame when the history changed, never per
 * trainer message. For tests the container exposes `data-points` (step points kept) and
 * `data-first-loss` (the run's first plotted loss); the latest loss is shown as text named
 * "Current loss". The live views add smoothing, accuracy, hyperparameter marks, an
 * overfitting band and hover values (views/loss-extras.ts), and while the history slider is
 * held back a line at the step shown with its exact values (views/ScrubValues.tsx).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { CONTROL_NAMES } from '../i18n/stable-names';
import { formatLoss } from '../nodes/format';
import { appStore, useApp } from '../store/app-store';
import { ACCURACY_SCALE, accuracyAxis, extendChartData, extraSeries, hoverTipPlugin, lossOverlayPlugin } from '../views/loss-extras';
import { detectOverfitting, SMOOTHING_WEIGHTS } from '../views/metrics';
import { ScrubValues } from '../views/ScrubValues';
import { VIEW_NAMES } from '../views/view-names';
import { buildChartData } from './chart-data';

export const SERIES_COLORS = { step: '#93c5fd', train: '#1d4ed8', val: '#ea580c' } as const;

function createPlot(el: HTMLElement, width: number, height: number, xLabel: string, log: boolean, showAccuracy: boolean, plugins: uPlot.Plugin[]): uPlot {
  const axis = { stroke: '#64748b', grid: { stroke: '#e2e8f0', width: 1 }, ticks: { stroke: '#e2e8f0' }, font: '11px system-ui, sans-serif' };
  return new uPlot(
    {
      width,
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: log ? { distr: 3 } : { auto: true }, ...ACCURACY_SCALE },
      axes: [
        { ...axis, label: xLabel, labelSize: 18, labelFont: '11px system-ui, sans-serif' },
        { ...axis, size: 52 },
        ...(showAccuracy ? accuracyAxis(axis) : []),
      ],
      plugins,
      series: [
        {},
        // spanGaps: the rows of epoch points leave nulls between step points.
        { stroke: SERIES_COLORS.step, width: 1, spanGaps: true, points: { show: false } },
        { stroke: SERIES_COLORS.train, width: 2, spanGaps: true, points: { show: false } },
        { stroke: SERIES_COLORS.val, width: 2, spanGaps: true, dash: [6, 4], points: { show: false } },
        ...extraSeries(showAccuracy),
      ],
    },
    [[], [], [], [], [], [], []],
    el,
  );
}

/** `actions`: buttons the view panel adds to the header (save, enlarge, hide). */
export function LossChart({ actions }: { actions?: ReactNode } = {}) {
  const { t, i18n } = useTranslation();
  const frameRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const currentRef = useRef<HTMLSpanElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const [log, setLog] = useState(false);
  const [smoothing, setSmoothing] = useState(0);
  const [showAccuracy, setShowAccuracy] = useState(false);
  const overfitStep = useApp((s) => (s.history.epochs.length > 0 ? detectOverfitting(s.history.epochs)?.step ?? null : null));
  const hasAccuracy = useApp((s) => s.history.epochs.some((e) => e.trainAccuracy !== null));
  const empty = useApp((s) => s.history.received === 0);
  const xLabel = t('chart.step');

  useEffect(() => {
    const frame = frameRef.current;
    const host = plotRef.current;
    if (!frame || !host) return;
    const size = () => ({ width: Math.max(200, host.clientWidth), height: Math.max(80, host.clientHeight) });
    let { width, height } = size();
    const plugins = [
      lossOverlayPlugin({ overfitting: () => t('metrics.overfitting') }),
      hoverTipPlugin(
        () => tipRef.current,
        (u, idx) => describeAt(u, idx, t),
      ),
    ];
    const plot = createPlot(host, width, height, xLabel, log, showAccuracy, plugins);
    let raf = 0;
    let drawn: unknown = null;
    let drawnWidth = -1;

    const draw = () => {
      raf = 0;
      const history = appStore.getState().history;
      if (history === drawn && width === drawnWidth) return;
      drawn = history;
      drawnWidth = width;
      plot.setData(extendChartData(buildChartData(history, Math.max(100, Math.floor(width)), log), history, smoothing));
      frame.dataset.points = String(history.stepX.length);
      frame.dataset.firstLoss = history.stepY.length > 0 ? String(history.stepY[0]) : '';
      if (currentRef.current) currentRef.current.textContent = formatLoss(history.lastLoss);
    };
    const schedule = () => {
      if (raf === 0) raf = requestAnimationFrame(draw);
    };
    const unsubscribe = appStore.subscribe((s, prev) => {
      if (s.history !== prev.history) schedule();
    });
    const observer = new ResizeObserver(() => {
      ({ width, height } = size());
      plot.setSize({ width, height });
      schedule();
    });
    observer.observe(host);
    schedule();
    // The marks of live changes are drawn by the overlay: redraw when one is added.
    const unmark = appStore.subscribe((s, prev) => {
      if (s.marks !== prev.marks || s.scrubStep !== prev.scrubStep) plot.redraw(false);
    });
    return () => {
      unsubscribe();
      unmark();
      observer.disconnect();
      if (raf !== 0) cancelAnimationFrame(raf);
      plot.destroy();
    };
  }, [xLabel, log, smoothing, showAccuracy, t, i18n.language]);

  return (
    <div className="loss-chart">
      <div className="chart-head">
        <h2 className="panel-title">{t('chart.title')}</h2>
        <ul className="chart-legend">
          <li>
            <span className="legend-swatch" style={{ background: SERIES_COLORS.step }} />
            {t('chart.stepLoss')}
          </li>
          <li>
            <span className="legend-swatch" style={{ background: SERIES_COLORS.train }} />
            {t('chart.epochTrain')}
          </li>
          <li>
            <span className="legend-swatch legend-dashed" style={{ borderColor: SERIES_COLORS.val }} />
            {t('chart.epochVal')}
          </li>
        </ul>
        <div className="chart-options">
        <label className="chart-log">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} />
          {t('chart.logScale')}
        </label>
        <select className="chart-smoothing" aria-label={VIEW_NAMES.smoothing} title={t('metrics.smoothingHint')} value={smoothing} onChange={(e) => setSmoothing(Number(e.target.value))}>
          {SMOOTHING_WEIGHTS.map((w) => (
            <option key={w} value={w}>
              {w === 0 ? t('metrics.smoothingOff') : t('metrics.smoothingValue', { weight: w })}
            </option>
          ))}
        </select>
        {hasAccuracy && (
          <label className="chart-log">
            <input type="checkbox" aria-label={VIEW_NAMES.accuracy} checked={showAccuracy} onChange={(e) => setShowAccuracy(e.target.checked)} />
            {t('metrics.accuracy')}
          </label>
        )}
        {overfitStep !== null && (
          <span className="view-badge view-badge-overfit" role="status" aria-label={VIEW_NAMES.overfitting} title={t('metrics.overfittingHint', { step: overfitStep })}>
            ⚠ {t('metrics.overfitting')}
          </span>
        )}
        </div>
        <div className="chart-current">
          <span className="chart-current-label">{t('chart.current')}</span>
          <span className="chart-current-value" ref={currentRef} aria-label={CONTROL_NAMES.currentLoss} role="status">
            –
          </span>
        </div>
        {actions}
      </div>
      <div className="chart-frame" ref={frameRef} role="img" aria-label={CONTROL_NAMES.lossChart} data-points="0" data-overfit-step={overfitStep ?? ''}>
        <div className="chart-plot" ref={plotRef} />
        <div className="view-tip chart-tip" ref={tipRef} hidden />
        <ScrubValues />
        {empty && <p className="chart-empty">{t('chart.empty')}</p>}
      </div>
    </div>
  );
}

/** The lines of the hover tip at data index `idx`: the step, then each shown series' value. */
function describeAt(u: uPlot, idx: number, t: (key: string) => string): string[] {
  const names = ['', t('chart.stepLoss'), t('chart.epochTrain'), t('chart.epochVal'), t('metrics.smoothed'), t('metrics.trainAccuracy'), t('metrics.valAccuracy')];
  const lines = [`${t('chart.step')} ${u.data[0][idx]}`];
  for (let k = 1; k < u.data.length; k++) {
    const v = u.data[k][idx];
    if (v === null || v === undefined || !u.series[k].show) continue;
    lines.push(`${names[k]}: ${k >= 5 ? `${(v * 100).toFixed(1)}%` : formatLoss(v)}`);
  }
  return lines;
}
