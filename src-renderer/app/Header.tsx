/**
 * The title bar: project name (editable) with the unsaved-changes marker, file actions and
 * the File menu, undo and redo, total parameter count, autosave state, keyboard help,
 * trainer and language.
 */
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../src-engine/project';
import { CONTROL_NAMES } from '../i18n/stable-names';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { formatCount } from '../nodes/format';
import { appStore, useApp } from '../store/app-store';
import { AutosaveStatus } from './AutosaveStatus';
import { runCommand } from './commands';
import { FileMenu } from './FileMenu';

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
      <div className="project-name">
        <input
          className="project-name-input"
          aria-label={CONTROL_NAMES.projectName}
          value={name}
          maxLength={LIMITS.maxNameLength}
          onChange={(e) => appStore.getState().renameProject(e.target.value)}
        />
        {dirty && (
          <span className="dirty-dot" role="img" aria-label={t('app.unsaved')} title={t('app.unsaved')} data-testid="dirty-marker" />
        )}
      </div>
      <nav className="header-actions" aria-label={t('app.fileActions')}>
        <FileMenu />
        <button type="button" className="btn btn-ghost" aria-label={CONTROL_NAMES.newProject} onClick={() => runCommand('new-project')}>
          {t('app.new')}
        </button>
        <button type="button" className="btn btn-ghost" aria-label={CONTROL_NAMES.open} onClick={() => runCommand('open-project')}>
          {t('app.open')}
        </button>
        <button type="button" className="btn btn-ghost" aria-label={CONTROL_NAMES.save} onClick={() => runCommand('save-project')}>
          {t('app.save')}
        </button>
        <span className="header-divider" aria-hidden="true" />
        <button type="button" className="btn btn-ghost" aria-label={CONTROL_NAMES.undo} disabled={!canUndo} onClick={() => runCommand('undo')}>
          {t('app.undo')}
        </button>
        <button type="button" className="btn btn-ghost" aria-label={CONTROL_NAMES.redo} disabled={!canRedo} onClick={() => runCommand('redo')}>
          {t('app.redo')}
        </button>
      </nav>
      <div className="header-stat" aria-label={CONTROL_NAMES.totalParameters} role="group">
        <span className="header-stat-label">{t('app.parameters')}</span>
        <b className="header-stat-value" data-testid="total-params">
          {formatCount(totalParams)}
        </b>
      </div>
      <div className="header-end">
        <AutosaveStatus />
        <span className={`trainer-badge${host ? ' is-ready' : ''}`}>{host ? t('app.trainer', { host }) : t('app.trainerWaiting')}</span>
        <button type="button" className="btn btn-ghost btn-icon-only" aria-label={CONTROL_NAMES.shortcuts} title={t('help.title')} onClick={() => runCommand('show-shortcuts')}>
          ?
        </button>
        <LanguageSwitch />
      </div>
    </header>
  );
}
