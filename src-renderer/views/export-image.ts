/**
 * Saving a view as PNG: every canvas inside the panel's body is painted, at its place and
 * at device resolution, onto one white image (a uPlot chart is several canvases plus DOM;
 * its canvases hold the lines and axes), and so is every table cell (the confusion matrix).
 */
import { downloadBlob } from '../bridge/download';

/**
 * Composites the canvases and tables inside `root` into one canvas (white background), or
 * null when there are neither.
 */
export function compositeCanvases(root: HTMLElement): HTMLCanvasElement | null {
  const canvases = [...root.querySelectorAll('canvas')].filter((c) => c.width > 0 && c.height > 0);
  const cells = [...root.querySelectorAll<HTMLElement>('table th, table td > button, table td:not(:has(button))')];
  if (canvases.length === 0 && cells.length === 0) return null;
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
  for (const cell of cells) paintCell(ctx, cell, box, ratio);
  return out;
}

/**
 * Paints a table cell (the confusion matrix is HTML, not a canvas) as it looks: its
 * background colour and its text, centred, in its font and colour.
 */
function paintCell(ctx: CanvasRenderingContext2D, cell: HTMLElement, box: DOMRect, ratio: number): void {
  const r = cell.getBoundingClientRect();
  if (r.width <= 0 || r.height <= 0) return;
  const style = getComputedStyle(cell);
  const x = (r.left - box.left) * ratio;
  const y = (r.top - box.top) * ratio;
  if (style.backgroundColor && style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.backgroundColor !== 'transparent') {
    ctx.fillStyle = style.backgroundColor;
    ctx.fillRect(x, y, r.width * ratio, r.height * ratio);
  }
  const text = cell.innerText.trim();
  if (!text) return;
  ctx.fillStyle = style.color;
  ctx.font = `${style.fontWeight} ${parseFloat(style.fontSize) * ratio}px ${style.fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  text.split('\n').forEach((line, i, lines) => {
    const lineHeight = parseFloat(style.fontSize) * 1.2 * ratio;
    ctx.fillText(line, x + (r.width * ratio) / 2, y + (r.height * ratio) / 2 + (i - (lines.length - 1) / 2) * lineHeight, r.width * ratio);
  });
}

/** Saves the canvases inside `root` as `<name>.png`. */
export function savePanelPng(root: HTMLElement, name: string): void {
  const image = compositeCanvases(root);
  image?.toBlob((blob) => {
    if (blob) downloadBlob(blob, `${name}.png`);
  }, 'image/png');
}
