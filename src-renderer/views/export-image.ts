/**
 * Saving a view as PNG: every canvas inside the panel's body is painted, at its place and
 * at device resolution, onto one white image (a uPlot chart is several canvases plus DOM;
 * its canvases hold the lines and axes).
 */
import { downloadBlob } from '../bridge/download';

/** Composites the canvases inside `root` into one canvas (white background), or null when there are none. */
export function compositeCanvases(root: HTMLElement): HTMLCanvasElement | null {
  const canvases = [...root.querySelectorAll('canvas')].filter((c) => c.width > 0 && c.height > 0);
  if (canvases.length === 0) return null;
  const box = root.getBoundingClientRect();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(box.width * ratio));
  out.height = Math.max(1, Math.round(box.height * ratio));
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  for (const c of canvases) {
    const r = c.getBoundingClientRect();
    ctx.drawImage(c, (r.left - box.left) * ratio, (r.top - box.top) * ratio, r.width * ratio, r.height * ratio);
  }
  return out;
}

/** Saves the canvases inside `root` as `<name>.png`. */
export function savePanelPng(root: HTMLElement, name: string): void {
  const image = compositeCanvases(root);
  image?.toBlob((blob) => {
    if (blob) downloadBlob(blob, `${name}.png`);
  }, 'image/png');
}
