/**
 * The offer, at start, to restore the last autosaved project and, when a run was saved at
 * its last checkpoint, to continue that run exactly where it stopped.
 */
import { useTranslation } from 'react-i18next';
import { CONTROL_NAMES } from '../i18n/stable-names';
import { appStore, useApp } from '../store/app-store';
import { continueSavedRun, restoreAutosave } from './file-actions';

export function RestoreBanner() {
  const { t, i18n } = useTranslation();
  const offer = useApp((s) => s.restoreOffer);
  const run = useApp((s) => s.savedRunOffer);
  if (!offer && !run) return null;
  const format = (ms: number) => (ms > 0 ? new Date(ms).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) : '');
  return (
    <div className="restore-banner" role="region" aria-label={t('restore.title')}>
      <p>
        <b>{t('restore.title')}</b> {offer && t('restore.message', { name: offer.project.name, when: format(offer.savedAt) })}{' '}
        {run && (
          <span data-testid="saved-run" data-step={run.step} data-epoch={run.epoch}>
            {t('restore.runMessage', { name: run.project.name, epoch: run.epoch, step: run.step, when: format(run.savedAt) })}
          </span>
        )}
      </p>
      {offer && (
        <button type="button" className="btn btn-primary" aria-label={CONTROL_NAMES.restore} onClick={() => void restoreAutosave()}>
          {t('restore.restore')}
        </button>
      )}
      {run && (
        <button type="button" className="btn btn-primary" aria-label={CONTROL_NAMES.continueRun} onClick={() => void continueSavedRun()}>
          {t('restore.continueRun')}
        </button>
      )}
      <button
        type="button"
        className="btn"
        aria-label={CONTROL_NAMES.dismissRestore}
        onClick={() => appStore.getState().setShell({ restoreOffer: null, savedRunOffer: null })}
      >
        {t('restore.dismiss')}
      </button>
    </div>
  );
}
