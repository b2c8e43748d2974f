/**
 * The classroom's effects on the page: presentation mode (an attribute on <html> that
 * classroom.css styles, full screen, remembered in the desktop settings or localStorage),
 * the canvas highlight of Step mode's current stage, and ← → for the stages.
 */
import { useEffect } from 'react';
import { getDesktopApi } from '../bridge/desktop-api';
import { appStore, useApp } from '../store/app-store';
import { stageNodeIds } from './stage-nodes';

export const PRESENTATION_STORAGE_KEY = 'layerlab.presentation';

/** Turns presentation mode on or off and remembers it (desktop settings, else localStorage). */
export function setPresentation(on: boolean): void {
  appStore.getState().setClassroom({ presentation: on });
  const api = getDesktopApi();
  if (api) {
    api.updateSettings({ presentationMode: on }).catch(() => {});
    return;
  }
  try {
    localStorage.setItem(PRESENTATION_STORAGE_KEY, on ? '1' : '0');
  } catch {
    // Not remembered; it still applies now.
  }
}

function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** ← → in Step mode: previous / next stage. Returns true when the key was used. */
export function handleStageKey(e: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; target: EventTarget | null }): boolean {
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || isTextEntry(e.target)) return false;
  const s = appStore.getState();
  if (s.classroom.panel !== 'step' || !s.stepMode.trace) return false;
  if (e.key === 'ArrowRight') s.nextStage();
  else if (e.key === 'ArrowLeft') s.previousStage();
  else return false;
  return true;
}

export function useClassroomEffects(): void {
  const presentation = useApp((s) => s.classroom.presentation);

  // The remembered presentation setting: desktop settings (followed), else localStorage.
  useEffect(() => {
    const api = getDesktopApi();
    if (!api) {
      try {
        if (localStorage.getItem(PRESENTATION_STORAGE_KEY) === '1') appStore.getState().setClassroom({ presentation: true });
      } catch {
        // Storage disabled: start without.
      }
      return;
    }
    const apply = (on: boolean) => {
      if (appStore.getState().classroom.presentation !== on) appStore.getState().setClassroom({ presentation: on });
    };
    api.getSettings().then((s) => apply(s.presentationMode), () => {});
    return api.onSettingsChanged((s) => apply(s.presentationMode));
  }, []);

  useEffect(() => {
    const root = document.documentElement;
    if (presentation) {
      root.setAttribute('data-presentation', 'on');
      // Full screen needs a user gesture in browsers; without one it is simply refused.
      if (!document.fullscreenElement && typeof root.requestFullscreen === 'function') root.requestFullscreen().catch(() => {});
    } else {
      root.removeAttribute('data-presentation');
      if (document.fullscreenElement && typeof document.exitFullscreen === 'function') document.exitFullscreen().catch(() => {});
    }
  }, [presentation]);

  // Arrows anywhere on the page while nothing else wants them (no layer selected, no field focused).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || appStore.getState().selection.nodeIds.length > 0) return;
      if (e.target instanceof Element && e.target.closest('.react-flow__node')) return;
      if (handleStageKey(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The canvas highlight: the current stage's layer and the connection into it.
  const highlight = useApp((s) => {
    const { stepMode, project, classroom } = s;
    if (classroom.panel !== 'step' || !stepMode.trace || stepMode.project !== project) return '';
    const stage = stepMode.trace.stages[stepMode.stageIndex];
    return stage ? stageNodeIds(stepMode.trace, stage).join('\n') : '';
  });
  const edges = useApp((s) => s.project.graph.edges);
  useEffect(() => {
    if (!highlight) return;
    const ids = highlight.split('\n');
    const into = edges.filter((e) => ids.includes(e.target)).map((e) => e.id);
    const style = document.createElement('style');
    style.dataset.classroom = 'stage-highlight';
    style.textContent = [
      ...ids.map((id) => `.react-flow__node[data-id="${CSS.escape(id)}"] > * { box-shadow: 0 0 0 3px var(--stage-color), 0 0 0 8px var(--stage-glow); }`),
      ...into.map((id) => `.react-flow__edge[data-id="${CSS.escape(id)}"] path.react-flow__edge-path { stroke: var(--stage-color); stroke-width: 3; }`),
    ].join('\n');
    document.head.appendChild(style);
    return () => style.remove();
  }, [highlight, edges]);
}
