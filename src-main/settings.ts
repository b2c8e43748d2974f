/**
 * User settings, kept as versioned JSON in the user's app-data folder
 * (`app.getPath('userData')/settings.json`: %APPDATA%\LayerLab on Windows,
 * ~/Library/Application Support/LayerLab on macOS, ~/.config/LayerLab on Linux).
 *
 * Reading never fails: an unreadable file is moved aside (settings.json.broken-<time>) and
 * the defaults are used; a field that does not validate falls back to its default alone;
 * an older file is migrated step by step (MIGRATIONS). Writes are atomic (files.ts) and
 * debounced, so dragging the window does not write on every pixel.
 */
import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_PANEL_LAYOUT,
  languageSchema,
  themeSchema,
  type SettingsPatch,
  type UserSettings,
} from '../src-engine/protocol/ipc-schemas';
import { writeFileAtomic } from './files';
import { windowStateSchema, type WindowState } from './window-state';

/** The version this build writes. Raise it, and add a step to MIGRATIONS, when the shape changes. */
export const SETTINGS_VERSION = 1;
export const SETTINGS_FILE_NAME = 'settings.json';
export const MAX_RECENT_FILES = 10;
/** A settings file larger than this is not settings; it is moved aside unread. */
export const MAX_SETTINGS_BYTES = 1024 * 1024;

/** Everything main remembers: what the renderer sees plus window, last folder and recent files. */
export interface Settings extends UserSettings {
  /** Folder of the last project opened or saved: where the next file dialog starts. */
  lastFolder: string | null;
  /** Absolute paths of recently opened or saved projects, newest first. */
  recentFiles: string[];
  window: WindowState | null;
}

export const DEFAULT_SETTINGS: Settings = {
  language: null,
  theme: 'system',
  presentationMode: false,
  panels: DEFAULT_PANEL_LAYOUT,
  lastFolder: null,
  recentFiles: [],
  window: null,
};

/** A step that turns a settings object of version n into version n + 1. */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * MIGRATIONS[n] upgrades version n to n + 1.
 * - 0 → 1: version 0 is a settings object without a `version` field (written by hand, or by
 *   a build from before settings were versioned). Its fields already have today's names, so
 *   the step only stamps the version; fields that do not validate fall back one by one.
 */
export const MIGRATIONS: readonly Migration[] = [(old) => ({ ...old, version: 1 })];

const path = z.string().min(1).max(4096);

const d = DEFAULT_SETTINGS;
const p = DEFAULT_PANEL_LAYOUT;
/** Each field validates on its own and falls back to its default (`.catch`). */
const lenientSettingsSchema = z.object({
  language: languageSchema.nullable().catch(d.language),
  theme: themeSchema.catch(d.theme),
  presentationMode: z.boolean().catch(d.presentationMode),
  panels: z
    .object({
      paletteWidth: z.number().int().min(120).max(600).catch(p.paletteWidth),
      inspectorWidth: z.number().int().min(200).max(800).catch(p.inspectorWidth),
      runPanelHeight: z.number().int().min(120).max(1200).catch(p.runPanelHeight),
      paletteCollapsed: z.boolean().catch(p.paletteCollapsed),
      inspectorCollapsed: z.boolean().catch(p.inspectorCollapsed),
    })
    .catch({ ...p }),
  lastFolder: path.nullable().catch(d.lastFolder),
  recentFiles: z
    .array(z.unknown())
    .catch([])
    .transform((list) => list.filter((x): x is string => path.safeParse(x).success).slice(0, MAX_RECENT_FILES)),
  window: windowStateSchema.nullable().catch(d.window),
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type MigrationResult =
  | { ok: true; data: Record<string, unknown>; from: number }
  | { ok: false; reason: 'unreadable' | 'newer'; from: number | null; message: string };

/**
 * Brings a parsed settings object up to `current` by running the steps from its version on.
 * A missing `version` means 0. Never downgrades: a newer file is reported as 'newer'.
 */
export function migrateSettings(
  raw: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = SETTINGS_VERSION,
): MigrationResult {
  if (!isRecord(raw)) {
    return { ok: false, reason: 'unreadable', from: null, message: 'The settings file does not hold a JSON object.' };
  }
  const version = raw.version === undefined ? 0 : raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, reason: 'unreadable', from: null, message: `The settings file has an invalid version (${JSON.stringify(version)}).` };
  }
  if (version > current) {
    return {
      ok: false,
      reason: 'newer',
      from: version,
      message: `The settings file is from a newer LayerLab (version ${version}; this one reads up to ${current}).`,
    };
  }
  let data: Record<string, unknown> = raw;
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`No settings migration from version ${v} to ${v + 1}. Add one to MIGRATIONS.`);
    data = { ...step(data), version: v + 1 };
  }
  return { ok: true, data, from: version };
}

