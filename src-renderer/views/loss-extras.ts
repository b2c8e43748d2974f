/**
 * What the live views add to the loss chart (charts/LossChart.tsx): a smoothed per-step
 * line, training and validation accuracy on a right-hand 0–100 % axis, and an overlay that
 * marks live hyperparameter changes (dashed vertical lines with their label), shades the
 * stretch where the model overfits, and draws a solid line at the history slider's step.
 */
import type uPlot from 'uplot';
import type { AlignedData } from 'uplot';
import { appStore } from '../store/app-store';
import type { LossHistory } from '../store/loss-history';
import { accuracySeries, detectOverfitting, smooth } from './metrics';
import { scrubbedStep } from './ScrubValues';

export const EXTRA_COLORS = { smoothed: '#1e3a8a', trainAcc: '#16a34a', valAcc: '#a21caf', mark: '#7c3aed', overfit: 'rgb(220 38 38 / 0.08)', scrub: '#0f172a' } as const;

/** The series after the chart's four: smoothed per-step loss, training and validation accuracy. */
export function extraSeries(showAccuracy: boolean): uPlot.Series[] {
  return [
    { stroke: EXTRA_COLORS.smoothed, width: 2, spanGaps: true, points: { show: false } },
    { stroke: EXTRA_COLORS.trainAcc, width: 1.5, spanGaps: true, scale: 'acc', show: showAccuracy, points: { show: false } },
    { stroke: EXTRA_COLORS.valAcc, width: 1.5, spanGaps: true, scale: 'acc', dash: [4, 3], show: showAccuracy, points: { show: false } },
  ];
}

/** The accuracy axis (right), present only while accuracy is shown. */
export function accuracyAxis(axisStyle: uPlot.Axis): uPlot.Axis[] {
  return [{ ...axisStyle, scale: 'acc', side: 1, size: 40, grid: { show: false }, values: (_u, ticks) => ticks.map((v) => `${Math.round(v * 100)}%`) }];
}

/** The chart's data with the extra series appended (smoothing 0: no smoothed line). */
export function extendChartData(data: AlignedData, history: LossHistory, smoothing: number): AlignedData {
  const xs = data[0] as number[];
  const stepLoss = data[1] as (number | null)[];
  const smoothed = smoothing > 0 ? smooth(stepLoss, smoothing) : stepLoss.map(() => null);
  const acc = accuracySeries(xs, history.epochs);
  return [...data, smoothed, acc.train, acc.val] as AlignedData;
}

/** Draws the overfitting band and the hyperparameter marks over the plot (after uPlot's draw). */
export function lossOverlayPlugin(labels: { overfitting: () => string }): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u: uPlot) => {
          const { ctx } = u;
          const { left, top, width, height } = u.bbox;
          const s = appStore.getState();
          const ratio = window.devicePixelRatio || 1;
          ctx.save();
          ctx.beginPath();
          ctx.rect(left, top, width, height);
          ctx.clip();
          ctx.font = `${10 * ratio}px system-ui, sans-serif`;
          ctx.textBaseline = 'top';
          const overfit = detectOverfitting(s.history.epochs);
          if (overfit) {
            const x = Math.max(left, u.valToPos(overfit.step, 'x', true));
            ctx.fillStyle = EXTRA_COLORS.overfit;
            ctx.fillRect(x, top, left + width - x, height);
            ctx.fillStyle = '#b91c1c';
            ctx.textAlign = 'left';
            ctx.fillText(labels.overfitting(), x + 4 * ratio, top + 3 * ratio);
          }
          ctx.strokeStyle = EXTRA_COLORS.mark;
          ctx.fillStyle = EXTRA_COLORS.mark;
          ctx.lineWidth = ratio;
          ctx.setLineDash([4 * ratio, 3 * ratio]);
          ctx.textAlign = 'left';
          s.marks.forEach((m, i) => {
            const x = Math.round(u.valToPos(m.step, 'x', true));
            if (x < left || x > left + width) return;
            ctx.beginPath();
            ctx.moveTo(x + 0.5, top);
            ctx.lineTo(x + 0.5, top + height);
            ctx.stroke();
            ctx.fillText(m.label, x + 3 * ratio, top + (16 + (i % 3) * 12) * ratio);
          });
          // The history slider's step: the moment the other views show.
          const scrubbed = scrubbedStep(s);
          if (scrubbed !== null) {
            const x = Math.round(u.valToPos(scrubbed, 'x', true));
            ctx.setLineDash([]);
            ctx.strokeStyle = EXTRA_COLORS.scrub;
            ctx.lineWidth = 2 * ratio;
            ctx.beginPath();
            ctx.moveTo(x, top);
            ctx.lineTo(x, top + height);
            ctx.stroke();
          }
          ctx.restore();
          // For tests: how many marks the chart holds, and the history step it marks.
          const frame = u.root.closest<HTMLElement>('.chart-frame');
          frame?.setAttribute('data-marks', String(s.marks.length));
          frame?.setAttribute('data-scrub-step', scrubbed === null ? '' : String(scrubbed));
        },
      ],
    },
  };
}

/** Scale of the accuracy series. */
export const ACCURACY_SCALE: Record<string, uPlot.Scale> = { acc: { auto: false, range: [0, 1] } };

/**
 * Shows the exact values under the cursor in `tip` (a positioned element over the plot):
 * the step, then each visible series' value there. Formatting is the caller's.
 */
export function hoverTipPlugin(tip: () => HTMLElement | null, describe: (u: uPlot, idx: number) => string[]): uPlot.Plugin {
  return {
    hooks: {
      setCursor: [
        (u: uPlot) => {
          const el = tip();
          if (!el) return;
          const idx = u.cursor.idx;
          const left = u.cursor.left ?? -1;
          if (idx === null || idx === undefined || left < 0) {
            el.hidden = true;
            return;
          }
          el.hidden = false;
          el.replaceChildren(
            ...describe(u, idx).map((line) => {
              const div = document.createElement('div');
              div.textContent = line;
              return div;
            }),
          );
          const flip = left > u.bbox.width / (window.devicePixelRatio || 1) / 2;
          el.style.left = flip ? '' : `${left + u.bbox.left / (window.devicePixelRatio || 1) + 14}px`;
          el.style.right = flip ? `${u.width - left - u.bbox.left / (window.devicePixelRatio || 1) + 14}px` : '';
          el.style.top = `${(u.cursor.top ?? 0) + 8}px`;
        },
      ],
    },
  };
}
