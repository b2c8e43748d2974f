/** Epoch, step, samples per second and elapsed running time of the current run. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTROL_NAMES } from '../i18n/stable-names';
import { formatCount, formatDuration } from '../nodes/format';
import { useApp } from '../store/app-store';
import { elapsedMs } from '../store/run-status';

/** Re-renders every `ms` while `active`, so the elapsed time ticks. */
function useTicker(active: boolean, ms: number): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const handle = setInterval(() => setTick((n) => n + 1), ms);
    return () => clearInterval(handle);
  }, [active, ms]);
}

export function RunStatusLine() {
  const { t } = useTranslation();
  const run = useApp((s) => s.run);
  useTicker(run.state === 'running', 500);
  const elapsed = elapsedMs(run, performance.now());
  return (
    <div className="run-status" aria-label={CONTROL_NAMES.runStatus} role="group">
      <span className={`run-state run-state-${run.state}`} data-state={run.state}>
        {t(`status.${run.state}`)}
      </span>
      <span className="run-stat">
        {t('status.epoch')} <b>{run.epochs > 0 ? `${formatCount(run.epoch)} / ${formatCount(run.epochs)}` : '–'}</b>
      </span>
      <span className="run-stat">
        {t('status.step')} <b data-testid="run-step">{formatCount(run.step)}</b>
      </span>
      <span className="run-stat">
        <b>{formatCount(run.samplesPerSecond)}</b> {t('status.samplesPerSecond')}
      </span>
      <span className="run-stat">
        {t('status.elapsed')} <b data-testid="run-elapsed" data-ms={Math.round(elapsed)}>{formatDuration(elapsed)}</b>
      </span>
      {run.test && (
        <span className="run-stat" data-testid="test-result" data-loss={run.test.loss} data-accuracy={run.test.accuracy ?? undefined}>
          {run.test.accuracy === null
            ? t('dataSplit.testResult', { count: run.test.samples, loss: run.test.loss.toPrecision(4) })
            : t('dataSplit.testResultAccuracy', { count: run.test.samples, loss: run.test.loss.toPrecision(4), accuracy: (100 * run.test.accuracy).toFixed(1) })}
        </span>
      )}
    </div>
  );
}
