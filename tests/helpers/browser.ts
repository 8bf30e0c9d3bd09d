import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type * as Y from 'yjs';
import { afterAll, beforeAll, expect } from 'vitest';
import { addStage, docToBoard, type Board, type LaneId, type LaneKind } from '@rejse/shared';
import { connectClient, createBoard, startServer, type RunningServer } from './server.ts';

/** Shared set-up of the browser tests: Debian's Chromium, headless, on a closed network. */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps trying to reach Google's hosts.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const VIEWPORT = { width: 1440, height: 900 };

/** Fails with the command to run when the server has no built client to serve. */
export function requireBuiltClient(dist = path.join(REPO_ROOT, 'client', 'dist')): void {
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) {
    throw new Error(`The built client is missing (${index}). Build it first: npx -y pnpm@10 --filter @rejse/client build`);
  }
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * A page in a browser context of its own (its own storage, no BroadcastChannel shared with
 * the other pages). The context is recorded in `contexts` for the suite to close; an
 * uncaught error on the page fails the test.
 */
export async function openIsolatedPage(browser: Browser, contexts: BrowserContext[], options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, ...options });
  contexts.push(context);
  return watchedPage(context);
}

/** A new page in `context` whose uncaught errors fail the test. */
export async function watchedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** What a browser suite shares: one server, one Chromium, and the contexts its pages opened. */
export interface BrowserSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A page in a context of its own (see `openIsolatedPage`), closed with the suite. */
  openPage(options?: BrowserContextOptions): Promise<Page>;
  /** A context of its own, closed with the suite. */
  openContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * Registers the hooks most browser suites share: the built client is required, a server and
 * Chromium start before the tests, and every context, Chromium and the server stop after them.
 */
export function browserSuite(defaults: BrowserContextOptions = {}): BrowserSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the browser suite's ${what} is not started yet (use it inside a test)`);
    return value;
  };
  beforeAll(async () => {
    requireBuiltClient();
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });
  const openContext = async (options: BrowserContextOptions = {}) => {
    const context = await started(browser, 'Chromium').newContext({ viewport: VIEWPORT, ...defaults, ...options });
    contexts.push(context);
    return context;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    openContext,
    openPage: async (options = {}) => watchedPage(await openContext(options)),
  };
}

/**
 * Opens a board link in a page of its own in `locale`, its person already named (unless
 * `named: false`), once the map has drawn a card; an error on the page fails the test.
 * `prepare` runs on the page's context before the board is opened (init scripts).
 */
export async function openMapPage(
  suite: BrowserSuite,
  link: string,
  {
    locale = 'en',
    named = true,
    prepare,
    ...options
  }: BrowserContextOptions & { locale?: string; named?: boolean; prepare?: (context: BrowserContext) => Promise<void> } = {},
): Promise<Page> {
  const context = await suite.openContext({ locale, ...options });
  if (named) await context.addInitScript(() => localStorage.setItem('rejse.displayName', 'Mette'));
  await prepare?.(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${suite.server.url}${link}`);
  await page.locator('.react-flow__node-card').first().waitFor({ timeout: 20_000 });
  return page;
}

/**
 * Clicks a button of the workshop bar (Share, Present, Start private brainstorm, the series
 * entries Run-sheet, History, …) where a person would find it: in the bar, or in its "More"
 * menu when the bar has folded it there (side panels open, long words), which it may do a
 * frame after it is drawn.
 */
export async function clickBarControl(page: Page, name: string | RegExp): Promise<void> {
  const options = typeof name === 'string' ? { name, exact: true } : { name };
  const bar = page.locator('.workshop-bar');
  const tryOnce = async (): Promise<boolean> => {
    try {
      const buttons = bar.getByRole('button', options);
      for (let i = 0; i < (await buttons.count()); i += 1) {
        const button = buttons.nth(i);
        if (!(await button.isVisible()) || (await button.evaluate((el) => el.closest('.workshop-bar__more') !== null))) continue;
        await button.click({ timeout: 2_000 });
        return true;
      }
      const folded = bar.locator('.workshop-bar__more');
      if ((await folded.count()) === 0) return false;
      if (
        !(await folded
          .locator('details')
          .first()
          .evaluate((details) => (details as HTMLDetailsElement).open))
      ) {
        await folded.locator('summary').first().click({ timeout: 2_000 });
      }
      const inMenu = folded.getByRole('button', options);
      if (!(await inMenu.isVisible())) return false;
      await inMenu.click({ timeout: 2_000 });
      return true;
    } catch {
      return false; // the bar changed under the click: look again
    }
  };
  await expect.poll(tryOnce, { timeout: 20_000, interval: 250 }).toBe(true);
}

/**
 * A blank board widened to `stages` stages and filled by `fill` through a writer client (given
 * the stages and a lane id by kind); resolves once a second client, the reader returned, holds
 * every card. The far-zoom browser tests use it for boards too wide to read at fit zoom.
 */
export async function wideBoard(
  server: RunningServer,
  title: string,
  stages: number,
  fill: (doc: Y.Doc, board: Board, lane: (kind: LaneKind) => LaneId) => void,
) {
  const board = await createBoard(server, { title, template: 'blank' });
  const writer = connectClient(server, board.id);
  await writer.synced;
  for (let i = docToBoard(writer.doc, board.id).stages.length; i < stages; i += 1) addStage(writer.doc, `Stage ${i + 1}`);
  const made = docToBoard(writer.doc, board.id);
  fill(writer.doc, made, (kind) => made.lanes.find((l) => l.kind === kind)?.id as LaneId);
  const total = docToBoard(writer.doc, board.id).cards.length;
  const reader = connectClient(server, board.id);
  await reader.synced;
  await expect.poll(() => docToBoard(reader.doc, board.id).cards.length, { timeout: 20_000, interval: 100 }).toBe(total);
  writer.destroy();
  return { board, reader, total };
}
