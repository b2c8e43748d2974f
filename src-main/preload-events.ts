/**
 * The preload's side of main → renderer events, pure so tests run it with fakes. Bundled
 * into the preload: no zod, no Node, nothing but plain checks.
 *
 * Payloads are validated before the page sees them, and listeners get data only, never the
 * IPC event.
 */
import type { OpenedFile, ProjectDataFile, UserSettings } from '../src-engine/protocol/ipc';
import { isMenuCommand, type MenuCommand } from '../src-engine/protocol/shortcuts';

/** A set of listeners for one kind of event. */
export interface EventChannel<T> {
  emit(value: T): void;
  subscribe(listener: (value: T) => void): () => void;
}

/** Delivers each event to the listeners subscribed at the time; with none, it is dropped. */
export function createChannel<T>(): EventChannel<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    emit(value) {
      for (const l of [...listeners]) l(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/**
 * Like createChannel, but events that arrive while nobody listens are kept (up to `limit`,
 * the newest) and handed to the next listener that subscribes. Files opened by
 * double-click arrive while the page is still starting; this is how none is lost.
 */
export function createBufferedChannel<T>(limit = 10): EventChannel<T> {
  const listeners = new Set<(value: T) => void>();
  let pending: T[] = [];
  return {
    emit(value) {
      if (listeners.size === 0) {
        pending = [...pending, value].slice(-limit);
        return;
      }
      for (const l of [...listeners]) l(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      const waiting = pending;
      pending = [];
      for (const value of waiting) listener(value);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** A menu command from main, or null when the payload is not one. */
export function toMenuCommand(payload: unknown): MenuCommand | null {
  return isMenuCommand(payload) ? payload : null;
}

/** An OpenedFile from main, or null when the payload does not have its shape. */
export function toOpenedFile(payload: unknown): OpenedFile | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as Record<string, unknown>;
  if (typeof p.name !== 'string') return null;
  if (p.ok === true && typeof p.text === 'string') {
    const data = toProjectDataFile(p.data);
    return data ? { ok: true, name: p.name, text: p.text, data } : { ok: true, name: p.name, text: p.text };
  }
  if (p.ok === false && typeof p.error === 'string') return { ok: false, name: p.name, error: p.error };
  return null;
}

/** A project's data file from main (see ProjectDataFile), or undefined when absent or malformed. */
export function toProjectDataFile(payload: unknown): ProjectDataFile | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const p = payload as Record<string, unknown>;
  if (p.ok === true && typeof p.path === 'string' && typeof p.text === 'string') {
    return typeof p.note === 'string' ? { ok: true, path: p.path, text: p.text, note: p.note } : { ok: true, path: p.path, text: p.text };
  }
  if (p.ok === false && typeof p.error === 'string') return { ok: false, error: p.error };
  return undefined;
}

/** UserSettings from main, or null when the payload does not have its shape. */
export function toUserSettings(payload: unknown): UserSettings | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as Record<string, unknown>;
  const panelsOk = typeof p.panels === 'object' && p.panels !== null;
  const languageOk = p.language === null || typeof p.language === 'string';
  const themeOk = p.theme === 'system' || p.theme === 'light' || p.theme === 'dark';
  return panelsOk && languageOk && themeOk && typeof p.presentationMode === 'boolean' ? (payload as UserSettings) : null;
}
