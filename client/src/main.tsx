import '@xyflow/react/dist/style.css';
import './styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { openBoardEarly } from './board/openSession.ts';
import { parseRoute } from './routing/routes.ts';

// A board's socket opens (and its role is asked) now, not after the first render: the board arrives sooner.
const route = parseRoute(window.location.pathname);
if (route.page === 'board') openBoardEarly(route.boardId);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
