/**
 * Which project files a launch asks LayerLab to open, from its command line, following each
 * system's conventions:
 * - Windows: the file association runs `LayerLab.exe "C:\path\net.layerlab.json"`;
 * - Linux: the .desktop entry runs `layerlab %U`, so files may come as `file://` URIs
 *   (percent-encoded), or as plain paths from a terminal;
 * - macOS: Finder sends files through the `open-file` event, not argv; argv may carry a
 *   `-psn_…` process serial number, which is skipped;
 * - development (`electron . file`, `process.defaultApp`): the first positional argument is
 *   the app's folder, not a file.
 * Chromium may add its own `--switches` to a second instance's argv; every switch is skipped.
 *
 * Pure: tests give the platform and working directory, so all conventions run on any system.
 */
import { posix, win32 } from 'node:path';

/**
 * A project is JSON; `.layerlab.json` is LayerLab's own name, and "Open with" may hand any
 * `.json`. `.layerlab` is the same file under a one-part extension: Windows and macOS type a
 * file by its last extension only, so `.layerlab` is the name that double-clicks into
 * LayerLab on every system (electron-builder.yml registers both).
 */
export const PROJECT_FILE_PATTERN = /\.(json|layerlab)$/i;
export const PROJECT_EXTENSION = '.layerlab.json';
/** Extensions the open and save dialogs offer, without the dot ('json' covers .layerlab.json). */
export const PROJECT_DIALOG_EXTENSIONS = ['json', 'layerlab'];

export interface LaunchContext {
  platform: string;
  /** `process.defaultApp`: true when started as `electron <app folder> …` (development). */
  defaultApp: boolean;
  /** Where relative paths are resolved (the launching shell's folder). */
  cwd: string;
}

function pathApi(platform: string) {
  return platform === 'win32' ? win32 : posix;
}

/** Path of a `file:` URI on `platform`, or null when it names no local file. */
export function fileUriToPath(uri: string, platform: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.protocol !== 'file:') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (platform === 'win32') {
    // file://server/share/x → \\server\share\x; file:///C:/x → C:\x
    if (url.hostname) return `\\\\${url.hostname}${pathname.replace(/\//g, '\\')}`;
    const drive = /^\/([A-Za-z]:)(\/.*)?$/.exec(pathname);
    return drive ? `${drive[1]}${(drive[2] ?? '\\').replace(/\//g, '\\')}` : null;
  }
  if (url.hostname && url.hostname !== 'localhost') return null;
  return pathname;
}

/**
 * One argument as an absolute project path, or null when it is not a project file: a
 * `file:` URI or a path (relative ones resolve against `cwd`), ending in `.json`. Other URLs
 * are refused.
 */
export function argumentToProjectPath(arg: string, context: LaunchContext): string | null {
  // Some launchers pass the quotes through.
  const unquoted = arg.length >= 2 && arg.startsWith('"') && arg.endsWith('"') ? arg.slice(1, -1) : arg;
  if (unquoted.trim() === '') return null;
  // Other URLs (https://…, layerlab://…) name no local file.
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(unquoted) && !/^file:/i.test(unquoted)) return null;
  const api = pathApi(context.platform);
  const path = /^file:/i.test(unquoted) ? fileUriToPath(unquoted, context.platform) : api.resolve(context.cwd, unquoted);
  if (!path || !PROJECT_FILE_PATTERN.test(path)) return null;
  return api.normalize(path);
}

/**
 * Project files named on a command line, in order, without duplicates. `argv[0]` is the
 * executable; switches (`-x`, `--x`, `--x=y`) are skipped until a bare `--`, after which
 * every argument is positional.
 */
export function projectPathsFromArgv(argv: readonly string[], context: LaunchContext): string[] {
  const positional: string[] = [];
  let switchesEnded = false;
  for (const arg of argv.slice(1)) {
    if (!switchesEnded && arg === '--') switchesEnded = true;
    else if (!switchesEnded && arg.startsWith('-')) continue;
    else positional.push(arg);
  }
  // `electron . file.json`: the first positional argument is the app itself.
  const candidates = context.defaultApp ? positional.slice(1) : positional;
  const result: string[] = [];
  for (const arg of candidates) {
    const path = argumentToProjectPath(arg, context);
    if (path && !result.includes(path)) result.push(path);
  }
  return result;
}

/** A path from macOS's `open-file` event if it is a project file, else null. */
export function openFileEventPath(path: string, platform: string): string | null {
  const api = pathApi(platform);
  return api.isAbsolute(path) && PROJECT_FILE_PATTERN.test(path) ? api.normalize(path) : null;
}
