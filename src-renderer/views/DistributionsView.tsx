/**
 * Distributions: each layer's weight (or weight-gradient) histogram over the run, the way
 * TensorBoard's offset view draws them: one ridge per recorded moment, oldest at the back
 * (top, faint), newest in front. Histograms come with the snapshots while this panel is open.
 * Hovering a layer shows the newest histogram's bin under the cursor: its range and count.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Histogram, LayerHistograms } from '../../src-engine/layer-metrics';
import { formatLoss } from '../nodes/format';
import { useApp } from '../store/app-store';
import type { AppState } from '../store/types';
import { layerColor } from './draw-gradients';
import type { Timeline } from './timeline';
import { useLiveCanvas } from './use-live-canvas';
import { VIEW_NAMES } from './view-names';
import { ViewCanvas, type CanvasPoint } from './ViewCanvas';
import { ViewPanel } from './ViewPanel';

const select = (s: AppState) => [s.timeline, s.live, s.scrubStep] as const;

/** Most ridges drawn per layer. */
const MAX_RIDGES = 24;

/** The distinct histogram sets over time (a set is repeated while no new one arrived), up to `until`. */
export function histogramFrames(timeline: Timeline, until: number | null): { step: number; histograms: LayerHistograms[] }[] {
  const frames: { step: number; histograms: LayerHistograms[] }[] = [];
  let last: unknown = null;
  for (const p of timeline.points) {
    if (until !== null && p.step > until) break;
    const h = p.views.histograms;
    if (h && h !== last) frames.push({ step: p.step, histograms: h });
    last = h;
  }
  const every = Math.ceil(frames.length / MAX_RIDGES);
  return every <= 1 ? frames : frames.filter((_, i) => i % every === 0 || i === frames.length - 1);
}

/** `text`, cut with an ellipsis to fit `max` pixels. */
function fitText(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let t = text;
  while (t.length > 1 && ctx.measureText(`${t}…`).width > max) t = t.slice(0, -1);
  return `${t}…`;
}

/** A short label for an axis end: 2 significant digits, exponent form when tiny or huge. */
function compact(v: number): string {
  const a = Math.abs(v);
  return a !== 0 && (a < 0.01 || a >= 1000) ? v.toExponential(0) : String(Number(v.toPrecision(2)));
}

/** Draws one layer's ridges; returns the value range its x axis spans. */
function drawLayer(ctx: CanvasRenderingContext2D, hists: Histogram[], x: number, y: number, w: number, h: number, color: string): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const g of hists) {
    lo = Math.min(lo, g.min);
    hi = Math.max(hi, g.max);
  }
  if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
  const n = hists.length;
  const ridge = h * 0.45;
  const offset = n > 1 ? (h - ridge) / (n - 1) : 0;
  hists.forEach((g, r) => {
    const base = y + ridge + r * offset;
    const peak = Math.max(1, ...g.counts);
    const bw = (g.max - g.min) / g.counts.length;
    ctx.beginPath();
    ctx.moveTo(x + ((g.min - lo) / (hi - lo)) * w, base);
    g.counts.forEach((c, i) => {
      const v = g.max > g.min ? g.min + (i + 0.5) * bw : g.min;
      ctx.lineTo(x + ((v - lo) / (hi - lo)) * w, base - (c / peak) * ridge);
    });
    ctx.lineTo(x + ((g.max - lo) / (hi - lo)) * w, base);
    ctx.closePath();
    const t = n > 1 ? r / (n - 1) : 1;
    ctx.globalAlpha = 0.15 + 0.6 * t;
    ctx.fillStyle = color;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 0.8;
    ctx.stroke();
  });
  // The value range under the ridges, when there is room for both ends.
  ctx.fillStyle = '#64748b';
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  const loText = compact(lo);
  const hiText = compact(hi);
  if (ctx.measureText(`${loText} ${hiText}`).width + 6 <= w) {
    ctx.textAlign = 'left';
    ctx.fillText(loText, x, y + h + 3);
    ctx.textAlign = 'right';
    ctx.fillText(hiText, x + w, y + h + 3);
  }
  return { lo, hi };
}

/** Where a layer was drawn, and its newest histogram: what the hover tip reads. */
interface DrawnLayer {
  name: string;
  x: number;
  w: number;
  lo: number;
  hi: number;
  newest: Histogram | undefined;
  step: number;
}

