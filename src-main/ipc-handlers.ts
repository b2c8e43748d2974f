/**
 * Main's IPC handlers apart from files (ipc-files.ts): autosave, the saved run (checkpoint),
 * the trainer port, the menu's run state and settings. Every message is checked: the sender
 * must be the app page's main frame (ipc-guard.ts), payloads are parsed with zod, and the
 * autosave and checkpoint stores validate and cap what they write.
 */
import { ipcMain } from 'electron';
import { IPC, toTrainerChannel } from '../src-engine/protocol/ipc';
import { menuStateSchema, settingsPatchSchema, type UserSettings } from '../src-engine/protocol/ipc-schemas';
import { formatIssues } from '../src-engine/project';
import { rebuildMenu } from './app-menu';
import { registerFileIpc } from './ipc-files';
import { guarded, isTrustedEvent } from './ipc-guard';
import type { MainState } from './main-state';
import { applySettingsPatch, userSettingsOf } from './settings';

/** Registers every IPC handler of main on `ipcMain`. Call once, after the stores are open. */
export function registerIpc(state: MainState): void {
  const { appUrl } = state;

  ipcMain.handle(
    IPC.autosave,
    guarded(appUrl, async (_event, payload) => (state.autosave ? state.autosave.write(payload) : { ok: false as const, error: 'Autosave is not ready yet.' })),
  );
  ipcMain.handle(
    IPC.readAutosave,
    guarded(appUrl, async () => (state.autosave ? state.autosave.read() : null)),
  );
  ipcMain.handle(
    IPC.saveCheckpoint,
    guarded(appUrl, async (_event, payload) => (state.savedRun ? state.savedRun.write(payload) : { ok: false as const, error: 'Saving the run is not ready yet.' })),
  );
  ipcMain.handle(
    IPC.readCheckpoint,
    guarded(appUrl, async () => (state.savedRun ? state.savedRun.read() : null)),
  );

  ipcMain.on(IPC.requestTrainerPort, (event, channel: unknown) => {
    if (isTrustedEvent(event, appUrl)) state.trainer.connect(event.sender, toTrainerChannel(channel));
  });

  ipcMain.on(IPC.setMenuState, (event, payload: unknown) => {
    if (!isTrustedEvent(event, appUrl)) return;
    const parsed = menuStateSchema.safeParse(payload);
    if (!parsed.success || parsed.data.running === state.menuState?.running) return;
    state.menuState = parsed.data;
    rebuildMenu(state);
  });

  ipcMain.handle(
    IPC.getSettings,
    guarded(appUrl, async (): Promise<UserSettings | null> => (state.settings ? userSettingsOf(state.settings.current) : null)),
  );

  ipcMain.handle(
    IPC.updateSettings,
    guarded(appUrl, async (_event, payload): Promise<UserSettings | null> => {
      const settings = state.settings;
      if (!settings) return null;
      const parsed = settingsPatchSchema.safeParse(payload);
      if (!parsed.success) {
        console.warn(`Settings change refused: ${formatIssues(parsed.error)}`);
        return userSettingsOf(settings.current);
      }
      return userSettingsOf(settings.update((s) => applySettingsPatch(s, parsed.data)));
    }),
  );

  registerFileIpc(state);
}
