/// <reference lib="dom" />
// The functions given to page.evaluate run in the browser, so this file also knows the DOM.
/**
 * Canvas benchmark (a measurement, not a test): a generated board of 2,000 cards (500 with
 * --short) is created on a real Rejse server through a y-websocket client and the shared
 * edit operations, then opened in headless Debian Chromium (playwright-core) serving the
 * built client. It prints
 *   - time to interactive: navigation start → cards on screen and no long task (> 50 ms) on
 *     the main thread for a quiet second (the end of the last long task, Lighthouse-style),
 *     with the total blocking time of the load;
 *   - frames per second while panning: a scripted mouse drag across the map (the way a
 *     person pans), with requestAnimationFrame counting every frame the page paints, at the
 *     zoom the board opens at and at reading zoom (100 %);
 *   - remote typing: another client (y-websocket, in this process) types into one card of
 *     the board, one character per update, while the page counts its app work per keystroke
 *     (the document → records → layout → nodes steps the client meters while
 *     `__rejseWork` is set), all main-thread script time per keystroke (Chromium's
 *     ScriptDuration) and frames longer than 50 ms.
 *
 *   npx -y pnpm@10 bench:canvas            2,000 cards, 3 pan runs per zoom
 *   npx -y pnpm@10 bench:canvas --short    500 cards, 1 pan run per zoom
 *   options: --cards N  --stages N  --runs N  --keys N (remote keystrokes, 60)  --json (one JSON line at the end)
 *            --dist DIR (serve another client build, e.g. an older commit's, to compare)
 *
 * Build the client first (npx -y pnpm@10 --filter @rejse/client build): the server serves
 * client/dist. Debian's Chromium runs without a GPU here, so figures are for software
 * rendering on this machine; compare runs on the same machine.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { docToBoard, updateCard } from '@rejse/shared';
import { connectClient, createBoard, startServer } from '../../tests/helpers/server.ts';
import { generateBoard, type GeneratedBoard } from './generate.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORT = { width: 1440, height: 900 };
const QUIET_MS = 1000;
const PAN_MS = 4000;

interface Options {
  cards: number;
  stages: number;
  runs: number;
  json: boolean;
  dist: string | null;
  keys: number;
}

function parseArgs(argv: readonly string[]): Options {
  const args = argv.filter((a) => a !== '--');
  const short = args.includes('--short');
  const number = (flag: string, fallback: number): number => {
    const i = args.indexOf(flag);
    const value = i >= 0 ? Number(args[i + 1]) : NaN;
    return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
  };
  return {
    cards: number('--cards', short ? 500 : 2000),
    stages: number('--stages', short ? 10 : 20),
    runs: number('--runs', short ? 1 : 3),
    json: args.includes('--json'),
    keys: number('--keys', 60),
    dist: args.includes('--dist') ? path.resolve(process.env.INIT_CWD ?? process.cwd(), args[args.indexOf('--dist') + 1] ?? '') : null,
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Records long tasks from the very start of the page (installed before any script runs).
 * It also defines the `__name` helper that tsx's compiler adds to named functions, since
 * the functions given to page.evaluate below run in the page, where it does not exist.
 */
const LONG_TASK_PROBE = `
  globalThis.__name = (target) => target;
  globalThis.__rejseWork = {};
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {}
`;

interface LoadResult {
  /** Navigation start → first card node in the DOM. */
  cardsVisibleMs: number;
  /** Navigation start → interactive (cards shown, then a quiet second). */
  ttiMs: number;
  /** Sum over long tasks of their time beyond 50 ms, until interactive. */
  totalBlockingMs: number;
  longTasks: number;
  cardNodesInDom: number;
  zoom: number;
}

async function measureLoad(page: Page, url: string): Promise<LoadResult> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('.react-flow__node-card') !== null, undefined, {
    timeout: 120_000,
    polling: 'raf',
  });
  const cardsVisibleMs = await page.evaluate(() => performance.now());
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
        totalBlockingMs: until.reduce((sum, t) => sum + Math.max(0, t.end - t.start - 50), 0),
        longTasks: until.length,
        cardNodesInDom: document.querySelectorAll('.react-flow__node-card').length,
        zoom: Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? 1),
      };
    },
    { quiet: QUIET_MS, visible: cardsVisibleMs },
  );
}

