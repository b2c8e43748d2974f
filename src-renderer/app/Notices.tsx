/** Messages for the user (trainer errors, file results), newest last, each dismissable. */
import { useTranslation } from 'react-i18next';
import { appStore, useApp } from '../store/app-store';

export function Notices() {
  const { t } = useTranslation();
  const notices = useApp((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.level}`} role={n.level === 'error' ? 'alert' : 'status'}>
          <p>{n.message}</p>
          <button type="button" className="notice-close" aria-label={t('notices.dismiss')} onClick={() => appStore.getState().dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
