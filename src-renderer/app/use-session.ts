/**
 * The session's safety net: autosave (app data folder on the desktop, IndexedDB in the
 * browser), the offer to restore the last autosaved state at start, and the browser's
 * "leave page?" prompt while there are unsaved changes. (In Electron, main turns the
 * prevented unload into a native Leave/Stay dialog.)
 */
import i18next from 'i18next';
import { useEffect } from 'react';
import { createAutosaveTarget } from '../bridge/autosave-target';
import { getDesktopApi } from '../bridge/desktop-api';
import { appStore } from '../store/app-store';
import { parseAutosave, startAutosave } from '../store/autosave';
import { serializeProject } from '../bridge/project-files';
import { createSavedRunTarget } from '../bridge/saved-run-target';
import { startSavedRun, toSavedRunOffer } from '../store/saved-run';

export function useSession(): void {
  useEffect(() => {
    const api = getDesktopApi();
    const target = createAutosaveTarget(api);
    // In Electron a cancelled unload is only safe when main asks the user (see ipc.ts).
    const mayPrompt = !api || api.promptsBeforeClose === true;
    let canceled = false;
    // Read the last record before autosave may write: then start watching.
    const startProject = appStore.getState().project;
    let autosave: ReturnType<typeof startAutosave> | null = null;
    // The saved run (the last checkpoint and its project): offered at start, then kept up to date.
    const runTarget = createSavedRunTarget(api);
    const savedRun = startSavedRun(appStore, runTarget, {
      now: () => Date.now(),
      onError: (error) =>
        appStore.getState().notify({ level: 'error', code: 'saved-run', message: i18next.t('restore.savedRunFailed', { error }), nodeId: null }),
    });
    void runTarget.read().then((raw) => {
      const offer = toSavedRunOffer(raw);
      const s = appStore.getState();
      // Only while nothing was started or opened yet: the offer is about the last session.
      if (!canceled && offer && s.project === startProject && s.run.runId === null) s.setShell({ savedRunOffer: offer });
    });
    void target.read().then((text) => {
      if (canceled) return;
      const offer = parseAutosave(text);
      const s = appStore.getState();
      // Offer only what differs from what is open (an untouched start needs no restore).
      if (offer && s.project === startProject && serializeProject(offer.project) !== serializeProject(s.project)) {
        s.setShell({ restoreOffer: offer });
      }
      autosave = startAutosave(appStore, target, {
        now: () => Date.now(),
        setTimer: (fn, ms) => {
          const h = setTimeout(fn, ms);
          return () => clearTimeout(h);
        },
      });
    });

    const beforeUnload = (e: BeforeUnloadEvent) => {
      void autosave?.flush();
      if (!mayPrompt || !appStore.getState().dirty) return;
      e.preventDefault();
      e.returnValue = '';
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') void autosave?.flush();
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      canceled = true;
      autosave?.stop();
      savedRun.stop();
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, []);
}
