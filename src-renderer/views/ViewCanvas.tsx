/**
 * The canvas of a live view with what sits over it: the "nothing yet" note while there is
 * nothing to draw, and the hover tip. Pointer events arrive in canvas coordinates (CSS
 * pixels from the canvas's top-left corner), the coordinates the view's drawing uses.
 */
import type { ReactNode, RefObject } from 'react';

/** A pointer position on the canvas, in CSS pixels from its top-left corner. */
export interface CanvasPoint {
  x: number;
  y: number;
}

export interface ViewCanvasProps {
  /** The ref from `useLiveCanvas`. */
  canvasRef: RefObject<HTMLCanvasElement | null>;
  /** The canvas's stable English accessible name (see view-names.ts). */
  label: string;
  /** The note shown over the canvas, or null once there is something to draw. */
  empty: string | null;
  /** The pointer moved over the canvas. */
  onHover: (at: CanvasPoint) => void;
  /** The pointer left the canvas. */
  onLeave: () => void;
  /** A click on the canvas; when given, the canvas shows a pointer cursor. */
  onPick?: (at: CanvasPoint) => void;
  /** The hover tip, if any. */
  children?: ReactNode;
}

function pointOf(e: React.MouseEvent<HTMLCanvasElement>): CanvasPoint {
  const box = e.currentTarget.getBoundingClientRect();
  return { x: e.clientX - box.left, y: e.clientY - box.top };
}

export function ViewCanvas({ canvasRef, label, empty, onHover, onLeave, onPick, children }: ViewCanvasProps) {
  return (
    <div className="view-canvas-box">
      <canvas
        ref={canvasRef}
        className={onPick ? 'view-canvas view-canvas-pointer' : 'view-canvas'}
        role="img"
        aria-label={label}
        onMouseMove={(e) => onHover(pointOf(e))}
        onMouseLeave={onLeave}
        onClick={onPick && ((e) => onPick(pointOf(e)))}
      />
      {empty !== null && <p className="view-empty">{empty}</p>}
      {children}
    </div>
  );
}
