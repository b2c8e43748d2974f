/**
 * The frame every layer node shares: kind and name, the kind's own lines, output shape and
 * parameter count, problems, and the handles (target on the left, source on the right).
 * Shape, parameters and problems come from the store, by node id.
 */
import { Handle, Position } from '@xyflow/react';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { LayerKind } from '../../src-engine/project';
import { problemText } from '../i18n/problem-text';
import { runMessageText } from '../i18n/run-message-text';
import { useApp } from '../store/app-store';
import { formatCount } from './format';

interface LayerCardProps {
  id: string;
  kind: LayerKind;
  name: string;
  selected: boolean;
  children?: ReactNode;
}

const EMPTY: readonly string[] = [];

export const LayerCard = memo(function LayerCard({ id, kind, name, selected, children }: LayerCardProps) {
  const { t, i18n } = useTranslation();
  const info = useApp(useShallow((s) => s.analysis.nodeInfo[id] ?? null));
  const problems = useApp(
    useShallow((s) => {
      const compile = s.analysis.problemsByNode[id]?.map((p) => problemText(p, i18n.language)) ?? EMPTY;
      const runtime = s.notices.filter((n) => n.nodeId === id).map((n) => runMessageText(n, i18n.language));
      return runtime.length > 0 ? [...compile, ...runtime] : compile;
    }),
  );
  const hasProblems = problems.length > 0;
  const shape = info?.outputs == null ? t('node.notConnected') : `[n, ${info.outputs}]`;
  const className = `layer-card layer-${kind}${selected ? ' is-selected' : ''}${hasProblems ? ' has-problems' : ''}`;
  return (
    <div className={className} data-kind={kind}>
      {kind !== 'input' && <Handle type="target" position={Position.Left} className="layer-handle" />}
      <div className="layer-card-head">
        <span className="layer-kind">{t(`layers.${kind}`)}</span>
        <span className="layer-name" title={name}>
          {name || t(`layers.${kind}`)}
        </span>
      </div>
      {children && <div className="layer-card-body">{children}</div>}
      <div className="layer-card-foot">
        <span title={t('node.shape')}>
          {t('node.shape')} <b>{shape}</b>
        </span>
        <span>
          {t('node.params')} <b>{info?.params == null ? '–' : formatCount(info.params)}</b>
        </span>
      </div>
      {hasProblems && (
        <ul className="layer-problems" aria-label={t('node.problems')}>
          {problems.slice(0, 3).map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      )}
      {kind !== 'output' && <Handle type="source" position={Position.Right} className="layer-handle" />}
    </div>
  );
});
