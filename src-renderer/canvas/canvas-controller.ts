/**
 * What commands outside the canvas may ask of it (fit the view, find its centre). The
 * Canvas registers itself while mounted; there is one canvas per window.
 */
import type { Position } from '../store/graph-edits';

export interface CanvasController {
  fitView(): void;
  /** The canvas position at the centre of the visible area. */
  center(): Position;
}

let controller: CanvasController | null = null;

export function setCanvasController(next: CanvasController | null): void {
  controller = next;
}

export function getCanvasController(): CanvasController | null {
  return controller;
}
