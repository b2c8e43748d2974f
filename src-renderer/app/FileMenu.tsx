/**
 * The File menu (a menu button): New, Open, recent files (browser build; the desktop app
 * lists them in its native menu), Save, Save as, import and export of the model, keyboard
 * help. Arrow keys move between items, Escape closes and returns focus to the button.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getDesktopApi } from '../bridge/desktop-api';
import { IMPORT_NAMES } from '../data/import-names';
import { listRecent, type RecentFile } from '../bridge/recent-files';
import { CONTROL_NAMES, FILE_MENU_NAMES } from '../i18n/stable-names';
import { useApp } from '../store/app-store';
import { runCommand, type AppCommand } from './commands';
import { openRecentFile } from './file-actions';
import { formatKeys, sharedKeyLabel } from './local-shortcuts';
import { currentPlatform } from './platform';

interface Item {
  name: string;
  label: string;
  keys?: string;
  disabled?: boolean;
  run(): void;
}

export function FileMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const canExport = useApp((s) => s.snapshot !== null && s.runProject !== null);
  const platform = currentPlatform();
  const keys = (key: string, shift = false) => formatKeys(sharedKeyLabel(key, shift), platform);

  useEffect(() => {
    if (!open) return;
    if (!getDesktopApi()) void listRecent().then(setRecent);
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
    const close = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node) && e.target !== buttonRef.current) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const command = (c: AppCommand) => () => runCommand(c);
  const items: (Item | 'separator')[] = [
    { name: FILE_MENU_NAMES.newProject, label: t('fileMenu.new'), keys: keys('n'), run: command('new-project') },
    { name: FILE_MENU_NAMES.open, label: t('fileMenu.open'), keys: keys('o'), run: command('open-project') },
    ...recent.map((r) => ({ name: `${t('fileMenu.recent')}: ${r.name}`, label: r.name, run: () => void openRecentFile(r) })),
    'separator',
    { name: FILE_MENU_NAMES.save, label: t('fileMenu.save'), keys: keys('s'), run: command('save-project') },
    { name: FILE_MENU_NAMES.saveAs, label: t('fileMenu.saveAs'), keys: keys('s', true), run: command('save-project-as') },
    'separator',
    { name: IMPORT_NAMES.openButton, label: t('importData.menuItem'), run: command('import-csv') },
    { name: FILE_MENU_NAMES.importModel, label: t('fileMenu.importModel'), run: command('import-model') },
    { name: FILE_MENU_NAMES.exportModel, label: t('fileMenu.exportModel'), disabled: !canExport, run: command('export-model') },
    'separator',
    { name: FILE_MENU_NAMES.shortcuts, label: t('fileMenu.shortcuts'), keys: 'F1', run: command('show-shortcuts') },
  ];

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const i = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (i + (e.key === 'ArrowDown' ? 1 : -1) + all.length) % all.length;
      all[next]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      (e.key === 'Home' ? all[0] : all[all.length - 1])?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="menu-anchor">
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-ghost"
        aria-label={CONTROL_NAMES.fileMenu}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {t('fileMenu.title')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menuRef} className="menu" role="menu" aria-label={t('fileMenu.title')} onKeyDown={onMenuKey}>
          {items.map((item, i) =>
            item === 'separator' ? (
              <div key={`sep-${i}`} className="menu-separator" role="separator" />
            ) : (
              <button
                key={item.name}
                type="button"
                role="menuitem"
                className="menu-item"
                aria-label={item.name}
                disabled={item.disabled}
                onClick={() => {
                  close(false);
                  item.run();
                }}
              >
                <span>{item.label}</span>
                {item.keys && <kbd className="menu-keys">{item.keys}</kbd>}
              </button>
            ),
          )}
        </div>
      )}
    </div>
  );
}
