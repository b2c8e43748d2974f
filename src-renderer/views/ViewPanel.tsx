/**
 * The frame of one view panel: its title, optional tools, and buttons to save it as PNG,
 * enlarge it over the canvas (Escape, the button or a click beside it restores it) and hide
 * it. The panel is a region named after the view in English (see view-names.ts).
 */
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore, useApp } from '../store/app-store';
import type { PanelId } from '../store/views-slice';
import { savePanelPng } from './export-image';
import { PANEL_NAMES, panelAction } from './view-names';

export interface ViewPanelProps {
  id: PanelId;
  title: string;
  /** Extra controls in the header (toggles, a badge). */
  tools?: ReactNode;
  children: ReactNode;
}

export function ViewPanel({ id, title, tools, children }: ViewPanelProps) {
  const enlarged = useApp((s) => s.enlarged === id);
  const bodyRef = useRef<HTMLDivElement>(null);
  return (
    <section className={`view-panel view-panel-${id}${enlarged ? ' is-enlarged' : ''}`} aria-label={PANEL_NAMES[id]} data-panel={id}>
      <header className="view-head">
        <h2 className="panel-title">{title}</h2>
        <div className="view-tools">{tools}</div>
        <PanelActions id={id} target={bodyRef} />
      </header>
      <div className="view-body" ref={bodyRef}>
        {children}
      </div>
    </section>
  );
}

/** Save as PNG (the canvases inside `target`), `extra` buttons, enlarge or restore, hide. */
export function PanelActions({ id, target, extra }: { id: PanelId; target: RefObject<HTMLElement | null>; extra?: ReactNode }) {
  const { t } = useTranslation();
  const enlarged = useApp((s) => s.enlarged === id);
  const { enlargePanel, setPanel } = appStore.getState();

  useEffect(() => {
    if (!enlarged) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') appStore.getState().enlargePanel(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enlarged]);

  return (
    <div className="view-actions">
      {extra}
      <button
        type="button"
        className="icon-btn"
        aria-label={panelAction.png(id)}
        title={t('views.savePng')}
        onClick={() => target.current && savePanelPng(target.current, `layerlab-${id}`)}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M8 2v8m0 0 3-3m-3 3L5 7M3 12v2h10v-2" />
        </svg>
      </button>
      <button
        type="button"
        className="icon-btn"
        aria-label={enlarged ? panelAction.restore(id) : panelAction.enlarge(id)}
        title={enlarged ? t('views.restore') : t('views.enlarge')}
        onClick={() => enlargePanel(enlarged ? null : id)}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          {enlarged ? <path d="M6 2v4H2m8-4v4h4M6 14v-4H2m8 4v-4h4" /> : <path d="M2 6V2h4m4 0h4v4M2 10v4h4m4 0h4v-4" />}
        </svg>
      </button>
      <button type="button" className="icon-btn" aria-label={panelAction.hide(id)} title={t('views.hide')} onClick={() => setPanel(id, false)}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="m4 4 8 8m0-8-8 8" />
        </svg>
      </button>
    </div>
  );
}
