/** Renderer entry: i18n, the trainer connection, then the app. */
import './zod-config';
import '@xyflow/react/dist/style.css';
import './app/app.css';
import './app/editor.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connectTrainer } from './bridge/connect-trainer';
import { followDesktopSettings, initI18n } from './i18n';
import { appStore } from './store/app-store';

initI18n();
followDesktopSettings();
const { connection } = connectTrainer();
appStore.getState().attachTrainer(connection);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
