/**
 * Live changes: the learning rate, and L1, L2 and the dropout rate of every layer, applied to
 * the running network from its next step (and kept in the project, one undo step). Each
 * change is marked on the loss chart. Optimizer settings other than the rate change live
 * from the inspector's Training section.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore, useApp } from '../store/app-store';
import { isActivePhase } from '../store/run-slice';
import { VIEW_NAMES } from './view-names';

interface Draft {
  lr: string;
  l1: string;
  l2: string;
  dropout: string;
}

/** The values the fields start from: the project's rate, the first layer's L1/L2 and dropout rate. */
function currentValues(): Draft {
  const { project } = appStore.getState();
  const dense = project.graph.nodes.find((n) => n.type === 'dense' || n.type === 'output');
  const dropout = project.graph.nodes.find((n) => n.type === 'dropout');
  const reg = dense && (dense.type === 'dense' || dense.type === 'output') ? dense.data : null;
  return {
    lr: String(project.training.optimizer.lr),
    l1: String(reg?.l1 ?? 0),
    l2: String(reg?.l2 ?? 0),
    dropout: dropout && dropout.type === 'dropout' ? String(dropout.data.rate) : '',
  };
}

function parse(text: string, min: number, max: number, exclusiveMin = false): number | null {
  if (text.trim() === '') return null;
  const v = Number(text);
  return Number.isFinite(v) && (exclusiveMin ? v > min : v >= min) && v <= max ? v : null;
}

export function LiveChanges() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(currentValues);
  const [error, setError] = useState<string | null>(null);
  const running = useApp((s) => isActivePhase(s.run.state));
  const hasDropout = useApp((s) => s.project.graph.nodes.some((n) => n.type === 'dropout'));

  const toggle = () => {
    if (!open) {
      setDraft(currentValues());
      setError(null);
    }
    setOpen(!open);
  };

  const apply = () => {
    const before = currentValues();
    const lr = parse(draft.lr, 0, 1e3, true);
    const l1 = parse(draft.l1, 0, 1e6);
    const l2 = parse(draft.l2, 0, 1e6);
    const dropout = hasDropout ? parse(draft.dropout, 0, 0.99) : null;
    if (lr === null || l1 === null || l2 === null || (hasDropout && dropout === null)) {
      setError(t('liveTune.invalid'));
      return;
    }
    setError(null);
    const s = appStore.getState();
    if (String(lr) !== before.lr) s.updateTraining({ optimizer: { ...s.project.training.optimizer, lr } }, 'record');
    const reg = {
      ...(String(l1) !== before.l1 ? { l1 } : {}),
      ...(String(l2) !== before.l2 ? { l2 } : {}),
      ...(dropout !== null && String(dropout) !== before.dropout ? { dropoutRate: dropout } : {}),
    };
    if (Object.keys(reg).length > 0) s.applyLiveRegularization(reg);
    setOpen(false);
  };

  const field = (key: keyof Draft, label: string, name: string) => (
    <label className="live-field">
      <span>{label}</span>
      <input
        type="text"
        inputMode="decimal"
        aria-label={name}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }}
      />
    </label>
  );

  return (
    <div className="live-changes">
      <button type="button" className={`btn btn-small${open ? ' is-on' : ''}`} aria-label={VIEW_NAMES.liveChanges} aria-expanded={open} onClick={toggle}>
        {t('liveTune.button')}
      </button>
      {open && (
        <div className="live-popover" role="group" aria-label={VIEW_NAMES.liveChanges}>
          <p className="live-note">{running ? t('liveTune.noteRunning') : t('liveTune.noteIdle')}</p>
          {field('lr', t('training.learningRate'), VIEW_NAMES.liveLr)}
          {field('l1', t('inspector.l1'), VIEW_NAMES.liveL1)}
          {field('l2', t('inspector.l2'), VIEW_NAMES.liveL2)}
          {hasDropout && field('dropout', t('inspector.rate'), VIEW_NAMES.liveDropout)}
          {error && <p className="live-error">{error}</p>}
          <div className="live-buttons">
            <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
              {t('liveTune.cancel')}
            </button>
            <button type="button" className="btn btn-small btn-primary" aria-label={VIEW_NAMES.applyLive} onClick={apply}>
              {t('liveTune.apply')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
