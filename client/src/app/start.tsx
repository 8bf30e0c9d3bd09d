import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { watchFailedLoads } from '../ui/NewVersion.tsx';

/** Mounts the React app (main.ts calls it once the board it opened has arrived, or soon). */
export function mountApp(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  watchFailedLoads();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
