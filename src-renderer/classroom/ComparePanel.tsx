/**
 * Side-by-side comparison: a lesson's variants (or, for the race, one lane per optimizer)
 * trained at once on their own trainer connections, their loss curves overlaid in one
 * chart. The race adds the optimizers' paths on a 2-parameter loss surface; deep-network
 * lessons add gradient size by layer.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findLesson, RACE_LANES, withLaneOptimizer } from '../../src-engine/lessons';
import { runMessageText } from '../i18n/run-message-text';
import { formatLoss } from '../nodes/format';
import { appStore, useApp } from '../store/app-store';
import type { LaneSpec } from '../store/classroom-slice';
import { CompareChart } from './CompareChart';
import { GradNorms } from './GradNorms';
import { LessonNotes } from './LessonCard';
import { lessonText } from './lesson-language';
import { laneColor } from './lane-colors';
import { LossSurface } from './LossSurface';
import { CLASSROOM_NAMES } from './names';

/** The comparison that trains the editor's project once per race optimizer. */
export const RACE_CURRENT = 'race-current';

/** The lanes of comparison `key`: a lesson's variants, or the race on the editor's project. */
function lanesFor(key: string): LaneSpec[] {
  if (key === RACE_CURRENT) {
    const project = appStore.getState().project;
    return RACE_LANES.map((lane) => ({ id: lane.id, title: lane.title, project: withLaneOptimizer(project, lane) }));
  }
  const lesson = findLesson(key);
  return lesson ? lesson.variants.map((v) => ({ id: v.id, title: v.title, project: v.project() })) : [];
}

const STATE_KEYS = {
  starting: 'compare.starting',
  running: 'compare.running',
  done: 'compare.done',
  diverged: 'compare.diverged',
  stopped: 'compare.stopped',
  failed: 'compare.failed',
} as const;

export function ComparePanel() {
  const { t, i18n } = useTranslation();
  const key = useApp((s) => s.compare.key);
  const lanes = useApp((s) => s.compare.lanes);
  const [log, setLog] = useState(false);
  const actions = appStore.getState();
  const lesson = key && key !== RACE_CURRENT ? findLesson(key) : null;
  const isRace = key === RACE_CURRENT || key === 'optimizer-race';
  const active = lanes.some((l) => l.state === 'starting' || l.state === 'running');
  const startKey = key ?? RACE_CURRENT;
  const title = lesson ? lessonText(lesson.title, i18n.language) : t('compare.raceTitle');
  const withValidation = lesson?.showValidation === true;
  const showGradients = key === 'vanishing-gradients' || key === 'initialization';

  return (
    <section className="compare-panel" aria-label={CLASSROOM_NAMES.compare}>
      <div className="step-toolbar">
        <h2 className="dock-title">{title}</h2>
        <div className="step-tools">
          <button
            type="button"
            className="btn btn-primary"
            aria-label={isRace ? CLASSROOM_NAMES.startRace : CLASSROOM_NAMES.startCompare}
            disabled={active}
            onClick={() => actions.startCompare(startKey, lanesFor(startKey))}
          >
            <span aria-hidden="true" className="btn-icon">
              ▶
            </span>
            {lanes.length > 0 ? t('compare.again') : isRace ? t('compare.startRace') : t('compare.start')}
          </button>
          <button type="button" className="btn" aria-label={CLASSROOM_NAMES.stopCompare} disabled={!active} onClick={actions.stopCompare}>
            {t('compare.stop')}
          </button>
          {key !== RACE_CURRENT && (
            <button type="button" className="btn" aria-label={CLASSROOM_NAMES.raceCurrent} title={t('compare.raceCurrentHint')} disabled={active} onClick={() => actions.startCompare(RACE_CURRENT, lanesFor(RACE_CURRENT))}>
              {t('compare.raceCurrent')}
            </button>
          )}
          <label className="inline-field">
            <input type="checkbox" aria-label={CLASSROOM_NAMES.logScale} checked={log} onChange={(e) => setLog(e.target.checked)} />
            <span>{t('compare.logScale')}</span>
          </label>
          <button type="button" className="icon-btn" aria-label={CLASSROOM_NAMES.closePanel} title={t('classroom.closePanel')} onClick={() => actions.openPanel(null)}>
            ×
          </button>
        </div>
      </div>
      <div className="compare-body">
        <div className="compare-main">
          {lanes.length === 0 ? <p className="compare-empty">{t('compare.empty')}</p> : <CompareChart laneCount={lanes.length} withValidation={withValidation} log={log} />}
          {lanes.length > 0 && (
            <ul className="lane-legend">
              {lanes.map((lane, i) => (
                <li key={lane.id} className="lane-item" data-lane={lane.id} data-state={lane.state} title={lane.error === null ? undefined : runMessageText({ message: lane.error, key: lane.errorKey, params: lane.errorParams }, i18n.language)}>
                  <span className="lane-swatch" style={{ background: laneColor(i) }} />
                  <span className="lane-title">{lessonText(lane.title, i18n.language)}</span>
                  <span className={`lane-state lane-state-${lane.state}`}>{t(STATE_KEYS[lane.state])}</span>
                  <span className="lane-loss mono" aria-label={`${lane.title.en} ${CLASSROOM_NAMES.lastLoss}`}>
                    {lane.lastLoss === null ? '–' : formatLoss(lane.lastLoss)}
                  </span>
                </li>
              ))}
              {withValidation && (
                <li className="lane-item lane-key">
                  <span className="lane-title">
                    — {t('compare.train')} &nbsp; ┄ {t('compare.validation')}
                  </span>
                </li>
              )}
            </ul>
          )}
        </div>
        {(isRace || showGradients || lesson) && (
          <div className="compare-side">
            {isRace && <LossSurface />}
            {showGradients && <GradNorms lanes={lanes} />}
            {lesson && <LessonNotes lesson={lesson} compact />}
          </div>
        )}
      </div>
    </section>
  );
}
