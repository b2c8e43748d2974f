/**
 * A canvas that redraws from the store on animation frames, outside React: the component
 * renders once, and every later frame is drawn by subscribing to the store directly. A
 * redraw happens at most once per frame, and only when one of the values `select` returns
 * changed (compared one by one with ===) or the canvas was resized.
 */
import { useCallback, useEffect, useRef } from 'react';
import { appStore } from '../store/app-store';
import type { AppState } from '../store/types';

/** The canvas's size in CSS pixels; the context is already scaled for the device pixel ratio. */
export interface CanvasSize {
  width: number;
  height: number;
}

export type DrawFn<T extends readonly unknown[]> = (ctx: CanvasRenderingContext2D, size: CanvasSize, input: T, canvas: HTMLCanvasElement) => void;

function sameValues(a: readonly unknown[] | null, b: readonly unknown[]): boolean {
  return a !== null && a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Returns a ref for the canvas (which fills its parent) and `redraw` (schedules a frame,
 * e.g. after a hover). `select` and `draw` may change on every render; the newest are used.
 */
export function useLiveCanvas<T extends readonly unknown[]>(select: (s: AppState) => T, draw: DrawFn<T>) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const selectRef = useRef(select);
  const drawRef = useRef(draw);
  const scheduleRef = useRef<(force: boolean) => void>(() => {});
  useEffect(() => {
    selectRef.current = select;
    drawRef.current = draw;
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    const parent = canvas?.parentElement;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !parent || !ctx) return;
    let raf = 0;
    let drawn: T | null = null;
    let dirty = true;
    let size: CanvasSize = { width: 0, height: 0 };

    const frame = () => {
      raf = 0;
      const input = selectRef.current(appStore.getState());
      if (!dirty && sameValues(drawn, input)) return;
      dirty = false;
      drawn = input;
      if (size.width <= 0 || size.height <= 0) return;
      const ratio = window.devicePixelRatio || 1;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, size.width, size.height);
      drawRef.current(ctx, size, input, canvas);
    };
    const schedule = (force: boolean) => {
      if (force) dirty = true;
      if (raf === 0) raf = requestAnimationFrame(frame);
    };
    scheduleRef.current = schedule;

    const resize = () => {
      const ratio = window.devicePixelRatio || 1;
      size = { width: parent.clientWidth, height: parent.clientHeight };
      canvas.width = Math.max(1, Math.round(size.width * ratio));
      canvas.height = Math.max(1, Math.round(size.height * ratio));
      canvas.style.width = `${size.width}px`;
      canvas.style.height = `${size.height}px`;
      schedule(true);
    };
    const observer = new ResizeObserver(resize);
    observer.observe(parent);
    resize();
    const unsubscribe = appStore.subscribe((s) => {
      if (!sameValues(drawn, selectRef.current(s))) schedule(false);
    });
    return () => {
      unsubscribe();
      observer.disconnect();
      if (raf !== 0) cancelAnimationFrame(raf);
      scheduleRef.current = () => {};
    };
  }, []);

  const redraw = useCallback(() => scheduleRef.current(true), []);
  return { canvasRef, redraw };
}
