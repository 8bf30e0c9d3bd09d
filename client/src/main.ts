import '@xyflow/react/dist/style.css';
import './styles/index.css';
import { loadedOrAfter, openBoardEarly } from './board/earlyBoard.ts';
import { parseRoute } from './routing/routes.ts';

// The entry is small on purpose (Yjs and the socket; no React, no schemas): it opens a board's
// socket (and asks for the role) first, and only then evaluates the React app (app/start.tsx).
// The board arrives, and is applied, while the app's code still loads. The app's files are
// preloaded by index.html (vite.config.ts): fetched alongside this one.
const route = parseRoute(window.location.pathname);
const opened = route.page === 'board' ? openBoardEarly(route.boardId) : null;
const app = import('./app/start.tsx');
// ICU's data loads on the page's first use of Intl (20–40 ms here). Done now, it fills the wait
// for the app's code instead of lengthening the board's first render.
setTimeout(() => new Intl.PluralRules().select(new Intl.NumberFormat().resolvedOptions().maximumFractionDigits ?? 0), 0);
// The app mounts once the board is there (or after MOUNT_WAIT_MS, showing it loading): a loading
// screen rendered just before the board arrives only holds the board up.
const MOUNT_WAIT_MS = 500;
// The app's code gone (a page from before a redeploy, its hashed files replaced): reload once for
// the new build; never again within a minute, so a failing load cannot loop.
const RELOADED_KEY = 'rejse.reloadedForApp';
void Promise.all([app, opened ? loadedOrAfter(opened.link, MOUNT_WAIT_MS) : null]).then(
  ([{ mountApp }]) => mountApp(),
  (error: unknown) => {
    const last = Number(sessionStorage.getItem(RELOADED_KEY) ?? 0);
    if (Date.now() - last < 60_000) throw error;
    sessionStorage.setItem(RELOADED_KEY, String(Date.now()));
    window.location.reload();
  },
);
