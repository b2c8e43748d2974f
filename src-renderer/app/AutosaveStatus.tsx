/** "Autosaved 14:03" (or why autosave failed), for the header. */
import { useTranslation } from 'react-i18next';
import { CONTROL_NAMES } from '../i18n/stable-names';
import { useApp } from '../store/app-store';

export function AutosaveStatus() {
  const { t, i18n } = useTranslation();
  const at = useApp((s) => s.autosavedAt);
  const error = useApp((s) => s.autosaveError);
  if (at === null && error === null) return null;
  const time = at === null ? '' : new Date(at).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <span
      className={`autosave-status${error ? ' is-error' : ''}`}
      role="status"
      aria-label={CONTROL_NAMES.autosaveStatus}
      data-autosaved-at={at ?? ''}
      title={error ? t('autosave.failed', { error }) : t('autosave.savedTitle')}
    >
      {error ? t('autosave.failedShort') : t('autosave.saved', { time })}
    </span>
  );
}
