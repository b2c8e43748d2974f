/** The offer to restore the last autosaved project, shown at start when there is one. */
import { useTranslation } from 'react-i18next';
import { CONTROL_NAMES } from '../i18n/stable-names';
import { appStore, useApp } from '../store/app-store';
import { restoreAutosave } from './file-actions';

export function RestoreBanner() {
  const { t, i18n } = useTranslation();
  const offer = useApp((s) => s.restoreOffer);
  if (!offer) return null;
  const when = offer.savedAt > 0 ? new Date(offer.savedAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) : '';
  return (
    <div className="restore-banner" role="region" aria-label={t('restore.title')}>
      <p>
        <b>{t('restore.title')}</b> {t('restore.message', { name: offer.project.name, when })}
      </p>
      <button type="button" className="btn btn-primary" aria-label={CONTROL_NAMES.restore} onClick={() => void restoreAutosave()}>
        {t('restore.restore')}
      </button>
      <button
        type="button"
        className="btn"
        aria-label={CONTROL_NAMES.dismissRestore}
        onClick={() => appStore.getState().setShell({ restoreOffer: null })}
      >
        {t('restore.dismiss')}
      </button>
    </div>
  );
}
