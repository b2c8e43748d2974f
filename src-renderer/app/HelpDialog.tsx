/** The keyboard help: every shortcut of the menu table and of the canvas, in one dialog. */
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../../src-engine/protocol/shortcuts';
import { appStore, useApp } from '../store/app-store';
import { CANVAS_KEYS, formatKeys, LOCAL_SHORTCUTS, sharedKeyLabel } from './local-shortcuts';
import { ModalDialog } from './ModalDialog';
import { currentPlatform } from './platform';

export function HelpDialog() {
  const { t } = useTranslation();
  const open = useApp((s) => s.helpOpen);
  const platform = currentPlatform();

  const close = () => appStore.getState().setShell({ helpOpen: false });
  const rows: { id: string; label: string; keys: string }[] = [
    ...SHORTCUTS.map((s) => ({ id: `${s.command}-${s.key}-${s.shift}`, label: t(`commands.${s.command}`), keys: formatKeys(sharedKeyLabel(s.key, s.shift), platform) })),
    ...LOCAL_SHORTCUTS.map((s) => ({ id: s.command, label: t(`commands.${s.command}`), keys: formatKeys(s.label, platform) })),
    ...CANVAS_KEYS.map((k) => ({ id: k.id, label: t(`help.${k.id}`), keys: k.label })),
  ];

  return (
    <ModalDialog open={open} onCancel={close} className="dialog dialog-wide" aria-labelledby="help-title">
      <h2 id="help-title" className="dialog-title">
        {t('help.title')}
      </h2>
      <div className="dialog-scroll">
        <table className="shortcut-table">
          <thead>
            <tr>
              <th scope="col">{t('help.action')}</th>
              <th scope="col">{t('help.keys')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.label}</td>
                <td>
                  <kbd>{r.keys}</kbd>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="dialog-text">{t('help.note')}</p>
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" autoFocus onClick={close}>
          {t('help.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