interface PanResult {
  fps: number;
  frameP50Ms: number;
  frameP95Ms: number;
  frameMaxMs: number;
  /** Frames that took longer than 50 ms (visible stutter). */
  longFrames: number;
  /** Median number of card nodes in the DOM while panning (only visible cards are rendered). */
  cardNodesInDom: number;
}

/**
 * Pans the map with the mouse for PAN_MS, the way a person reads along a journey: drags
 * from right to left (later stages come into view), every third one downwards (lower
 * lanes), each stroke about half a second long with a mouse event every few milliseconds,
 * while the page counts animation frames and how many cards are in the DOM. Strokes start
 * on the grid (cells are not draggable, so React Flow pans).
 */
async function measurePan(page: Page, pattern: 'sweep' | 'wiggle'): Promise<PanResult> {
  const pane = await page.locator('.react-flow').boundingBox();
  if (!pane) throw new Error('the canvas is not on screen');
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __nodes: number[]; __counting: boolean };
    const cards = document.getElementsByClassName('react-flow__node-card');
    w.__frames = [];
    w.__nodes = [];
    w.__counting = true;
    const tick = (time: number) => {
      if (!w.__counting) return;
      w.__frames.push(time);
      w.__nodes.push(cards.length);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const began = Date.now();
  const STROKE_MS = 500;
  const at = (fx: number, fy: number) => ({ x: pane.x + pane.width * fx, y: pane.y + pane.height * fy });
  // "sweep" travels along the board; "wiggle" goes back and forth so a board seen whole stays in view.
  const strokes =
    pattern === 'sweep'
      ? [
          [at(0.85, 0.6), at(0.2, 0.6)],
          [at(0.85, 0.6), at(0.2, 0.6)],
          [at(0.5, 0.8), at(0.5, 0.25)],
        ]
      : [
          [at(0.7, 0.6), at(0.3, 0.6)],
          [at(0.3, 0.6), at(0.7, 0.6)],
          [at(0.5, 0.75), at(0.5, 0.35)],
          [at(0.5, 0.35), at(0.5, 0.75)],
        ];
  for (let stroke = 0; Date.now() - began < PAN_MS; stroke += 1) {
    const [aim, target] = strokes[stroke % strokes.length] as [{ x: number; y: number }, { x: number; y: number }];
    const from = await panStart(page, aim);
    const to = { x: target.x + from.x - aim.x, y: target.y + from.y - aim.y };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const strokeBegan = Date.now();
    for (;;) {
      const t = Math.min(1, (Date.now() - strokeBegan) / STROKE_MS);
      await page.mouse.move(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
      if (t >= 1) break;
    }
    await page.mouse.up();
  }
  const { frames, nodes } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __nodes: number[]; __counting: boolean };
    w.__counting = false;
    return { frames: w.__frames, nodes: w.__nodes };
  });
  const gaps = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
  const span = (frames[frames.length - 1] ?? 0) - (frames[0] ?? 0);
  return {
    fps: span > 0 ? (gaps.length * 1000) / span : 0,
    frameP50Ms: percentile(gaps, 50),
    frameP95Ms: percentile(gaps, 95),
    frameMaxMs: Math.max(0, ...gaps),
    longFrames: gaps.filter((g) => g > 50).length,
    cardNodesInDom: median(nodes),
  };
}

/**
 * A point near `aim` where a drag pans the map rather than moving a card: on the grid's
 * background (a cell, a gap, a header), not on a card, a button or a link.
 */
async function panStart(page: Page, aim: { x: number; y: number }): Promise<{ x: number; y: number }> {
  return page.evaluate((point) => {
    const blocked =
      '.react-flow__node-card, .react-flow__edge, .react-flow__handle, button, input, select, textarea, .react-flow__minimap, .react-flow__controls';
    for (let radius = 0; radius < 240; radius += 3) {
      for (let step = 0; step < Math.max(1, radius); step += 1) {
        const angle = (step / Math.max(1, radius)) * 2 * Math.PI;
        const x = point.x + radius * Math.cos(angle);
        const y = point.y + radius * Math.sin(angle);
        const element = document.elementFromPoint(x, y);
        if (element?.closest('.react-flow') && !element.closest(blocked)) return { x, y };
      }
    }
    return point;
  }, aim);
}

