/**
 * The race's 2-parameter loss surface as a contour plot, with the path each optimizer takes
 * over it (computed by the engine's own optimizers: src-engine/lessons/loss-surface.ts;
 * cheap enough for the main thread).
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { contourSegments, RACE_LANES, SURFACE_BOUNDS, SURFACE_MINIMUM, SURFACE_START, SURFACE_STEPS, surfaceGrid, surfaceLevels, surfacePath } from '../../src-engine/lessons';
import { lessonText } from './lesson-language';
import { laneColor } from './lane-colors';
import { CLASSROOM_NAMES } from './names';

const GRID = 61;
const W = 340;
const H = 260;
const PAD = { left: 34, right: 10, top: 10, bottom: 28 };

export const LossSurface = memo(function LossSurface() {
  const { t, i18n } = useTranslation();
  const { wMin, wMax, bMin, bMax } = SURFACE_BOUNDS;
  const px = (w: number) => PAD.left + ((w - wMin) / (wMax - wMin)) * (W - PAD.left - PAD.right);
  const py = (b: number) => H - PAD.bottom - ((b - bMin) / (bMax - bMin)) * (H - PAD.top - PAD.bottom);
  const contours = useMemo(() => {
    const grid = surfaceGrid(GRID);
    return surfaceLevels(12, grid).map((level) => {
      const gx = (c: number) => wMin + ((wMax - wMin) * c) / (GRID - 1);
      const gy = (r: number) => bMin + ((bMax - bMin) * r) / (GRID - 1);
      return contourSegments(grid, level)
        .map(([c1, r1, c2, r2]) => `M${px(gx(c1)).toFixed(1)},${py(gy(r1)).toFixed(1)}L${px(gx(c2)).toFixed(1)},${py(gy(r2)).toFixed(1)}`)
        .join('');
    });
    // The bounds and scales are constants of the module.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const paths = useMemo(() => RACE_LANES.map((lane) => surfacePath(lane.surfaceOptimizer)), []);

  const ticksW = [-2, -1, 0, 1, 2, 3, 4];
  const ticksB = [-2, 0, 2, 4, 6, 8];
  return (
    <figure className="loss-surface">
      <figcaption className="formula-section-title">{t('compare.surfaceTitle')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={CLASSROOM_NAMES.lossSurface} data-paths={paths.length}>
        <title>{t('compare.surface')}</title>
        <defs>
          <clipPath id="surface-clip">
            <rect x={PAD.left} y={PAD.top} width={W - PAD.left - PAD.right} height={H - PAD.top - PAD.bottom} />
          </clipPath>
        </defs>
        <rect x={PAD.left} y={PAD.top} width={W - PAD.left - PAD.right} height={H - PAD.top - PAD.bottom} className="surface-bg" />
        <g clipPath="url(#surface-clip)">
          {contours.map((d, i) => (
            <path key={i} d={d} className="surface-contour" style={{ opacity: 0.35 + (0.5 * (contours.length - i)) / contours.length }} />
          ))}
          {paths.map((p, i) => (
            <polyline key={RACE_LANES[i].id} points={p.w.map((w, k) => `${px(w).toFixed(1)},${py(p.b[k]).toFixed(1)}`).join(' ')} className="surface-path" stroke={laneColor(i)} data-lane={RACE_LANES[i].id} />
          ))}
        </g>
        <circle cx={px(SURFACE_START.w)} cy={py(SURFACE_START.b)} r={4} className="surface-start" />
        <text x={px(SURFACE_MINIMUM.w)} y={py(SURFACE_MINIMUM.b) + 5} className="surface-min">
          ×
        </text>
        {ticksW.map((w) => (
          <text key={`w${w}`} x={px(w)} y={H - PAD.bottom + 13} className="surface-tick">
            {w}
          </text>
        ))}
        {ticksB.map((b) => (
          <text key={`b${b}`} x={PAD.left - 5} y={py(b) + 3} className="surface-tick surface-tick-y">
            {b}
          </text>
        ))}
        <text x={W - PAD.right} y={H - 3} className="surface-axis">
          w
        </text>
        <text x={4} y={PAD.top + 8} className="surface-axis surface-axis-y">
          b
        </text>
      </svg>
      <ul className="surface-legend">
        {RACE_LANES.map((lane, i) => (
          <li key={lane.id}>
            <span className="lane-swatch" style={{ background: laneColor(i) }} />
            {lessonText(lane.title, i18n.language)}
          </li>
        ))}
      </ul>
      <p className="panel-hint">{t('compare.surfaceCaption', { steps: SURFACE_STEPS })}</p>
    </figure>
  );
});
