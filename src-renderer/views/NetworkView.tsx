/**
 * The network view: every neuron and weight of the running network, redrawn live on
 * animation frames (see draw-network.ts). Hovering a weight shows its value, its change per
 * step, its gradient of the last step (for layers up to MAX_GRADIENT_UNITS wide) and the
 * layer's gradient size; choosing a sample (here, or by clicking a point in the
 * decision-boundary view) fills each neuron with its activation. The canvas exposes
 * `data-step` (the snapshot drawn), `data-weight-sum` (Σ|w|, to see weights move) and
 * `data-mode` ('neurons' or 'matrices').
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../src-engine/project';
import { formatLoss } from '../nodes/format';
import { appStore, useApp } from '../store/app-store';
import type { AppState } from '../store/types';
import { displayedFrom, type Displayed } from './displayed';
import { weightColor } from './colormap';
import { columnActivations, columnHealth, drawNetwork, type ColumnHealth } from './draw-network';
import { hitTest, layoutNetwork, weightAt, type NetHit, type NetworkLayout } from './network-layout';
import { useLiveCanvas } from './use-live-canvas';
import { VIEW_NAMES } from './view-names';
import { ViewCanvas, type CanvasPoint } from './ViewCanvas';
import { ViewPanel } from './ViewPanel';

const select = (s: AppState) => [s.live, s.timeline, s.scrubStep, s.runProject ?? s.project] as const;

/** Layer names and activations from the project, by node id. */
function describeNodes(project: Project): Map<string, { name: string; activation: string | null }> {
  const map = new Map<string, { name: string; activation: string | null }>();
  for (const n of project.graph.nodes) {
    const activation = n.type === 'dense' || n.type === 'output' ? n.data.activation : null;
    map.set(n.id, { name: n.data.name || n.id, activation });
  }
  return map;
}

function weightSum(d: Displayed): number {
  let sum = 0;
  for (const l of d.layers) for (let k = 0; k < l.weights.length; k++) sum += Math.abs(l.weights[k]);
  return sum;
}

export function NetworkView() {
  const { t } = useTranslation();
  const [hover, setHover] = useState<{ hit: NetHit; x: number; y: number } | null>(null);
  const layoutRef = useRef<{ layout: NetworkLayout; shown: Displayed } | null>(null);
  const hasData = useApp((s) => s.live !== null);
  const selectedSample = useApp((s) => s.selectedSample);

  const healthText = (h: ColumnHealth) =>
    t(h.check === 'dead' ? 'netView.dead' : 'netView.saturated', { count: h.flagged.size, percent: Math.round(h.share * 100) });

  const { canvasRef, redraw } = useLiveCanvas(select, (ctx, size, [live, timeline, scrubStep, project], canvas) => {
    const shown = displayedFrom(live, timeline, scrubStep);
    if (!shown || shown.layers.length === 0) {
      layoutRef.current = null;
      canvas.dataset.step = '';
      return;
    }
    const layout = layoutNetwork(shown.layers, size.width, size.height);
    layoutRef.current = { layout, shown };
    const nodes = describeNodes(project);
    const inputNode = project.graph.nodes.find((n) => n.type === 'input');
    const layerTitles = shown.layers.map((l) => nodes.get(l.nodeId)?.name ?? l.nodeId);
    const layerSubs = shown.layers.map((l) => {
      const act = nodes.get(l.nodeId)?.activation;
      return act ? t(`activations.${act}` as 'activations.relu') : '';
    });
    const matrices = layout.mode === 'matrices';
    drawNetwork(
      ctx,
      {
        layout,
        layers: shown.layers,
        activations: columnActivations(shown.views.activations, shown.layers),
        health: columnHealth(shown.views.unitHealth, shown.layers),
        titles: matrices ? layerTitles : [inputNode?.data.name || t('layers.input'), ...layerTitles],
        subtitles: matrices ? layerSubs : [t('node.features', { count: shown.layers[0].inputs }), ...layerSubs],
        healthText,
        hover: hover?.hit ?? null,
      },
      size.width,
      size.height,
    );
    canvas.dataset.step = String(shown.step);
    canvas.dataset.weightSum = String(weightSum(shown));
    canvas.dataset.mode = layout.mode;
  });

  // A hover or a new language is drawn on the next frame.
  useEffect(redraw, [hover, t, redraw]);

  const onHover = ({ x, y }: CanvasPoint) => {
    const current = layoutRef.current;
    if (!current) return;
    const hit = hitTest(current.layout, current.shown.layers, x, y);
    setHover(hit ? { hit, x, y } : null);
  };

  return (
    <ViewPanel id="network" title={t('views.network')}>
      <div className="view-stack">
        <ViewCanvas canvasRef={canvasRef} label={VIEW_NAMES.networkCanvas} empty={hasData ? null : t('views.empty')} onHover={onHover} onLeave={() => setHover(null)}>
          {hover?.hit && <HoverTip hover={hover} layout={layoutRef.current} />}
        </ViewCanvas>
        <ul className="view-legend">
          <li>
            <span className="legend-swatch" style={{ background: weightColor(1) }} />
            {t('netView.positive')}
          </li>
          <li>
            <span className="legend-swatch" style={{ background: weightColor(-1) }} />
            {t('netView.negative')}
          </li>
          <li className="legend-saturated">{t('netView.legendSaturated')}</li>
          <li className="legend-dead">{t('netView.legendDead')}</li>
          <li className="legend-end">
            <SamplePicker selected={selectedSample} />
          </li>
        </ul>
      </div>
    </ViewPanel>
  );
}