/** Reads the fields of a (migrated) settings object; invalid or missing ones get defaults. */
export function readSettingsFields(data: unknown): Settings {
  return lenientSettingsSchema.parse(isRecord(data) ? data : {}) as Settings;
}

export type SettingsLoad =
  | { settings: Settings; problem: null; migratedFrom: number | null }
  | { settings: Settings; problem: 'unreadable' | 'newer'; message: string; fromVersion: number | null };

/**
 * Settings from the text of settings.json (`null` when there is none).
 * - none: defaults;
 * - not JSON, not an object, bad version: defaults, problem 'unreadable';
 * - from a newer LayerLab: what this build understands of it, problem 'newer' (main keeps a
 *   copy of the file aside before it writes its own version);
 * - older: migrated (`migratedFrom` says from which version).
 */
export function parseSettingsText(text: string | null): SettingsLoad {
  if (text === null) return { settings: structuredClone(DEFAULT_SETTINGS), problem: null, migratedFrom: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      settings: structuredClone(DEFAULT_SETTINGS),
      problem: 'unreadable',
      message: `The settings file is not valid JSON (${(e as Error).message}).`,
      fromVersion: null,
    };
  }
  const migrated = migrateSettings(raw);
  if (!migrated.ok) {
    const settings = migrated.reason === 'newer' ? readSettingsFields(raw) : structuredClone(DEFAULT_SETTINGS);
    return { settings, problem: migrated.reason, message: migrated.message, fromVersion: migrated.from };
  }
  return {
    settings: readSettingsFields(migrated.data),
    problem: null,
    migratedFrom: migrated.from < SETTINGS_VERSION ? migrated.from : null,
  };
}

/** The JSON written to settings.json: the settings stamped with SETTINGS_VERSION. */
export function serializeSettings(settings: Settings): string {
  return `${JSON.stringify({ version: SETTINGS_VERSION, ...settings }, null, 2)}\n`;
}

/** The settings the renderer sees. */
export function userSettingsOf(settings: Settings): UserSettings {
  return {
    language: settings.language,
    theme: settings.theme,
    presentationMode: settings.presentationMode,
    panels: { ...settings.panels },
  };
}

/** Applies a validated patch from the renderer; `panels` merges size by size. */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  return {
    ...settings,
    ...(patch.language !== undefined ? { language: patch.language } : {}),
    ...(patch.theme !== undefined ? { theme: patch.theme } : {}),
    ...(patch.presentationMode !== undefined ? { presentationMode: patch.presentationMode } : {}),
    panels: { ...settings.panels, ...(patch.panels ?? {}) },
  };
}

/**
 * The recent-files list after opening or saving `path`: it moves to the front, the list keeps
 * MAX_RECENT_FILES. Paths compare case-insensitively on Windows and macOS, whose usual file
 * systems ignore case.
 */
export function addRecentFile(list: readonly string[], path: string, platform: string): string[] {
  const fold = platform === 'win32' || platform === 'darwin' ? (s: string) => s.toLowerCase() : (s: string) => s;
  return [path, ...list.filter((p) => fold(p) !== fold(path))].slice(0, MAX_RECENT_FILES);
}

