/// <reference lib="dom" />
// The functions given to page.evaluate run in the browser, so this file also knows the DOM.
import type { Page } from 'playwright-core';

const QUIET_MS = 1000;

/** What the probe logs once the first cards are on screen (see below). */
const VISIBLE_MESSAGE = 'rejse-bench:cards-visible';

/**
 * Installed before any of the page's scripts runs: records long tasks from the very start, and
 * watches each animation frame for the first cards on screen (a card node, or a tile of the far
 * layer drawn: sized only once in view, and drawn before that frame is painted), noting the frame's time and logging VISIBLE_MESSAGE. The harness waits for
 * that log line instead of polling the page: Playwright's waitForFunction would inject its own
 * script into the page as it loads (50–90 ms of the page's main thread here), which a
 * participant's browser never runs.
 * It also defines the `__name` helper that tsx's compiler adds to named functions, since
 * the functions given to page.evaluate below run in the page, where it does not exist.
 */
export const LONG_TASK_PROBE = `
  globalThis.__name = (target) => target;
  globalThis.__rejseWork = {};
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {}
  const watchForCards = () => {
    const drawnTile = [...document.querySelectorAll('canvas.far-layer__tile')].some((tile) => tile.width > 0);
    if (document.querySelector('.react-flow__node-card') || drawnTile) {
      window.__cardsVisibleAt = performance.now();
      console.debug('${VISIBLE_MESSAGE}');
    } else requestAnimationFrame(watchForCards);
  };
  requestAnimationFrame(watchForCards);
`;

export interface LoadResult {
  /** Navigation start → the first cards on screen: a card node, or the far layer's drawn blocks. */
  cardsVisibleMs: number;
  /** Navigation start → interactive (cards shown, then a quiet second). */
  ttiMs: number;
  /** The page's own marks of the load (session.ts): socket-opened, socket-connected, board-synced (ms). */
  marks: Record<string, number>;
  /** Sum over long tasks of their time beyond 50 ms, until interactive. */
  totalBlockingMs: number;
  longTasks: number;
  cardNodesInDom: number;
  /** Cards the far layer draws as blocks, tile by tile as they come into view (below FAR_ZOOM; then no card is a node). */
  cardsDrawn: number;
  zoom: number;
}

export async function measureLoad(page: Page, url: string): Promise<LoadResult> {
  const visible = page.waitForEvent('console', { predicate: (message) => message.text() === VISIBLE_MESSAGE, timeout: 120_000 });
  await page.goto(url, { waitUntil: 'commit' });
  await visible;
  const cardsVisibleMs = await page.evaluate(() => (window as unknown as { __cardsVisibleAt: number }).__cardsVisibleAt);
  // Interactive once no long task has run for QUIET_MS after the cards appeared.
  return page.evaluate(
    async ({ quiet, visible }) => {
      type Task = { start: number; end: number };
      const tasks = (): Task[] => (window as unknown as { __longTasks: Task[] }).__longTasks;
      const lastEnd = () => tasks().reduce((latest, t) => Math.max(latest, t.end), 0);
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const now = performance.now();
        if (now - Math.max(lastEnd(), visible) >= quiet) break;
        if (now > 180_000) break;
      }
      const tti = Math.max(visible, lastEnd());
      const until = tasks().filter((t) => t.start <= tti);
      const style = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
      return {
        cardsVisibleMs: visible,
        ttiMs: tti,
        marks: Object.fromEntries(
          performance
            .getEntriesByType('mark')
            .filter((m) => m.name.startsWith('rejse:'))
            .map((m) => [m.name.slice('rejse:'.length), m.startTime]),
        ),
        totalBlockingMs: until.reduce((sum, t) => sum + Math.max(0, t.end - t.start - 50), 0),
        longTasks: until.length,
        cardNodesInDom: document.querySelectorAll('.react-flow__node-card').length,
        // The far layer says how many cards it draws (none is a node then).
        cardsDrawn: Number(document.querySelector('.far-layer')?.getAttribute('data-cards') ?? 0),
        zoom: Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? 1),
      };
    },
    { quiet: QUIET_MS, visible: cardsVisibleMs },
  );
}
