/**
 * Step mode's own picture of the network: one column of units per layer (inputs first),
 * every weight a line. The current stage's units and weights are highlighted (the line under
 * the pointer more strongly); values come from the trace (activations, δ, weights).
 */
import { memo, type ReactElement } from 'react';
import type { BackwardStage, ForwardStage, StepTrace, UpdateStage } from '../../src-engine/inspect/step-trace-types';
import type { Focus } from './stage-formulas';
import { plainNumber } from './tex';

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const sub = (n: number) => String(n).split('').map((c) => SUB[Number(c)]).join('');

/** Most weights whose values are written on the lines (more would be unreadable). */
const MAX_LABELLED_WEIGHTS = 4;

interface Props {
  trace: StepTrace;
  stageIndex: number;
  sample: number;
  stageFocus: Focus;
  hover: Focus | null;
  decimals: number;
}

export const NetworkDiagram = memo(function NetworkDiagram({ trace, stageIndex, sample, stageFocus, hover, decimals }: Props) {
  const forward = trace.stages.filter((s): s is ForwardStage => s.kind === 'forward').sort((a, b) => a.layerIndex - b.layerIndex);
  const stage = trace.stages[stageIndex];
  const last = forward.length - 1;
  const r = Math.min(sample, trace.rows - 1);
  const columns = [forward[0]?.samples[r]?.x.length ?? 0, ...forward.map((f) => f.samples[r]?.a.length ?? 0)];
  const width = Math.max(240, 96 * columns.length);
  const height = Math.max(170, 46 * Math.max(...columns) + 40);
  const digits = Math.min(decimals, 4);
  const colX = (c: number) => 40 + ((width - 80) * c) / Math.max(1, columns.length - 1);
  const rowY = (c: number, u: number) => height / 2 + (u - (columns[c] - 1) / 2) * 46;
  // Chain layer k is column k + 1; the inputs are column 0 (layer −1).
  const on = (f: Focus | null, layer: number, unit: number) => !!f && f.units.some((x) => x.layer === layer && x.unit === unit);
  const onW = (f: Focus | null, layer: number, row: number, col: number) => !!f && f.weights.some((x) => x.layer === layer && x.row === row && x.col === col);
  // How far the walk has come: forward stage k shows activations up to layer k.
  const shownUpTo = stage.kind === 'forward' ? stage.layerIndex : last;
  const backward = stage.kind === 'backward' ? (stage as BackwardStage) : null;
  const update = stage.kind === 'update' ? (stage as UpdateStage) : null;

  const lines: ReactElement[] = [];
  const labels: ReactElement[] = [];
  forward.forEach((f, k) => {
    if (f.layer !== 'dense' || !f.weights) {
      // Activation and dropout layers pass values one to one.
      for (let u = 0; u < columns[k + 1]; u++) {
        lines.push(<line key={`p${k}-${u}`} x1={colX(k)} y1={rowY(k, u)} x2={colX(k + 1)} y2={rowY(k + 1, u)} className={`dg-edge${on(stageFocus, k, u) ? ' is-stage' : ''}`} />);
      }
      return;
    }
    const weights = f.weights;
    const count = weights.length * (weights[0]?.length ?? 0);
    weights.forEach((row, i) =>
      row.forEach((w, j) => {
        const cls = `dg-edge${onW(hover, k, i, j) ? ' is-hover' : onW(stageFocus, k, i, j) ? ' is-stage' : ''}`;
        lines.push(<line key={`w${k}-${i}-${j}`} x1={colX(k)} y1={rowY(k, i)} x2={colX(k + 1)} y2={rowY(k + 1, j)} className={cls} />);
        const labelled = count <= MAX_LABELLED_WEIGHTS && (onW(stageFocus, k, i, j) || onW(hover, k, i, j));
        if (labelled) {
          const value = update && update.layerIndex === k ? (update.params.find((p) => p.role === 'weights' && p.row === i && p.col === j)?.new ?? w) : w;
          // Labels sit where the lines are apart: near the inputs when they meet in one unit,
          // near the units when they leave one input, else the first input's near it.
          const t = row.length === 1 ? 0.35 : weights.length === 1 ? 0.65 : i === 0 ? 0.3 : 0.7;
          const x = colX(k) + (colX(k + 1) - colX(k)) * t;
          const y = rowY(k, i) + (rowY(k + 1, j) - rowY(k, i)) * t;
          labels.push(
            <text key={`wl${k}-${i}-${j}`} x={x} y={y - 4} className="dg-weight">
              {plainNumber(value, digits)}
            </text>,
          );
        }
      }),
    );
  });

  const nodes: ReactElement[] = [];
  columns.forEach((n, c) => {
    const layer = c - 1;
    for (let u = 0; u < n; u++) {
      const name = c === 0 ? `x${sub(u + 1)}` : layer === last ? `ŷ${sub(u + 1)}` : `a${sub(u + 1)}`;
      const value = c === 0 ? forward[0]?.samples[r]?.x[u] : layer <= shownUpTo ? forward[layer]?.samples[r]?.a[u] : undefined;
      const delta = backward && backward.layerIndex === layer ? backward.samples[r]?.delta?.[u] ?? backward.samples[r]?.dEda?.[u] : undefined;
      const cls = `dg-node${on(hover, layer, u) ? ' is-hover' : on(stageFocus, layer, u) ? ' is-stage' : ''}`;
      nodes.push(
        <g key={`n${c}-${u}`} className={cls}>
          <circle cx={colX(c)} cy={rowY(c, u)} r={15} />
          <text x={colX(c)} y={rowY(c, u) + 4} className="dg-name">
            {name}
          </text>
          {value !== undefined && (
            <text x={colX(c)} y={rowY(c, u) + 29} className="dg-value">
              {plainNumber(value, digits)}
            </text>
          )}
          {delta !== undefined && (
            <text x={colX(c)} y={rowY(c, u) - 20} className="dg-delta">
              δ {plainNumber(delta, digits)}
            </text>
          )}
        </g>,
      );
    }
  });

  return (
    <svg className="network-diagram" viewBox={`0 0 ${width} ${height}`} width={width} height={height} aria-hidden="true">
      <g>{lines}</g>
      <g>{labels}</g>
      <g>{nodes}</g>
    </svg>
  );
});