/** The tooltip over a hovered weight or neuron. */
function HoverTip({ hover, layout }: { hover: { hit: NetHit; x: number; y: number }; layout: { shown: Displayed } | null }) {
  const { t } = useTranslation();
  if (!layout || !hover.hit) return null;
  const { shown } = layout;
  const lines: string[] = [];
  if (hover.hit.kind === 'weight') {
    const { layer: k, i, j } = hover.hit.ref;
    const layer = shown.layers[k];
    const w = weightAt(layer, i, j);
    lines.push(t('netView.weight', { from: i + 1, to: j + 1, value: formatLoss(w) }));
    const prev = shown.previous?.layers[k];
    if (prev && shown.previous && prev.weights.length === layer.weights.length) {
      const perStep = (w - weightAt(prev, i, j)) / Math.max(1, shown.step - shown.previous.step);
      lines.push(t('netView.change', { value: formatLoss(perStep) }));
    }
    if (layer.dWeights) lines.push(t('netView.gradient', { value: formatLoss(layer.dWeights[i * layer.units + j]) }));
    lines.push(t('netView.layerGrad', { norm: formatLoss(layer.gradNorm), mean: formatLoss(layer.meanAbsGrad) }));
  } else {
    const { column, j } = hover.hit.ref;
    lines.push(column === 0 ? t('netView.input', { index: j + 1 }) : t('netView.unit', { index: j + 1 }));
    const layer = column > 0 ? shown.layers[column - 1] : null;
    if (layer?.bias) lines.push(t('netView.bias', { value: formatLoss(layer.bias[j]) }));
    if (layer?.dBias) lines.push(t('netView.biasGradient', { value: formatLoss(layer.dBias[j]) }));
    const values = columnActivations(shown.views.activations, shown.layers)?.[column];
    if (values) lines.push(t('netView.activation', { value: formatLoss(values[j]) }));
  }
  return (
    <div className="view-tip" role="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}

/** Picks the training sample whose activations are shown (none: plain neurons). */
function SamplePicker({ selected }: { selected: number | null }) {
  const { t } = useTranslation();
  const { selectSample } = appStore.getState();
  return (
    <span className="sample-picker">
      <label>
        <span>{t('netView.sample')}</span>
        <input
          type="number"
          min={0}
          step={1}
          aria-label={VIEW_NAMES.sample}
          value={selected ?? ''}
          placeholder="–"
          onChange={(e) => selectSample(e.target.value === '' ? null : Number(e.target.value))}
        />
      </label>
      {selected !== null && (
        <button type="button" className="icon-btn" aria-label={VIEW_NAMES.clearSample} title={t('netView.clearSample')} onClick={() => selectSample(null)}>
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="m4 4 8 8m0-8-8 8" />
          </svg>
        </button>
      )}
    </span>
  );
}
