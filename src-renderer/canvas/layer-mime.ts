/** Drag-and-drop from the palette to the canvas carries the layer kind under this MIME type. */
import { LAYER_KINDS, type LayerKind } from '../../src-engine/project';

export const LAYER_MIME = 'application/x-layerlab-layer';

/** Whether `value` names a layer kind (drop data is untrusted: it may come from anywhere). */
export function isLayerKind(value: unknown): value is LayerKind {
  return typeof value === 'string' && (LAYER_KINDS as readonly string[]).includes(value);
}
