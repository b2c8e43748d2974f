import { describe, expect, it } from 'vitest';
import {
  captureWindowState,
  restoreWindowState,
  WINDOW_SIZE,
  windowStateSchema,
  type DisplayLike,
  type WindowState,
} from '../../src-main/window-state';

// A laptop (primary, 1920×1080 with a 40px taskbar) and an external monitor to its right.
const laptop: DisplayLike = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const monitor: DisplayLike = { id: 2, workArea: { x: 1920, y: 0, width: 2560, height: 1400 } };

const saved = (x: number, y: number, width = 1200, height = 800, maximized = false): WindowState => ({
  bounds: { x, y, width, height },
  maximized,
});

describe('window state restore', () => {
  it('opens at the default size, centred on the primary display, the first time', () => {
    expect(restoreWindowState(null, [laptop], laptop)).toEqual({
      bounds: { x: 260, y: 70, width: WINDOW_SIZE.width, height: WINDOW_SIZE.height },
      maximized: false,
    });
  });

  it('puts the window back where it was when its display is still there', () => {
    expect(restoreWindowState(saved(2200, 150), [laptop, monitor], laptop)).toEqual(saved(2200, 150));
  });

  it('moves the window to the primary display when its monitor was unplugged, keeping its size', () => {
    const onMonitor = saved(2200, 150, 1200, 800, true);
    expect(restoreWindowState(onMonitor, [laptop], laptop)).toEqual({
      bounds: { x: 360, y: 120, width: 1200, height: 800 },
      maximized: true,
    });
  });

  it('shrinks a window saved on a large monitor to fit the primary display it now opens on', () => {
    const big = saved(1950, 10, 2500, 1380);
    const r = restoreWindowState(big, [laptop], laptop);
    expect(r.bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('pulls a window that hangs off the edge fully onto its display', () => {
    // Title bar still on screen at the right edge of the laptop.
    const r = restoreWindowState(saved(1700, 500), [laptop], laptop);
    expect(r.bounds).toEqual({ x: 720, y: 240, width: 1200, height: 800 });
  });

  it('does not keep a position whose title bar is above the screen, where it cannot be grabbed', () => {
    const r = restoreWindowState(saved(100, -700), [laptop], laptop);
    expect(r.bounds).toEqual({ x: 360, y: 120, width: 1200, height: 800 });
  });

  it('picks the display holding most of a window that straddles two', () => {
    const r = restoreWindowState(saved(1500, 100, 1200, 800), [laptop, monitor], laptop);
    expect(r.bounds.x).toBeGreaterThanOrEqual(monitor.workArea.x);
  });

  it('never goes below the minimum window size', () => {
    const tiny = saved(100, 100, 50, 40);
    const r = restoreWindowState(tiny, [laptop], laptop);
    expect(r.bounds.width).toBe(WINDOW_SIZE.minWidth);
    expect(r.bounds.height).toBe(WINDOW_SIZE.minHeight);
  });

  it('handles displays left or above the primary (negative coordinates)', () => {
    const left: DisplayLike = { id: 3, workArea: { x: -1600, y: -200, width: 1600, height: 900 } };
    expect(restoreWindowState(saved(-1500, -150), [laptop, left], laptop)).toEqual(saved(-1500, -150));
  });
});

describe('window state capture', () => {
  it('saves the normal bounds, and a full-screen window as maximized', () => {
    const normalBounds = { x: 10.4, y: 20.6, width: 1000, height: 700 };
    expect(captureWindowState({ normalBounds, isMaximized: false, isFullScreen: true })).toEqual(saved(10, 21, 1000, 700, true));
    expect(captureWindowState({ normalBounds, isMaximized: false, isFullScreen: false }).maximized).toBe(false);
  });

  it('validates saved state from the settings file', () => {
    expect(windowStateSchema.safeParse(saved(1, 2)).success).toBe(true);
    expect(windowStateSchema.safeParse(saved(1, 2, 0, 10)).success).toBe(false);
    expect(windowStateSchema.safeParse({ bounds: { x: 'a', y: 0, width: 1, height: 1 }, maximized: false }).success).toBe(false);
  });
});
