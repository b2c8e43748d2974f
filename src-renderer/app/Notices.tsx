/**
 * Messages for the user at the top of the canvas: the offer to restore the last session (if
 * any), then notices (trainer errors, file results), newest last, each dismissable.
 */
import { useTranslation } from 'react-i18next';
import { runMessageText } from '../i18n/run-message-text';
import { appStore, useApp } from '../store/app-store';
import { RestoreBanner } from './RestoreBanner';

export function Notices() {
  const { t, i18n } = useTranslation();
  const notices = useApp((s) => s.notices);
  const canResume = useApp((s) => s.snapshot !== null && s.snapshot.layers.length > 0);
  const offer = useApp((s) => s.restoreOffer !== null || s.savedRunOffer !== null);
  if (notices.length === 0 && !offer) return null;
  return (
    <div className="notices">
      <RestoreBanner />
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.level}`} role={n.level === 'error' ? 'alert' : 'status'}>
          <p>{n.ui ? t(n.ui.key, n.ui.params) : runMessageText(n, i18n.language)}</p>
          {canResume && (n.code === 'trainer-exit' || n.code === 'diverged') && (
            <button
              type="button"
              className="notice-action"
              aria-label={n.code === 'diverged' ? 'Lower learning rate and resume' : 'Resume from last weights'}
              onClick={() => appStore.getState().resumeFromLastWeights(n.code === 'diverged' ? 0.1 : undefined)}
            >
              {n.code === 'diverged' ? t('notices.lowerLr') : t('notices.resumeWeights')}
            </button>
          )}
          <button type="button" className="notice-close" aria-label={t('notices.dismiss')} onClick={() => appStore.getState().dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
