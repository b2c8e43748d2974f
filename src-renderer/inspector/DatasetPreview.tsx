/**
 * A small picture of the data set under its settings: a scatter plot (2 inputs), a curve
 * (1 input → 1 target), the first digit images with their labels, or the first rows as a
 * table. The data is generated and sampled in a `useMemo` when the spec changes; the canvas
 * is drawn in an effect. Its accessible name stays "Data set preview" in every language, and
 * a sentence in the chosen language says what it shows.
 */
import { Fragment, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fileName, loadDataset } from '../../src-engine/datasets';
import type { DatasetSpec } from '../../src-engine/project';
import { classColor, css } from '../views/colormap';
import { drawPreview, previewHeight, readTheme } from './draw-preview';
import { buildPreviewModel, formatCell, type PreviewModel } from './preview-model';
import './dataset.css';

/** Accessible name of the preview (canvas: role img; tabular sets: table). Not translated. */
export const DATASET_PREVIEW_NAME = 'Data set preview';

type Built = { ok: true; model: PreviewModel } | { ok: false; error: string } | { ok: null; file: string };

function build(spec: DatasetSpec): Built {
  if (spec.type === 'file') return { ok: null, file: fileName(spec.path) };
  try {
    const loaded = loadDataset(spec);
    return loaded.ok ? { ok: true, model: buildPreviewModel(loaded.dataset) } : { ok: false, error: loaded.error };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** The sentence that describes what the preview shows. */
function useDescription(model: PreviewModel): string {
  const { t } = useTranslation();
  switch (model.kind) {
    case 'scatter':
      return model.classes
        ? t('datasetPreview.scatterClasses', { shown: model.x.length, count: model.count, x: model.xName, y: model.yName })
        : t('datasetPreview.scatterValues', { shown: model.x.length, count: model.count, x: model.xName, y: model.yName, target: model.targetName, min: formatCell(model.valueMin), max: formatCell(model.valueMax) });
    case 'curve':
      return t('datasetPreview.curve', { shown: model.x.length, count: model.count, x: model.xName, target: model.yName });
    case 'images':
      return t('datasetPreview.images', { shown: model.images.length, count: model.count, side: model.side });
    case 'table':
      return t('datasetPreview.table', { shown: model.rows.length, count: model.count });
  }
}

function PreviewCanvas({ model, descId }: { model: Exclude<PreviewModel, { kind: 'table' }>; descId: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);

  // Follow the panel's width.
  useEffect(() => {
    const parent = ref.current?.parentElement;
    if (!parent) return;
    const measure = () => setWidth(Math.floor(parent.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(parent);
    return () => observer.disconnect();
  }, []);

  const height = width > 0 ? previewHeight(model, width) : 0;
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || width <= 0) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawPreview(ctx, width, model, readTheme(canvas));
  }, [model, width, height]);

  const points = model.kind === 'images' ? model.images.length : model.x.length;
  return (
    <canvas
      ref={ref}
      className="dataset-preview-canvas"
      role="img"
      aria-label={DATASET_PREVIEW_NAME}
      aria-describedby={descId}
      data-kind={model.kind}
      data-points={points}
      style={{ width: width > 0 ? `${width}px` : '100%', height: `${height}px` }}
    />
  );
}

/** A column name that may wrap after '_' (sepal_/length), so the table fits the panel. */
function breakable(name: string): ReactNode {
  const parts = name.split('_');
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          _<wbr />
        </>
      )}
    </Fragment>
  ));
}

function PreviewTable({ model, descId }: { model: Extract<PreviewModel, { kind: 'table' }>; descId: string }) {
  const { t } = useTranslation();
  return (
    <div className="dataset-preview-table-wrap">
      <table className="dataset-preview-table" aria-label={DATASET_PREVIEW_NAME} aria-describedby={descId} data-kind="table" data-points={model.rows.length}>
        <thead>
          <tr>
            {model.inputHeaders.map((h, j) => (
              <th key={j} scope="col">
                {breakable(h)}
              </th>
            ))}
            <th scope="col" className="dataset-preview-target">
              {model.targetHeader ?? t('datasetPreview.classColumn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j} className={j === row.length - 1 ? 'dataset-preview-target' : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Legend({ labels }: { labels: string[] }) {
  const { t } = useTranslation();
  return (
    <ul className="dataset-preview-legend" aria-label={t('datasetPreview.legend')}>
      {labels.map((label, k) => (
        <li key={k}>
          <span className="legend-square" style={{ background: css(classColor(k)) }} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}

function Preview({ model }: { model: PreviewModel }) {
  const { t } = useTranslation();
  const descId = useId();
  const description = useDescription(model);
  return (
    <div className="dataset-preview">
      {model.kind === 'table' ? <PreviewTable model={model} descId={descId} /> : <PreviewCanvas model={model} descId={descId} />}
      {model.kind === 'scatter' && model.classLabels && <Legend labels={model.classLabels} />}
      <p className="field-hint" id={descId}>
        {description}
        {model.kind === 'table' && model.hiddenColumns > 0 && ` ${t('datasetPreview.moreColumns', { count: model.hiddenColumns })}`}
      </p>
    </div>
  );
}

/** The preview of `spec`, rebuilt only when the spec changes. */
export function DatasetPreview({ spec }: { spec: DatasetSpec }) {
  const { t } = useTranslation();
  const built = useMemo(() => build(spec), [spec]);
  if (built.ok === null) return <p className="field-hint">{t('datasetPreview.fileData', { name: built.file })}</p>;
  if (!built.ok) return <p className="field-error">{t('datasetPreview.failed', { error: built.error })}</p>;
  return <Preview model={built.model} />;
}