/** The bin of `g` holding `v` (its range and count), or null outside the histogram. */
export function binAt(g: Histogram, v: number): { from: number; to: number; count: number } | null {
  const n = g.counts.length;
  if (n === 0 || v < g.min || v > g.max) return null;
  if (!(g.max > g.min)) return { from: g.min, to: g.max, count: g.counts[Math.floor(n / 2)] };
  const width = (g.max - g.min) / n;
  const i = Math.min(n - 1, Math.floor((v - g.min) / width));
  return { from: g.min + i * width, to: g.min + (i + 1) * width, count: g.counts[i] };
}

export function DistributionsView() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'weights' | 'weightGradients'>('weights');
  const project = useApp((s) => s.runProject ?? s.project);
  const hasData = useApp((s) => s.live?.views.histograms !== undefined);
  const drawnRef = useRef<DrawnLayer[]>([]);
  const [hover, setHover] = useState<{ layer: DrawnLayer; value: number; x: number; y: number } | null>(null);

  const { canvasRef, redraw } = useLiveCanvas(select, (ctx, size, [timeline, live, scrubStep], canvas) => {
    const frames = histogramFrames(timeline, scrubStep);
    if (frames.length === 0 && live?.views.histograms) frames.push({ step: live.step, histograms: live.views.histograms });
    drawnRef.current = [];
    if (frames.length === 0) return;
    const layers = frames[frames.length - 1].histograms;
    const gap = 12;
    const w = (size.width - gap * (layers.length + 1)) / Math.max(1, layers.length);
    layers.forEach((layer, k) => {
      const x = gap + k * (w + gap);
      const name = project.graph.nodes.find((n) => n.id === layer.nodeId)?.data.name || layer.nodeId;
      ctx.fillStyle = '#334155';
      ctx.font = '600 11px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.fillText(fitText(ctx, name, w), x + w / 2, 2);
      const hists = frames.map((f) => f.histograms.find((h) => h.nodeId === layer.nodeId)?.[kind]).filter((h): h is Histogram => h !== undefined);
      const range = drawLayer(ctx, hists, x, 18, w, size.height - 34, layerColor(k));
      drawnRef.current.push({ name, x, w, ...range, newest: hists.at(-1), step: frames[frames.length - 1].step });
    });
    canvas.dataset.frames = String(frames.length);
    canvas.dataset.step = String(frames[frames.length - 1].step);
  });
  useEffect(redraw, [kind, project, redraw]);

  const onHover = ({ x, y }: CanvasPoint) => {
    const layer = drawnRef.current.find((l) => x >= l.x && x <= l.x + l.w);
    setHover(layer ? { layer, value: layer.lo + ((x - layer.x) / layer.w) * (layer.hi - layer.lo), x, y } : null);
  };

  const tools = (
    <select className="view-select" aria-label={VIEW_NAMES.distributionsCanvas} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
      <option value="weights">{t('distView.weights')}</option>
      <option value="weightGradients">{t('distView.gradients')}</option>
    </select>
  );
  return (
    <ViewPanel id="distributions" title={t('views.distributions')} tools={tools}>
      <div className="view-stack">
        <ViewCanvas canvasRef={canvasRef} label={VIEW_NAMES.distributionsCanvas} empty={hasData ? null : t('views.empty')} onHover={onHover} onLeave={() => setHover(null)}>
          {hover && <DistributionTip hover={hover} kind={kind} />}
        </ViewCanvas>
      </div>
    </ViewPanel>
  );
}

/** The exact bin under the cursor in the newest histogram of the hovered layer. */
function DistributionTip({ hover, kind }: { hover: { layer: DrawnLayer; value: number; x: number; y: number }; kind: 'weights' | 'weightGradients' }) {
  const { t } = useTranslation();
  const { layer } = hover;
  const bin = layer.newest ? binAt(layer.newest, hover.value) : null;
  return (
    <div className="view-tip" role="tooltip" style={{ left: Math.min(hover.x + 12, layer.x + layer.w / 2), top: hover.y + 12 }}>
      <div>
        {layer.name} · {t('gradView.atStep', { step: layer.step })}
      </div>
      <div>{t(kind === 'weights' ? 'distView.weights' : 'distView.gradients')}: {formatLoss(hover.value)}</div>
      {bin && <div>{t('distView.bin', { from: formatLoss(bin.from), to: formatLoss(bin.to), count: bin.count })}</div>}
    </div>
  );
}
