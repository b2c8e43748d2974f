/** The title bar: project name, total parameter count, file and undo buttons, trainer and language. */
import { useTranslation } from 'react-i18next';
import { CONTROL_NAMES } from '../i18n/stable-names';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { formatCount } from '../nodes/format';
import { appStore, useApp } from '../store/app-store';
import { openProject, saveProject } from './file-actions';

export function Header() {
  const { t } = useTranslation();
  const name = useApp((s) => s.project.name);
  const dirty = useApp((s) => s.dirty);
  const totalParams = useApp((s) => s.analysis.totalParams);
  const canUndo = useApp((s) => s.undo.past.length > 0);
  const canRedo = useApp((s) => s.undo.future.length > 0);
  const host = useApp((s) => s.trainerHost);

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <h1 className="brand-name">{t('app.title')}</h1>
      </div>
      <div className="project-name" title={dirty ? t('app.unsaved') : undefined}>
        {name}
        {dirty && <span className="dirty-dot" aria-label={t('app.unsaved')} />}
      </div>
      <div className="header-stat" aria-label={CONTROL_NAMES.totalParameters} role="group">
        <span className="header-stat-label">{t('app.parameters')}</span>
        <b className="header-stat-value" data-testid="total-params">
          {formatCount(totalParams)}
        </b>
      </div>
      <div className="header-actions">
        <button type="button" className="btn btn-ghost" aria-label={CONTROL_NAMES.open} onClick={() => void openProject(t)}>
          {t('app.open')}
        </button>
        <button type="button" className="btn btn-ghost" aria-label={CONTROL_NAMES.save} onClick={() => void saveProject(t, false)}>
          {t('app.save')}
        </button>
        <span className="header-divider" aria-hidden="true" />
        <button type="button" className="btn btn-ghost" aria-label={CONTROL_NAMES.undo} disabled={!canUndo} onClick={() => appStore.getState().undoEdit()}>
          {t('app.undo')}
        </button>
        <button type="button" className="btn btn-ghost" aria-label={CONTROL_NAMES.redo} disabled={!canRedo} onClick={() => appStore.getState().redoEdit()}>
          {t('app.redo')}
        </button>
      </div>
      <div className="header-end">
        <span className={`trainer-badge${host ? ' is-ready' : ''}`}>{host ? t('app.trainer', { host }) : t('app.trainerWaiting')}</span>
        <LanguageSwitch />
      </div>
    </header>
  );
}
