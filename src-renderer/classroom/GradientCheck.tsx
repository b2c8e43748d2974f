/**
 * The gradient check beside Step mode: backpropagation against central finite differences
 * for every parameter (small networks) or the selected one, side by side with the relative
 * error. The trainer computes it (check-gradient) on the next batch.
 */
import { useTranslation } from 'react-i18next';
import type { StepTrace } from '../../src-engine/inspect/step-trace-types';
import { appStore, useApp } from '../store/app-store';
import { CLASSROOM_NAMES } from './names';
import { chainOfDense, paramName } from './stage-formulas';
import { plainNumber } from './tex';

export function GradientCheck({ trace }: { trace: StepTrace }) {
  const { t } = useTranslation();
  const gradient = useApp((s) => s.stepMode.gradient);
  const selected = useApp((s) => s.stepMode.selected);
  const finished = useApp((s) => s.stepMode.finished);
  const decimals = useApp((s) => s.classroom.decimals);
  const actions = appStore.getState();
  const nameOf = (layerIndex: number, role: 'weights' | 'bias', row: number, col: number) => paramName(chainOfDense(trace, layerIndex), role, row, col);
  const selectedName = selected ? ('bias' in selected ? nameOf(selected.layerIndex, 'bias', 0, selected.bias) : nameOf(selected.layerIndex, 'weights', selected.row, selected.col)) : null;
  const result = gradient.result;
  const failures = result ? result.entries.filter((e) => !e.ok).length : 0;

  return (
    <section className="gradient-check" aria-label={CLASSROOM_NAMES.gradientCheck}>
      <div className="gradient-check-head">
        <h3 className="formula-section-title">{t('gradcheck.title')}</h3>
        <button type="button" className="btn" aria-label={CLASSROOM_NAMES.checkGradients} disabled={gradient.status === 'checking' || finished} onClick={() => actions.checkGradients('all')}>
          {t('gradcheck.checkAll')}
        </button>
        <button type="button" className="btn" aria-label={CLASSROOM_NAMES.checkSelected} disabled={!selected || gradient.status === 'checking' || finished} onClick={() => actions.checkGradients('selected')}>
          {t('gradcheck.checkSelected')}
        </button>
        <span className="gradient-check-selected">{selectedName ? t('gradcheck.selected', { name: selectedName }) : t('gradcheck.noneSelected')}</span>
      </div>
      <p className="panel-hint">{t('gradcheck.hint')}</p>
      {gradient.status === 'checking' && <p role="status">{t('gradcheck.checking')}</p>}
      {result && (
        <>
          <p className={`gradient-check-summary ${result.passed ? 'is-ok' : 'is-bad'}`} role="status" data-testid="gradient-check-summary" data-passed={String(result.passed)}>
            {result.passed
              ? t('gradcheck.passed', { count: result.entries.length, error: result.maxRelativeError.toExponential(2) })
              : t('gradcheck.failed', { count: failures, error: result.maxRelativeError.toExponential(2) })}
          </p>
          <div className="table-scroll">
            <table className="gradient-table">
              <thead>
                <tr>
                  <th scope="col">{t('gradcheck.parameter')}</th>
                  <th scope="col">{t('gradcheck.backprop')}</th>
                  <th scope="col">{t('gradcheck.numeric')}</th>
                  <th scope="col">{t('gradcheck.relativeError')}</th>
                  <th scope="col">{t('gradcheck.agrees')}</th>
                </tr>
              </thead>
              <tbody>
                {result.entries.map((e) => {
                  const name = nameOf(e.layerIndex, e.role, e.row, e.col);
                  return (
                    <tr key={name} className={e.ok ? '' : 'is-bad'} data-param={name}>
                      <td className="mono">{name}</td>
                      <td className="mono num">{plainNumber(e.analytic, decimals + 3)}</td>
                      <td className="mono num">{plainNumber(e.numeric, decimals + 3)}</td>
                      <td className="mono num">{e.relativeError === 0 ? '0' : e.relativeError.toExponential(2)}</td>
                      <td>{e.ok ? `✓ ${t('gradcheck.yes')}` : `✗ ${t('gradcheck.no')}`}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
