/**
 * The app shell: header; palette | canvas | inspector; the run panel (controls, status,
 * progress, and the live views with the loss chart) under the canvas; the classroom bar
 * under the header, its lesson card over the canvas and its dock in the run panel's place.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { ImportCsvDialog } from '../data/ImportCsvDialog';
import { Palette } from '../canvas/Palette';
import { ClassroomBar } from '../classroom/ClassroomBar';
import { ClassroomDock } from '../classroom/ClassroomDock';
import { LessonCard } from '../classroom/LessonCard';
import { Inspector } from '../inspector/Inspector';
import { RunProgress } from '../views/RunProgress';
import { ViewsDock } from '../views/ViewsDock';
import { ConfirmDialog } from './ConfirmDialog';
import { Header } from './Header';
import { HelpDialog } from './HelpDialog';
import { Notices } from './Notices';
import { RunControls } from './RunControls';
import { RunStatusLine } from './RunStatusLine';
import { useDesktopIntegration } from './use-desktop-integration';
import { useSession } from './use-session';
import { useShortcuts } from './use-shortcuts';

export function App() {
  useShortcuts();
  useSession();
  useDesktopIntegration();
  return (
    <ReactFlowProvider>
      <div className="app">
        <Header />
        <ClassroomBar />
        <div className="workspace">
          <Palette />
          <main className="center">
            <div className="canvas-wrap">
              <Canvas />
              <Notices />
              <LessonCard />
            </div>
            <section className="run-panel">
              <RunProgress />
              <div className="run-bar">
                <RunControls />
                <RunStatusLine />
              </div>
              <ViewsDock />
            </section>
            <ClassroomDock />
          </main>
          <Inspector />
        </div>
        <ConfirmDialog />
        <HelpDialog />
        <ImportCsvDialog />
      </div>
    </ReactFlowProvider>
  );
}
