/**
 * The gradient view: per-layer gradient norm over time (log scale) and now (bars), with a
 * warning badge when the first layer's gradient is orders of magnitude below the last's
 * (vanishing) or above it (exploding). Hovering the chart shows each layer's norm at that
 * step. The canvas exposes `data-first-layer-grad`, `data-last-layer-grad`, `data-step`
 * and `data-points`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLoss } from '../nodes/format';
import { useApp } from '../store/app-store';
import type { AppState } from '../store/types';
import { displayedFrom } from './displayed';
import { drawGradients, gradientWarning, layerColor, type GradientGeometry } from './draw-gradients';
import { useLiveCanvas } from './use-live-canvas';
import { VIEW_NAMES } from './view-names';
import { ViewCanvas, type CanvasPoint } from './ViewCanvas';
import { ViewPanel } from './ViewPanel';

const select = (s: AppState) => [s.gradients, s.live, s.timeline, s.scrubStep] as const;

/** Layer names by node id, from the run's project. */
function useLayerNames(): (nodeId: string) => string {
  const project = useApp((s) => s.runProject ?? s.project);
  return useCallback((nodeId) => project.graph.nodes.find((n) => n.id === nodeId)?.data.name || nodeId, [project]);
}

export function GradientsView() {
  const { t } = useTranslation();
  const nameOf = useLayerNames();
  const geometryRef = useRef<GradientGeometry | null>(null);
  const [hover, setHover] = useState<{ step: number; x: number; y: number } | null>(null);
  const warning = useApp((s) => {
    const shown = displayedFrom(s.live, s.timeline, s.scrubStep);
    return shown ? gradientWarning(shown.layers) : null;
  });
  const hasData = useApp((s) => s.gradients.steps.length > 0);

  const { canvasRef, redraw } = useLiveCanvas(select, (ctx, size, [history, live, timeline, scrubStep], canvas) => {
    const shown = displayedFrom(live, timeline, scrubStep);
    const current = shown?.layers ?? [];
    canvas.dataset.points = String(history.steps.length);
    if (history.steps.length === 0 && current.length === 0) {
      geometryRef.current = null;
      canvas.dataset.step = '';
      return;
    }
    geometryRef.current = drawGradients(
      ctx,
      { history, current, step: shown?.step ?? null, labels: current.map((l) => nameOf(l.nodeId)), hoverStep: hover?.step ?? null },
      size.width,
      size.height,
    );
    canvas.dataset.step = shown ? String(shown.step) : '';
    canvas.dataset.firstLayerGrad = current.length > 0 ? String(current[0].gradNorm) : '';
    canvas.dataset.lastLayerGrad = current.length > 0 ? String(current[current.length - 1].gradNorm) : '';
  });
  // nameOf changes with the project; a hover moves the marker line.
  useEffect(redraw, [hover, nameOf, redraw]);

  const onHover = ({ x, y }: CanvasPoint) => {
    const g = geometryRef.current;
    if (!g || x < g.plot.x || x > g.plot.x + g.plot.width) {
      setHover(null);
      return;
    }
    const step = g.stepMin + ((x - g.plot.x) / g.plot.width) * (g.stepMax - g.stepMin);
    setHover({ step, x, y });
  };

  const badge = warning && (
    <span
      className={`view-badge view-badge-${warning}`}
      role="status"
      aria-label={warning === 'vanishing' ? VIEW_NAMES.vanishingWarning : VIEW_NAMES.explodingWarning}
      title={t(warning === 'vanishing' ? 'gradView.vanishingHint' : 'gradView.explodingHint')}
    >
      ⚠ {t(warning === 'vanishing' ? 'gradView.vanishing' : 'gradView.exploding')}
    </span>
  );

  return (
    <ViewPanel id="gradients" title={t('views.gradients')} tools={badge}>
      <div className="view-stack">
        <ViewCanvas canvasRef={canvasRef} label={VIEW_NAMES.gradientChart} empty={hasData ? null : t('views.empty')} onHover={onHover} onLeave={() => setHover(null)}>
          {hover && <GradientTip hover={hover} />}
        </ViewCanvas>
      </div>
    </ViewPanel>
  );
}

function GradientTip({ hover }: { hover: { step: number; x: number; y: number } }) {
  const { t } = useTranslation();
  const history = useApp((s) => s.gradients);
  let p = 0;
  for (let i = 0; i < history.steps.length; i++) if (Math.abs(history.steps[i] - hover.step) < Math.abs(history.steps[p] - hover.step)) p = i;
  if (history.steps.length === 0) return null;
  return (
    <div className="view-tip" role="tooltip" style={{ left: hover.x + 12, top: Math.max(4, hover.y - 20) }}>
      <div>{t('gradView.atStep', { step: history.steps[p] })}</div>
      {history.norms.map((series, k) => (
        <div key={history.layerIds[k]}>
          <span className="legend-swatch" style={{ background: layerColor(k) }} /> {k + 1}: {formatLoss(series[p])}
        </div>
      ))}
    </div>
  );
}