interface TypingResult {
  keystrokes: number;
  /** The client's metered app work (document → records → layout → nodes) per keystroke. */
  appWorkMs: number;
  /** The same, per step. */
  steps: Record<string, number>;
  /** All main-thread script time per keystroke (Yjs, the app, React, React Flow). */
  scriptMs: number;
  /** Frames longer than 50 ms while typing. */
  longFrames: number;
  /** The typed text reached the page's document. */
  arrived: boolean;
}

/** Milliseconds between remote keystrokes: a fast typist. */
const KEY_INTERVAL_MS = 80;

/**
 * Another participant types into one card: `keys` characters, one update each, KEY_INTERVAL_MS
 * apart, written through the shared `updateCard` as the editor does. The page's work meter and
 * Chromium's script time are read before and after.
 */
async function measureRemoteTyping(page: Page, server: { wsUrl: string }, boardId: string, keys: number): Promise<TypingResult> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptSeconds = async (): Promise<number> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
  };
  const typist = connectClient(server, boardId);
  try {
    await typist.synced;
    const target = docToBoard(typist.doc, boardId).cards[0];
    if (!target) throw new Error('the board has no card to type into');
    const base = `${target.text} `;
    await page.waitForTimeout(1500);
    await page.evaluate(() => {
      const w = window as unknown as { __rejseWork: Record<string, number>; __frames: number[]; __counting: boolean };
      for (const key of Object.keys(w.__rejseWork)) delete w.__rejseWork[key];
      w.__frames = [];
      w.__counting = true;
      const tick = (time: number) => {
        if (!w.__counting) return;
        w.__frames.push(time);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const scriptBefore = await scriptSeconds();
    let typed = base;
    for (let i = 0; i < keys; i += 1) {
      typed += 'abcdefghij'[i % 10] as string;
      updateCard(typist.doc, target.id, { text: typed });
      await new Promise((resolve) => setTimeout(resolve, KEY_INTERVAL_MS));
    }
    await page.waitForTimeout(600);
    const scriptAfter = await scriptSeconds();
    const { work, frames } = await page.evaluate(() => {
      const w = window as unknown as { __rejseWork: Record<string, number>; __frames: number[]; __counting: boolean };
      w.__counting = false;
      return { work: { ...w.__rejseWork }, frames: w.__frames };
    });
    const arrived = await page.evaluate(
      (text) =>
        [...document.querySelectorAll('.react-flow__node-card')].some((n) =>
          (n.getAttribute('aria-label') ?? '').includes(text.slice(-12)),
        ),
      typed,
    );
    const steps: Record<string, number> = {};
    let total = 0;
    for (const [step, ms] of Object.entries(work)) {
      if (step.endsWith('.calls')) continue;
      steps[step] = round(ms / keys, 2);
      total += ms;
    }
    const gaps = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
    return {
      keystrokes: keys,
      appWorkMs: round(total / keys, 2),
      steps,
      scriptMs: round(((scriptAfter - scriptBefore) * 1000) / keys, 2),
      longFrames: gaps.filter((g) => g > 50).length,
      arrived,
    };
  } finally {
    typist.destroy();
    await cdp.detach();
  }
}

async function setZoom(page: Page, zoom: number): Promise<void> {
  // The toolbar's "zoom to stage" sets a readable zoom on the first stage; then the zoom
  // controls (+/−) are used until the wanted zoom is reached.
  await page.getByRole('combobox', { name: /Zoom to stage/ }).selectOption({ index: 1 });
  await page.waitForTimeout(600);
  for (let i = 0; i < 10; i += 1) {
    const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
    const current = Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? 1);
    if (Math.abs(current - zoom) < 0.06) break;
    await page.getByRole('button', { name: current < zoom ? 'Zoom in' : 'Zoom out' }).click();
    await page.waitForTimeout(400);
  }
}

function summarisePans(runs: PanResult[]): PanResult {
  return {
    fps: round(median(runs.map((r) => r.fps))),
    frameP50Ms: round(median(runs.map((r) => r.frameP50Ms))),
    frameP95Ms: round(median(runs.map((r) => r.frameP95Ms))),
    frameMaxMs: round(Math.max(...runs.map((r) => r.frameMaxMs))),
    longFrames: Math.round(median(runs.map((r) => r.longFrames))),
    cardNodesInDom: Math.round(median(runs.map((r) => r.cardNodesInDom))),
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dist = options.dist ?? path.join(repoRoot, 'client', 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`No client build in ${dist}. Run: npx -y pnpm@10 --filter @rejse/client build`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  console.log(
    `canvas benchmark: ${options.cards} cards over ${options.stages} stages, ${options.runs} pan run(s) per zoom, client ${dist}`,
  );

  const server = await startServer(options.dist ? { env: { CLIENT_DIST: dist } } : {});
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const board = await createBoard(server, { title: `Canvas benchmark (${options.cards} cards)`, template: 'blank' });
    const writer = connectClient(server, board.id);
    let generated: GeneratedBoard;
    try {
      await writer.synced;
      const began = Date.now();
      generated = generateBoard(writer.doc, board.id, options.cards, options.stages);
      // The board is ready once a fresh client receives every card from the server.
      const reader = connectClient(server, board.id);
      try {
        await reader.synced;
        while (docToBoard(reader.doc, board.id).cards.length < generated.cards) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      } finally {
        reader.destroy();
      }
      console.log(
        `  board: ${generated.cards} cards, ${generated.links} links, ${generated.stages} stages (made and stored in ${Date.now() - began} ms)`,
      );
    } finally {
      writer.destroy();
    }

    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
    await context.addInitScript(LONG_TASK_PROBE);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('  page error:', error.message));
    const load = await measureLoad(page, `${server.url}${board.links.facilitator}`);
    console.log(
      `  load: cards on screen ${round(load.cardsVisibleMs, 0)} ms, time to interactive ${round(load.ttiMs, 0)} ms ` +
        `(total blocking ${round(load.totalBlockingMs, 0)} ms in ${load.longTasks} long tasks; ` +
        `${load.cardNodesInDom} of ${generated.cards} cards in the DOM at zoom ${round(load.zoom, 2)})`,
    );

    const typing = await measureRemoteTyping(page, server, board.id, options.keys);
    console.log(
      `  remote typing into one card (${typing.keystrokes} keystrokes): app work ${typing.appWorkMs} ms per keystroke ` +
        `(${Object.entries(typing.steps)
          .map(([step, ms]) => `${step} ${ms}`)
          .join(', ')}), ` +
        `all script ${typing.scriptMs} ms per keystroke, ${typing.longFrames} frames > 50 ms` +
        (typing.arrived ? '' : ' (the typed text did not show on a card on screen)'),
    );

    const pans: Record<string, PanResult> = {};
    for (const [label, zoom, pattern] of [
      ['opening zoom', null, 'wiggle'],
      ['reading zoom (100 %)', 1, 'sweep'],
    ] as const) {
      const runs: PanResult[] = [];
      for (let i = 0; i < options.runs; i += 1) {
        // Every run starts from the same place: the opening view, or the first stage at reading zoom.
        if (zoom === null) await page.getByRole('button', { name: 'Zoom to fit' }).click();
        else await setZoom(page, zoom);
        await page.waitForTimeout(400);
        runs.push(await measurePan(page, pattern));
      }
      const result = summarisePans(runs);
      pans[label] = result;
      console.log(
        `  pan at ${label}: ${result.fps} fps (frame p50 ${result.frameP50Ms} ms, p95 ${result.frameP95Ms} ms, ` +
          `max ${result.frameMaxMs} ms, ${result.longFrames} frames > 50 ms; ~${result.cardNodesInDom} cards in the DOM)`,
      );
    }
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    if (heap) console.log(`  JS heap after panning: ${round(heap / 1024 / 1024)} MiB`);
    if (options.json) {
      console.log(
        JSON.stringify({
          options,
          board: generated,
          load,
          typing,
          pans,
          heapBytes: heap,
          at: new Date().toISOString(),
        }),
      );
    }
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
