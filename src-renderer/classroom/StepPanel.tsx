/**
 * Step mode: one traced training step walked through stage by stage (forward layer by
 * layer, the loss, backward layer by layer, each update). Buttons or ← → move between
 * stages; the diagram and the canvas highlight the stage's units and weights; formulas are
 * typeset with the engine's numbers, rounded to the chosen decimals.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TRACE_MAX_ROWS, TRACE_MAX_UNITS } from '../../src-engine/inspect/step-trace';
import type { TraceStage } from '../../src-engine/inspect/step-trace-types';
import { runMessageText } from '../i18n/run-message-text';
import { appStore, useApp } from '../store/app-store';
import { DECIMAL_CHOICES } from '../store/classroom-slice';
import { GradientCheck } from './GradientCheck';
import { LessonNotes, useOpenLesson } from './LessonCard';
import { CLASSROOM_NAMES } from './names';
import { NetworkDiagram } from './NetworkDiagram';
import { stageFocus, stageSections, type Focus } from './stage-formulas';
import { StageFormulas } from './StageFormulas';
import { handleStageKey } from './use-classroom-effects';

const CAPTIONS = { forward: 'step.forwardCaption', loss: 'step.lossCaption', backward: 'step.backwardCaption', update: 'step.updateCaption' } as const;
const KINDS = { forward: 'step.forward', loss: 'step.loss', backward: 'step.backward', update: 'step.update' } as const;

/** A stage's label: its kind, translated, and the layer's name (user text, kept as typed). */
function StageLabel({ stage }: { stage: TraceStage }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`stage-kind stage-kind-${stage.kind}`}>{t(KINDS[stage.kind])}</span>
      {stage.kind !== 'loss' && (
        <span className="stage-layer" data-user-text="">
          {stage.name}
        </span>
      )}
    </>
  );
}

