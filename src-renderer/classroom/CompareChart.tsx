/**
 * Every comparison lane's loss per epoch in one uPlot chart, a colour per lane (validation
 * dashed when shown). For tests the frame carries `data-series` (lanes plotted) and
 * `data-points` (points per lane, comma-separated).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { appStore, useApp } from '../store/app-store';
import { buildCompareData } from './compare-data';
import { laneColor } from './lane-colors';
import { CLASSROOM_NAMES } from './names';

interface Props {
  /** Lane count (the chart is rebuilt when it changes). */
  laneCount: number;
  withValidation: boolean;
  log: boolean;
}

export function CompareChart({ laneCount, withValidation, log }: Props) {
  const { t, i18n } = useTranslation();
  const frameRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const large = useApp((s) => s.classroom.presentation);

  useEffect(() => {
    const frame = frameRef.current;
    const host = plotRef.current;
    if (!frame || !host) return;
    const font = `${large ? 15 : 11}px system-ui, sans-serif`;
    const axis = { stroke: '#475569', grid: { stroke: '#e2e8f0', width: 1 }, ticks: { stroke: '#e2e8f0' }, font, labelFont: font };
    const series: uPlot.Series[] = [{}];
    for (let i = 0; i < laneCount; i++) {
      series.push({ stroke: laneColor(i), width: large ? 3 : 2, spanGaps: true, points: { show: false } });
      if (withValidation) series.push({ stroke: laneColor(i), width: large ? 2 : 1.5, dash: [6, 4], spanGaps: true, points: { show: false } });
    }
    const size = () => ({ width: Math.max(240, host.clientWidth), height: Math.max(120, host.clientHeight) });
    const plot = new uPlot(
      {
        ...size(),
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false }, y: log ? { distr: 3 } : { auto: true } },
        axes: [
          { ...axis, label: t('compare.epoch'), labelSize: large ? 24 : 18 },
          { ...axis, label: t('compare.loss'), labelSize: large ? 24 : 18, size: large ? 70 : 56 },
        ],
        series,
      },
      [[], ...series.slice(1).map(() => [])] as uPlot.AlignedData,
      host,
    );
    let raf = 0;
    let drawn: unknown = null;
    const draw = () => {
      raf = 0;
      const lanes = appStore.getState().compare.lanes;
      if (lanes === drawn) return;
      drawn = lanes;
      plot.setData(buildCompareData(lanes.slice(0, laneCount), withValidation, log) as uPlot.AlignedData);
      frame.dataset.series = String(lanes.filter((l) => l.epochs.length > 0).length);
      frame.dataset.points = lanes.map((l) => l.epochs.length).join(',');
    };
    const schedule = () => {
      if (raf === 0) raf = requestAnimationFrame(draw);
    };
    const unsubscribe = appStore.subscribe((s, prev) => {
      if (s.compare.lanes !== prev.compare.lanes) schedule();
    });
    const observer = new ResizeObserver(() => {
      plot.setSize(size());
    });
    observer.observe(host);
    schedule();
    return () => {
      unsubscribe();
      observer.disconnect();
      if (raf !== 0) cancelAnimationFrame(raf);
      plot.destroy();
    };
  }, [laneCount, withValidation, log, large, t, i18n.language]);

  return (
    <div className="compare-chart" ref={frameRef} role="img" aria-label={CLASSROOM_NAMES.compareChart} title={t('compare.chart')} data-series="0" data-points="">
      <div className="compare-plot" ref={plotRef} />
    </div>
  );
}
