/** The right-hand panel: the selected layer, then training and data set settings. */
import { useTranslation } from 'react-i18next';
import { CONTROL_NAMES } from '../i18n/stable-names';
import { useApp } from '../store/app-store';
import { DatasetPanel } from './DatasetPanel';
import { Section } from './fields';
import { NodeInspector } from './NodeInspector';
import { TrainingPanel } from './TrainingPanel';

export function Inspector() {
  const { t } = useTranslation();
  const selectedCount = useApp((s) => s.selection.nodeIds.length + s.selection.edgeIds.length);
  const node = useApp((s) =>
    s.selection.nodeIds.length === 1 && s.selection.edgeIds.length === 0
      ? (s.project.graph.nodes.find((n) => n.id === s.selection.nodeIds[0]) ?? null)
      : null,
  );
  return (
    <aside className="inspector" aria-label={CONTROL_NAMES.inspector}>
      <Section title={t('inspector.title')}>
        {node ? (
          <NodeInspector key={node.id} node={node} />
        ) : (
          <p className="panel-note">{selectedCount > 1 ? t('inspector.several', { count: selectedCount }) : t('inspector.empty')}</p>
        )}
      </Section>
      <TrainingPanel />
      <DatasetPanel />
    </aside>
  );
}
