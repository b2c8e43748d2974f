/**
 * The loss chart's readout while the history slider is held back: the exact metrics at
 * the step the other views show (the recorded moment nearest the slider), i.e. the
 * per-step loss and the losses and accuracies of the last epoch ended by then. The chart's
 * overlay draws a line at the same step (loss-extras.ts). Named "Values at history step"
 * in every language; `data-step` is the step shown.
 */
import { useTranslation } from 'react-i18next';
import { formatLoss } from '../nodes/format';
import { useApp } from '../store/app-store';
import type { AppState } from '../store/types';
import { valuesAtStep } from './metrics';
import { nearestPoint } from './timeline';
import { VIEW_NAMES } from './view-names';

/** The recorded step the views show while scrubbing; null while live. */
export function scrubbedStep(s: Pick<AppState, 'scrubStep' | 'timeline'>): number | null {
  return s.scrubStep === null ? null : (nearestPoint(s.timeline, s.scrubStep)?.step ?? null);
}

const percent = (v: number | null) => (v === null ? null : `${(v * 100).toFixed(1)} %`);

export function ScrubValues() {
  const { t } = useTranslation();
  const step = useApp(scrubbedStep);
  // Read only while scrubbing, so a live run does not re-render this 20 times a second.
  const history = useApp((s) => (scrubbedStep(s) === null ? null : s.history));
  if (step === null || !history) return null;
  const values = valuesAtStep(history, step);
  const lines: string[] = [t('metrics.scrubTitle', { step })];
  if (values.stepPoint) lines.push(`${t('chart.stepLoss')}: ${formatLoss(values.stepPoint.loss)}`);
  const e = values.epoch;
  if (e) {
    lines.push(t('metrics.scrubEpoch', { epoch: e.epoch, step: e.step }));
    lines.push(`${t('chart.epochTrain')}: ${formatLoss(e.trainLoss)}`);
    if (e.valLoss !== null) lines.push(`${t('chart.epochVal')}: ${formatLoss(e.valLoss)}`);
    const trainAcc = percent(e.trainAccuracy);
    const valAcc = percent(e.valAccuracy);
    if (trainAcc) lines.push(`${t('metrics.trainAccuracy')}: ${trainAcc}`);
    if (valAcc) lines.push(`${t('metrics.valAccuracy')}: ${valAcc}`);
  }
  return (
    <div className="view-tip scrub-values" role="status" aria-label={VIEW_NAMES.scrubValues} data-step={step}>
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}
