/**
 * Remembering the main window's size and position: what to save when it moves, and where to
 * put it at the next launch so that it lands on a screen that still exists. Pure: main passes
 * in `screen.getAllDisplays()` and the window's bounds, so tests cover unplugged monitors.
 *
 * All rectangles are in Electron's device-independent pixels (DIP), as BrowserWindow and
 * `screen` report them.
 */
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is saved: the window's normal (not maximized) bounds, and whether it was maximized. */
export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** The parts of an Electron `Display` used here. */
export interface DisplayLike {
  id: number;
  /** The display minus the taskbar, dock and menu bar. */
  workArea: Rect;
}

/** Default and minimum window sizes (the layout needs 960 × 640 to show all panels). */
export const WINDOW_SIZE = { width: 1400, height: 900, minWidth: 960, minHeight: 640 } as const;

/**
 * How much of the window's top edge must lie on a display for the saved position to be kept:
 * enough of the title bar to grab it with the mouse.
 */
export const MIN_VISIBLE_TITLE_BAR = { width: 120, height: 32 } as const;

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);

/** Schema of a saved WindowState (settings file). */
export const windowStateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  maximized: z.boolean(),
});

/** The state to save from what the window reports (`getNormalBounds`, `isMaximized`, …). */
export function captureWindowState(window: {
  normalBounds: Rect;
  isMaximized: boolean;
  isFullScreen: boolean;
}): WindowState {
  const b = window.normalBounds;
  return {
    bounds: { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) },
    // A full-screen window comes back maximized: reopening straight into full screen (on
    // macOS, into its own Space) surprises more than it helps.
    maximized: window.isMaximized || window.isFullScreen,
  };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/** Whether enough of the window's title bar lies on `display` to grab and move it. */
function titleBarVisibleOn(bounds: Rect, display: DisplayLike): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: MIN_VISIBLE_TITLE_BAR.height };
  const o = overlap(titleBar, display.workArea);
  return o.width >= Math.min(MIN_VISIBLE_TITLE_BAR.width, bounds.width) && o.height >= MIN_VISIBLE_TITLE_BAR.height;
}

/** Clamps a size to the minimum window size and to the work area it must fit in. */
function fitSize(width: number, height: number, area: Rect): { width: number; height: number } {
  return {
    width: Math.max(Math.min(width, area.width), Math.min(WINDOW_SIZE.minWidth, area.width)),
    height: Math.max(Math.min(height, area.height), Math.min(WINDOW_SIZE.minHeight, area.height)),
  };
}

function centeredIn(area: Rect, width: number, height: number): Rect {
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where to open the window.
 * - Nothing saved: the default size, centred on the primary display.
 * - The saved title bar still lies on some display: the saved bounds, shrunk to that display's
 *   work area if needed and moved just enough to lie wholly on it.
 * - Otherwise (its display was unplugged or rearranged): the saved size, centred on the
 *   primary display.
 * `maximized` is kept either way; the window maximizes on the display it opens on.
 */
export function restoreWindowState(
  saved: WindowState | null,
  displays: readonly DisplayLike[],
  primary: DisplayLike,
): WindowState {
  if (!saved) {
    const size = fitSize(WINDOW_SIZE.width, WINDOW_SIZE.height, primary.workArea);
    return { bounds: centeredIn(primary.workArea, size.width, size.height), maximized: false };
  }
  const { bounds } = saved;
  // Of the displays showing the title bar, the one holding most of the window.
  const home = displays
    .filter((d) => titleBarVisibleOn(bounds, d))
    .map((d) => ({ d, area: overlap(bounds, d.workArea).width * overlap(bounds, d.workArea).height }))
    .sort((a, b) => b.area - a.area)[0]?.d;
  if (!home) {
    const size = fitSize(bounds.width, bounds.height, primary.workArea);
    return { bounds: centeredIn(primary.workArea, size.width, size.height), maximized: saved.maximized };
  }
  const area = home.workArea;
  const size = fitSize(bounds.width, bounds.height, area);
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - size.width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - size.height);
  return { bounds: { x, y, width: size.width, height: size.height }, maximized: saved.maximized };
}
