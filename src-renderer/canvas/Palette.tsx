/**
 * The layer palette. Each item can be dragged onto the canvas (HTML5 drag and drop with the
 * LAYER_MIME type) or activated with Enter/Space, which adds the layer in the middle of the
 * visible canvas. Items are buttons named exactly by the layer name ("Dense") in any language.
 */
import { useStoreApi } from '@xyflow/react';
import { useCallback, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LAYER_KINDS, type LayerKind } from '../../src-engine/project';
import { CONTROL_NAMES, LAYER_NAMES } from '../i18n/stable-names';
import { appStore } from '../store/app-store';
import { NODE_HALF_WIDTH } from './Canvas';
import { LAYER_MIME } from './layer-mime';

/** Offsets successive keyboard-added layers so they do not stack exactly. */
const CASCADE_PX = 28;
let cascade = 0;

function onDragStart(event: DragEvent<HTMLButtonElement>, kind: LayerKind): void {
  event.dataTransfer.setData(LAYER_MIME, kind);
  event.dataTransfer.setData('text/plain', LAYER_NAMES[kind]);
  event.dataTransfer.effectAllowed = 'copy';
}

export function Palette() {
  const { t } = useTranslation();
  const flow = useStoreApi();

  const addAtCenter = useCallback(
    (kind: LayerKind) => {
      const { width, height, transform } = flow.getState();
      const [tx, ty, zoom] = transform;
      const offset = (cascade++ % 6) * CASCADE_PX;
      const x = (width / 2 - tx) / zoom - NODE_HALF_WIDTH + offset;
      const y = (height / 2 - ty) / zoom - 30 + offset;
      appStore.getState().addNode(kind, { x, y }, t(`layers.${kind}`));
    },
    [flow, t],
  );

  return (
    <nav className="palette" aria-label={CONTROL_NAMES.palette}>
      <h2 className="panel-title">{t('palette.title')}</h2>
      <ul className="palette-list">
        {LAYER_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className={`palette-item layer-${kind}`}
              aria-label={LAYER_NAMES[kind]}
              draggable
              onDragStart={(e) => onDragStart(e, kind)}
              onClick={() => addAtCenter(kind)}
            >
              <span className="palette-swatch" aria-hidden="true" />
              <span className="palette-text">
                <span className="palette-name">{t(`layers.${kind}`)}</span>
                <span className="palette-hint">{t(`layerHints.${kind}`)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p className="panel-note">{t('palette.hint')}</p>
      <p className="panel-note">{t('palette.shortcuts')}</p>
    </nav>
  );
}
