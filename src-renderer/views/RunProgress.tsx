/** A progress bar of the run's epochs (shown once a run has a number of epochs). */
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/app-store';
import { VIEW_NAMES } from './view-names';

export function RunProgress() {
  const { t } = useTranslation();
  const epochs = useApp((s) => s.run.epochs);
  const epoch = useApp((s) => s.run.epoch);
  const stepsPerEpoch = useApp((s) => s.run.stepsPerEpoch);
  const step = useApp((s) => s.run.step);
  if (epochs <= 0) return null;
  // Within an epoch, the steps taken move the bar too (long epochs of big data sets).
  const done = stepsPerEpoch > 0 ? Math.min(epochs, step / stepsPerEpoch) : epoch;
  const percent = Math.max(0, Math.min(100, (done / epochs) * 100));
  return (
    <div
      className="run-progress"
      role="progressbar"
      aria-label={VIEW_NAMES.progress}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(percent)}
      title={t('views.progress', { percent: percent.toFixed(1) })}
    >
      <div className="run-progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
