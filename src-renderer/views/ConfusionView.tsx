/**
 * The confusion matrix on the validation split (the training split when there is none):
 * rows are the true class, columns the predicted one, each cell shaded by its share of the
 * row. Clicking a cell lists the samples in it; digits are shown as their 8×8 images.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { datasetShape } from '../../src-engine/datasets';
import type { ConfusionMatrix } from '../../src-engine/inspect/confusion-matrix';
import { useApp } from '../store/app-store';
import { displayedFrom } from './displayed';
import { runData, type RunData } from './run-data';
import { VIEW_NAMES } from './view-names';
import { ViewPanel } from './ViewPanel';

/** Samples listed for a cell. */
const MAX_LISTED = 48;

export function ConfusionView() {
  const { t } = useTranslation();
  const matrix = useApp((s) => displayedFrom(s.live, s.timeline, s.scrubStep)?.views.confusion ?? null);
  const runProject = useApp((s) => s.runProject);
  const scrubbed = useApp((s) => s.scrubStep !== null);
  const data = useMemo(() => runData(runProject), [runProject]);
  const regression = useMemo(() => (runProject ? datasetShape(runProject.dataset).task === 'regression' : false), [runProject]);
  const [cell, setCell] = useState<[number, number] | null>(null);

  let body;
  if (!matrix) {
    const why = !runProject ? 'views.empty' : regression ? 'confusionView.none' : scrubbed ? 'confusionView.notRecorded' : 'boundaryView.waiting';
    body = <p className="view-empty">{t(why)}</p>;
  }
  else
    body = (
      <div className="confusion">
        <Matrix matrix={matrix} labels={data?.classLabels ?? null} selected={cell} onSelect={setCell} />
        {cell && <CellSamples matrix={matrix} cell={cell} data={data} />}
      </div>
    );
  return (
    <ViewPanel
      id="confusion"
      title={t('views.confusion')}
      tools={matrix?.accuracy !== null && matrix ? <span className="view-note">{t('confusionView.accuracy', { value: ((matrix.accuracy ?? 0) * 100).toFixed(1) })}</span> : null}
    >
      {body}
    </ViewPanel>
  );
}

function Matrix({ matrix, labels, selected, onSelect }: { matrix: ConfusionMatrix; labels: string[] | null; selected: [number, number] | null; onSelect(c: [number, number]): void }) {
  const { t } = useTranslation();
  const name = (k: number) => labels?.[k] ?? String(k);
  return (
    <table className="confusion-table" aria-label={VIEW_NAMES.confusionTable}>
      <thead>
        <tr>
          <th scope="col" className="confusion-corner">
            {t('confusionView.trueVsPredicted')}
          </th>
          {matrix.counts.map((_, k) => (
            <th key={k} scope="col">
              {name(k)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.counts.map((row, i) => {
          const total = row.reduce((a, b) => a + b, 0);
          return (
            <tr key={i}>
              <th scope="row">{name(i)}</th>
              {row.map((count, j) => {
                const share = total > 0 ? count / total : 0;
                const on = selected?.[0] === i && selected?.[1] === j;
                const color = i === j ? `rgb(37 99 235 / ${0.08 + 0.75 * share})` : `rgb(220 38 38 / ${count > 0 ? 0.08 + 0.75 * share : 0})`;
                return (
                  <td key={j}>
                    <button
                      type="button"
                      className={`confusion-cell${on ? ' is-on' : ''}`}
                      style={{ background: color, color: share > 0.55 ? '#fff' : undefined }}
                      aria-label={t('confusionView.cell', { truth: name(i), predicted: name(j), count })}
                      aria-pressed={on}
                      onClick={() => onSelect([i, j])}
                    >
                      {count}
                    </button>
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function CellSamples({ matrix, cell, data }: { matrix: ConfusionMatrix; cell: [number, number]; data: RunData | null }) {
  const { t } = useTranslation();
  const samples = matrix.cells[cell[0]]?.[cell[1]] ?? [];
  const part = data ? (matrix.split === 'val' ? data.val : data.train) : null;
  const digits = data?.datasetName === 'digits' && data.features === 64;
  return (
    <div className="confusion-samples" role="region" aria-label={t('confusionView.samples', { count: samples.length })}>
      <p className="view-note">{t('confusionView.samples', { count: samples.length })}</p>
      <ul>
        {samples.slice(0, MAX_LISTED).map((index) => (
          <li key={index}>
            {digits && part ? <DigitImage x={part.x} index={index} /> : null}
            <span>#{index}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An 8×8 digit drawn from its (possibly scaled) pixels, darkest = highest. */
function DigitImage({ x, index }: { x: Float64Array; index: number }) {
  return (
    <canvas
      className="digit"
      width={8}
      height={8}
      ref={(canvas) => {
        const ctx = canvas?.getContext('2d');
        if (!ctx) return;
        const px = x.subarray(index * 64, index * 64 + 64);
        let lo = Infinity;
        let hi = -Infinity;
        for (const v of px) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
        const img = ctx.createImageData(8, 8);
        for (let p = 0; p < 64; p++) {
          const g = 255 - Math.round(((px[p] - lo) / (hi - lo || 1)) * 255);
          img.data.set([g, g, g, 255], p * 4);
        }
        ctx.putImageData(img, 0, 0);
      }}
    />
  );
}
