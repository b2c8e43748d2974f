/**
 * Train, Pause, Resume, Step (a batch or an epoch), Stop, Reset (same or new seed). Visible labels follow the language; the
 * accessible names stay English (see i18n/stable-names.ts). While the project does not
 * compile, Train is disabled and the first problem is shown as the reason.
 */
import { useTranslation } from 'react-i18next';
import { problemText } from '../i18n/problem-text';
import { CONTROL_NAMES } from '../i18n/stable-names';
import { appStore, useApp } from '../store/app-store';
import { isActivePhase, trainBlocker } from '../store/run-slice';
import { runCommand } from './commands';
import { SpeedSelect } from './SpeedSelect';

const REASON_ID = 'train-blocked-reason';

export function RunControls() {
  const { t, i18n } = useTranslation();
  const state = useApp((s) => s.run.state);
  const blocker = useApp(trainBlocker);
  const first = useApp((s) => s.analysis.problems[0] ?? null);
  const firstProblem = first ? problemText(first, i18n.language) : null;
  const problemCount = useApp((s) => s.analysis.problems.length);
  const hasHistory = useApp((s) => s.history.received > 0);
  const canExport = useApp((s) => s.snapshot !== null && s.runProject !== null);
  const actions = appStore.getState();

  const canStart = blocker === null;
  const active = isActivePhase(state);
  let reason: string | null = null;
  if (blocker === 'invalid' && firstProblem) {
    reason =
      problemCount > 1
        ? t('controls.blockedInvalidMore', { message: firstProblem, count: problemCount - 1 })
        : t('controls.blockedInvalid', { message: firstProblem });
  } else if (blocker === 'no-trainer') reason = t('controls.blockedTrainer');

  return (
    <div className="run-controls" role="toolbar" aria-label={t('controls.title')}>
      <button
        type="button"
        className="btn btn-primary"
        aria-label={CONTROL_NAMES.train}
        aria-describedby={reason ? REASON_ID : undefined}
        disabled={!canStart}
        onClick={actions.train}
      >
        <span aria-hidden="true" className="btn-icon">▶</span>
        {t('controls.train')}
      </button>
      <button type="button" className="btn" aria-label={CONTROL_NAMES.pause} disabled={state !== 'running'} onClick={actions.pause}>
        {t('controls.pause')}
      </button>
      <button type="button" className="btn" aria-label={CONTROL_NAMES.resume} disabled={state !== 'paused'} onClick={actions.resume}>
        {t('controls.resume')}
      </button>
      <button
        type="button"
        className="btn"
        aria-label={CONTROL_NAMES.step}
        disabled={!(state === 'running' || state === 'paused' || canStart)}
        onClick={() => actions.step('batch')}
      >
        {t('controls.step')}
      </button>
      <button
        type="button"
        className="btn"
        aria-label={CONTROL_NAMES.stepEpoch}
        title={t('views.stepEpochHint')}
        disabled={!(state === 'running' || state === 'paused' || canStart)}
        onClick={() => actions.step('epoch')}
      >
        {t('views.stepEpoch')}
      </button>
      <button type="button" className="btn" aria-label={CONTROL_NAMES.stop} disabled={!active} onClick={actions.stop}>
        {t('controls.stop')}
      </button>
      <button type="button" className="btn" aria-label={CONTROL_NAMES.reset} disabled={state === 'idle' && !hasHistory} onClick={actions.reset}>
        {t('controls.reset')}
      </button>
      <button type="button" className="btn" aria-label={CONTROL_NAMES.resetNewSeed} title={t('views.resetNewSeedHint')} onClick={() => actions.resetWithNewSeed()}>
        {t('views.resetNewSeed')}
      </button>
      <SpeedSelect />
      <button
        type="button"
        className="btn"
        aria-label={CONTROL_NAMES.exportModel}
        disabled={!canExport}
        title={canExport ? undefined : t('model.exportHint')}
        onClick={() => runCommand('export-model')}
      >
        {t('model.export')}
      </button>
      {reason && (
        <p className="train-blocked" id={REASON_ID} role="status">
          {reason}
        </p>
      )}
    </div>
  );
}
