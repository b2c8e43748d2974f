/**
 * The decision view: decision boundary or regression surface under the data (two or more
 * inputs; more than two on the PCA plane), or the fitted curve (one input), with each
 * hidden unit's output as a thumbnail. Clicking a training point selects it (the network
 * view then shows its activations); hovering shows the network's output there. The canvas
 * exposes `data-step`, `data-kind` ('plane' | 'curve'), `data-projection` and
 * `data-output-sum` (Σ outputs over the grid, to see the boundary move).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { datasetShape } from '../../src-engine/datasets';
import type { BoundaryGrid } from '../../src-engine/inspect/boundary-grid';
import { formatLoss } from '../nodes/format';
import { appStore, useApp } from '../store/app-store';
import type { AppState } from '../store/types';
import { classColor, css } from './colormap';
import { displayedFrom } from './displayed';
import { drawBoundary, nearestSample, type BoundaryGeometry } from './draw-boundary';
import { runData } from './run-data';
import { useLiveCanvas } from './use-live-canvas';
import { VIEW_NAMES } from './view-names';
import { ViewCanvas, type CanvasPoint } from './ViewCanvas';
import { ViewPanel } from './ViewPanel';

const select = (s: AppState) => [s.live, s.timeline, s.scrubStep, s.runProject, s.selectedSample] as const;

function outputSum(grid: BoundaryGrid): number {
  let sum = 0;
  for (let k = 0; k < grid.outputs.length; k++) sum += grid.outputs[k];
  return sum;
}

export function BoundaryView() {
  const { t } = useTranslation();
  const geometryRef = useRef<{ geometry: BoundaryGeometry; grid: BoundaryGrid } | null>(null);
  const [hover, setHover] = useState<{ x: number; y: number; text: string } | null>(null);
  const runProject = useApp((s) => s.runProject);
  const hasGrid = useApp((s) => s.live?.views.boundary !== undefined);
  const projection = useApp((s) => {
    const b = s.live?.views.boundary;
    return b ? (b.kind === 'plane' ? b.projection : 'curve') : null;
  });
  const data = useMemo(() => runData(runProject), [runProject]);
  const task = useMemo(() => (runProject ? datasetShape(runProject.dataset).task : 'classification'), [runProject]);
  const axes = projection === 'pca' ? [t('boundaryView.pc', { n: 1 }), t('boundaryView.pc', { n: 2 })] : [t('boundaryView.x', { n: 1 }), t('boundaryView.x', { n: 2 })];

  const { canvasRef, redraw } = useLiveCanvas(select, (ctx, size, [live, timeline, scrubStep, project, selected], canvas) => {
    const shown = displayedFrom(live, timeline, scrubStep);
    const grid = shown?.views.boundary;
    if (!grid) {
      geometryRef.current = null;
      canvas.dataset.step = '';
      return;
    }
    const geometry = drawBoundary(
      ctx,
      {
        grid,
        data: runData(project),
        task,
        selectedSample: selected,
        axisX: grid.kind === 'curve' ? t('boundaryView.x', { n: 1 }) : axes[0],
        axisY: axes[1],
        hiddenTitle: t('boundaryView.hidden'),
      },
      size.width,
      size.height,
    );
    geometryRef.current = { geometry, grid };
    canvas.dataset.step = String(shown.step);
    canvas.dataset.kind = grid.kind;
    canvas.dataset.projection = grid.kind === 'plane' ? grid.projection : 'curve';
    canvas.dataset.outputSum = String(outputSum(grid));
  });
  useEffect(redraw, [t, task, redraw]);

  const onHover = ({ x: px, y: py }: CanvasPoint) => {
    const g = geometryRef.current;
    if (!g || g.grid.kind !== 'plane') return setHover(null);
    const { plot } = g.geometry;
    if (px < plot.x || py < plot.y || px > plot.x + plot.width || py > plot.y + plot.height) return setHover(null);
    const [x, y] = g.geometry.fromPixel(px, py);
    const grid = g.grid;
    const ix = Math.min(grid.size - 1, Math.floor(((px - plot.x) / plot.width) * grid.size));
    const iy = Math.min(grid.size - 1, Math.floor(((py - plot.y) / plot.height) * grid.size));
    const p = iy * grid.size + ix;
    const outs = Array.from(grid.outputs.subarray(p * grid.outputUnits, (p + 1) * grid.outputUnits), (v) => formatLoss(v));
    setHover({ x: px, y: py, text: `(${formatLoss(x)}, ${formatLoss(y)}) → ${outs.join(', ')}` });
  };

  const onPick = ({ x, y }: CanvasPoint) => {
    const g = geometryRef.current;
    if (!g) return;
    const index = nearestSample(g.grid, g.geometry, x, y);
    if (index !== null) appStore.getState().selectSample(index);
  };

  const classes = data?.task === 'classification' ? Array.from({ length: data.classes }, (_, k) => data.classLabels?.[k] ?? String(k)) : [];

  return (
    <ViewPanel id="boundary" title={t(projection === 'curve' ? 'views.curve' : task === 'regression' ? 'views.surface' : 'views.boundary')} tools={projection === 'pca' ? <span className="view-note">{t('boundaryView.pca')}</span> : null}>
      <div className="view-stack">
        <ViewCanvas
          canvasRef={canvasRef}
          label={VIEW_NAMES.boundaryCanvas}
          empty={hasGrid ? null : t(runProject ? 'boundaryView.waiting' : 'views.empty')}
          onHover={onHover}
          onLeave={() => setHover(null)}
          onPick={onPick}
        >
          {hover && (
            <div className="view-tip" role="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
              {hover.text}
            </div>
          )}
        </ViewCanvas>
        <ul className="view-legend">
          <li>
            <span className="legend-dot" /> {t('boundaryView.train')}
          </li>
          <li>
            <span className="legend-dot legend-dot-hollow" /> {t('boundaryView.validation')}
          </li>
          {classes.slice(0, 10).map((label, k) => (
            <li key={label}>
              <span className="legend-square" style={{ background: css(classColor(k)) }} />
              {label}
            </li>
          ))}
        </ul>
      </div>
    </ViewPanel>
  );
}
