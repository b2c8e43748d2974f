/**
 * The app shell: header; palette | canvas | inspector; the run panel (controls, status and
 * loss chart) under the canvas.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { Palette } from '../canvas/Palette';
import { LossChart } from '../charts/LossChart';
import { Inspector } from '../inspector/Inspector';
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
        <div className="workspace">
          <Palette />
          <main className="center">
            <div className="canvas-wrap">
              <Canvas />
              <Notices />
            </div>
            <section className="run-panel">
              <div className="run-bar">
                <RunControls />
                <RunStatusLine />
              </div>
              <LossChart />
            </section>
          </main>
          <Inspector />
        </div>
        <ConfirmDialog />
        <HelpDialog />
      </div>
    </ReactFlowProvider>
  );
}