export function StepPanel() {
  const { t, i18n } = useTranslation();
  const step = useApp((s) => s.stepMode);
  const decimals = useApp((s) => s.classroom.decimals);
  const stale = useApp((s) => s.stepMode.project !== null && s.stepMode.project !== s.project);
  const [hover, setHover] = useState<Focus | null>(null);
  const lesson = useOpenLesson();
  const actions = appStore.getState();
  const trace = step.trace;
  const stage = trace?.stages[step.stageIndex] ?? null;
  const sections = useMemo(() => (trace && stage ? stageSections(trace, stage, step.sample, decimals) : []), [trace, stage, step.sample, decimals]);
  const focus = useMemo(() => (trace && stage ? stageFocus(trace, stage) : null), [trace, stage]);
  const count = trace?.stages.length ?? 0;

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    // Handled here so the canvas's own arrow keys (moving layers) never see it.
    if (handleStageKey(e.nativeEvent)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const caption = stage?.kind === 'update' && trace && !(trace.optimizer.type === 'sgd' && trace.optimizer.momentum === 0) ? 'step.updateStateCaption' : stage ? CAPTIONS[stage.kind] : null;

  return (
    <section className="step-panel" aria-label={CLASSROOM_NAMES.stepMode} onKeyDown={onKeyDown} data-stage-index={step.stageIndex} data-stage-count={count} data-status={step.status}>
      <div className="step-toolbar">
        <h2 className="dock-title">{t('step.title')}</h2>
        <div className="step-nav">
          <button type="button" className="btn" aria-label={CLASSROOM_NAMES.previousStage} disabled={!trace || step.stageIndex === 0} onClick={actions.previousStage}>
            <span aria-hidden="true">◀ </span>
            {t('step.previous')}
          </button>
          <button type="button" className="btn btn-primary" aria-label={CLASSROOM_NAMES.nextStage} disabled={!trace || step.stageIndex >= count - 1} onClick={actions.nextStage}>
            {t('step.next')}
            <span aria-hidden="true"> ▶</span>
          </button>
        </div>
        <div className="step-tools">
          <button type="button" className="btn" aria-label={CLASSROOM_NAMES.nextStep} disabled={step.status !== 'ready' || step.finished || stale} onClick={actions.traceNextStep}>
            {t('step.nextStep')}
          </button>
          <button type="button" className="btn" aria-label={CLASSROOM_NAMES.rewind} title={t('step.rewindHint')} onClick={() => actions.rewindStep(false)}>
            {t('step.rewind')}
          </button>
          <button type="button" className="btn" aria-label={CLASSROOM_NAMES.freshSeed} title={t('step.freshSeedHint')} onClick={() => actions.rewindStep(true)}>
            {t('step.freshSeed')}
          </button>
          <label className="inline-field">
            <span>{t('step.decimals')}</span>
            <select aria-label={CLASSROOM_NAMES.decimals} value={decimals} onChange={(e) => actions.setClassroom({ decimals: Number(e.target.value) })}>
              {DECIMAL_CHOICES.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          {trace && trace.rows > 1 && (
            <label className="inline-field">
              <span>{t('step.sample')}</span>
              <select aria-label={CLASSROOM_NAMES.sample} value={step.sample} onChange={(e) => actions.setStepSample(Number(e.target.value))}>
                {Array.from({ length: trace.rows }, (_, r) => (
                  <option key={r} value={r}>
                    {r + 1}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className="icon-btn" aria-label={CLASSROOM_NAMES.closePanel} title={t('classroom.closePanel')} onClick={actions.closeStepMode}>
            ×
          </button>
        </div>
      </div>

      {trace && (
        <div className="stage-row">
          <ol className="stage-list" aria-label={CLASSROOM_NAMES.stages}>
            {trace.stages.map((s, i) => (
              <li key={i}>
                <button type="button" className={`stage-pill stage-pill-${s.kind}${i === step.stageIndex ? ' is-current' : ''}`} aria-current={i === step.stageIndex ? 'step' : undefined} onClick={() => actions.goToStage(i)}>
                  <span className="stage-number">{i + 1}</span>
                  <StageLabel stage={s} />
                </button>
              </li>
            ))}
          </ol>
          <span className="step-counter" data-testid="stage-counter">
            {t('step.stageOf', { n: step.stageIndex + 1, count })}
          </span>
        </div>
      )}

      {step.error && (
        <p className="step-error" role="alert">
          {step.errorCode === 'refused' ? t('step.refused', { limit: TRACE_MAX_UNITS, rows: TRACE_MAX_ROWS }) : t('step.failed')}
          {/* The trainer's own words name the layer; shown in English, or translated when they come with a template key. */}
          {(i18n.language === 'en' || step.errorKey !== undefined) && (
            <span className="step-error-detail"> {runMessageText({ message: step.error, key: step.errorKey, params: step.errorParams }, i18n.language)}</span>
          )}
        </p>
      )}
      {stale && trace && <p className="step-note">{t('step.changed')}</p>}
      {step.finished && <p className="step-note">{t('step.finished')}</p>}
      {step.status === 'tracing' && !trace && <p className="step-note" role="status">{t('step.tracing')}</p>}

      {trace && stage && focus && (
        <div className="step-body">
          <div className="step-figure">
            <div role="img" aria-label={CLASSROOM_NAMES.networkDiagram} title={t('step.diagram')} className="diagram-wrap">
              <NetworkDiagram trace={trace} stageIndex={step.stageIndex} sample={step.sample} stageFocus={focus} hover={hover} decimals={decimals} />
            </div>
            <dl className="step-facts">
              <div>
                <dt>{t('step.stepInfo', { step: trace.step, epoch: trace.epoch })}</dt>
                <dd>{t('step.samples', { count: trace.rows })}</dd>
              </div>
              <div>
                <dd>{t('step.seed', { seed: step.seed ?? step.project?.training.seed ?? '' })}</dd>
              </div>
              <div>
                <dd>{t('step.precision', { bits: trace.precision === 'float64' ? 64 : 32 })}</dd>
              </div>
              <div className="step-keys">
                <dd>{t('step.keys')}</dd>
              </div>
            </dl>
            {lesson && <LessonNotes lesson={lesson} compact />}
          </div>
          <div className="step-main" aria-label={CLASSROOM_NAMES.stepFormulas} role="region" data-stage-kind={stage.kind}>
            <header className="stage-head">
              <h3 className="stage-title">
                <StageLabel stage={stage} />
              </h3>
              {caption && <p className="stage-caption">{t(caption)}</p>}
              {stage.kind === 'update' && !stage.applied && <p className="step-error">{t('step.notApplied')}</p>}
            </header>
            <StageFormulas sections={sections} selected={step.selected} onHover={setHover} onSelect={actions.selectParam} />
            <GradientCheck trace={trace} />
          </div>
        </div>
      )}
    </section>
  );
}