/** Name for a settings file moved aside, e.g. `settings.json.broken-2025-01-31T09-30-00Z`. */
export function asideFileName(reason: 'unreadable' | 'newer', now: Date, from: number | null): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  return reason === 'newer' ? `${SETTINGS_FILE_NAME}.from-v${from ?? 'x'}-${stamp}` : `${SETTINGS_FILE_NAME}.broken-${stamp}`;
}

export interface SettingsStoreOptions {
  /** Milliseconds to wait after a change before writing; later changes restart the wait. */
  saveDelayMs?: number;
  now?: () => Date;
  log?: (message: string) => void;
}

/**
 * The settings file in a folder: loads it once, hands out the current settings, and writes
 * changes atomically after `saveDelayMs`. Never throws on I/O; problems go to `log`.
 */
export class SettingsStore {
  private settings: Settings;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(settings: Settings) => void>();

  private constructor(
    readonly filePath: string,
    initial: Settings,
    private readonly options: Required<SettingsStoreOptions>,
  ) {
    this.settings = initial;
  }

  /** Opens (or starts) the settings in `folder`. An unreadable file is moved aside first. */
  static async open(folder: string, options: SettingsStoreOptions = {}): Promise<SettingsStore> {
    const opts: Required<SettingsStoreOptions> = {
      saveDelayMs: options.saveDelayMs ?? 500,
      now: options.now ?? (() => new Date()),
      log: options.log ?? ((m) => console.warn(m)),
    };
    const filePath = join(folder, SETTINGS_FILE_NAME);
    let text: string | null = null;
    let readProblem: string | null = null;
    try {
      const buffer = await readFile(filePath);
      if (buffer.byteLength > MAX_SETTINGS_BYTES) readProblem = `The settings file is ${buffer.byteLength} bytes, too large to be settings.`;
      else text = buffer.toString('utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') readProblem = `Could not read the settings file (${(e as Error).message}).`;
    }
    const load: SettingsLoad = readProblem
      ? { settings: structuredClone(DEFAULT_SETTINGS), problem: 'unreadable', message: readProblem, fromVersion: null }
      : parseSettingsText(text);
    if (load.problem) {
      const aside = join(folder, asideFileName(load.problem, opts.now(), load.fromVersion));
      try {
        await rename(filePath, aside);
        opts.log(`${load.message} It was kept as ${aside}; LayerLab starts with ${load.problem === 'newer' ? 'the settings it understands' : 'default settings'}.`);
      } catch (e) {
        opts.log(`${load.message} It could not be moved aside (${(e as Error).message}).`);
      }
    } else if (load.migratedFrom !== null) {
      opts.log(`Settings upgraded from version ${load.migratedFrom} to ${SETTINGS_VERSION}.`);
    }
    try {
      await mkdir(folder, { recursive: true });
    } catch (e) {
      opts.log(`Could not create the settings folder ${folder} (${(e as Error).message}).`);
    }
    return new SettingsStore(filePath, load.settings, opts);
  }

  get current(): Settings {
    return this.settings;
  }

  /** Replaces the settings with `change(current)`, tells listeners, and schedules a write. */
  update(change: (current: Settings) => Settings): Settings {
    const next = change(this.settings);
    if (next === this.settings) return next;
    this.settings = next;
    this.dirty = true;
    for (const listener of this.listeners) listener(next);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.saveDelayMs);
    return next;
  }

  /** Calls `listener` after every change. Returns a function that unsubscribes. */
  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes pending changes now (call before quitting). Resolves when the file is on disk. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.dirty) {
      this.dirty = false;
      const text = serializeSettings(this.settings);
      this.writing = this.writing.then(() =>
        writeFileAtomic(this.filePath, text).catch((e: Error) => {
          this.options.log(`Could not save settings to ${this.filePath}: ${e.message}`);
        }),
      );
    }
    return this.writing;
  }
}
