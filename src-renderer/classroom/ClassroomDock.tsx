/**
 * The classroom dock under the canvas: Step mode, the comparison, or the glossary. While it
 * is open it takes the run panel's place (classroom.css).
 */
import { useApp } from '../store/app-store';
import { ComparePanel } from './ComparePanel';
import { GlossaryPanel } from './GlossaryPanel';
import { StepPanel } from './StepPanel';

export function ClassroomDock() {
  const panel = useApp((s) => s.classroom.panel);
  if (panel === null) return null;
  return (
    <div className={`classroom-dock classroom-dock-${panel}`}>
      {panel === 'step' && <StepPanel />}
      {panel === 'compare' && <ComparePanel />}
      {panel === 'glossary' && <GlossaryPanel />}
    </div>
  );
}
