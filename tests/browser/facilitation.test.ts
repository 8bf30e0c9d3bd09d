/**
 * Running a workshop in two real browsers (Debian's Chromium through playwright-core): a
 * facilitator and an editor on one board, against the real server serving the built client.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addCard, readLanes, readStages } from '@rejse/shared';
import { connectClient, createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server.ts';
import { launchChromium, openIsolatedPage, requireBuiltClient } from '../helpers/browser.ts';

const POLL = { timeout: 15_000, interval: 100 };
const IDEAS = ['Send an SMS on the due date', 'Offer a payment plan on My pages'] as const;

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let board: CreatedBoard;
let facilitator: Page;
let editor: Page;

const openPage = (): Promise<Page> => openIsolatedPage(browser, contexts);

const connection = (page: Page) => page.getByRole('status', { name: 'Connection' });

/** Opens the board through a secret link and gives the person a name. */
async function join(page: Page, link: string, name: string): Promise<void> {
  await page.goto(`${server.url}${link}`);
  await expect.poll(() => connection(page).textContent(), POLL).toBe('Connected');
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => page.getByRole('textbox', { name: 'Your name' }).count(), POLL).toBe(0);
}

/** React Flow's viewport transform of a page: translate x, y and zoom. */
async function viewportOf(page: Page): Promise<[number, number, number]> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const m = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(style);
  if (!m) throw new Error(`unexpected viewport style: ${style}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** What a person sees: the flow point at the middle of their canvas, and the zoom (panes may differ in size). */
async function viewCentreOf(page: Page): Promise<[number, number, number]> {
  const [x, y, zoom] = await viewportOf(page);
  const pane = await page.locator('.react-flow').boundingBox();
  if (!pane) throw new Error('no canvas');
  return [(pane.width / 2 - x) / zoom, (pane.height / 2 - y) / zoom, zoom];
}

beforeAll(async () => {
  requireBuiltClient();
  server = await startServer();
  board = await createBoard(server, { title: 'Workshop', template: 'blank' });
  // Two ideas to vote on, written by a plain client before anyone opens the board.
  const seed = connectClient(server, board.id);
  await seed.synced;
  const stage = readStages(seed.doc)[0]!.id;
  const lane = readLanes(seed.doc).find((l) => l.kind === 'ideas')!.id;
  for (const text of IDEAS) addCard(seed.doc, { stageId: stage, laneId: lane, kind: 'idea', text });
  await vi.waitFor(async () => {
    const res = await fetch(`${server.url}/api/boards/${board.id}`, {
      headers: { authorization: `Bearer ${board.token}` },
    });
    expect(((await res.json()) as { cards: unknown[] }).cards).toHaveLength(2);
  }, POLL);
  seed.destroy();

  browser = await launchChromium();
  [facilitator, editor] = await Promise.all([openPage(), openPage()]);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('a workshop in two browsers', () => {
  it('each person opens the board through their link and is asked their name once', async () => {
    await join(facilitator, board.links.facilitator, 'Fran Facilitator');
    await join(editor, board.links.editor, 'Eddie Editor');
    await editor.reload();
    await expect.poll(() => connection(editor).textContent(), POLL).toBe('Connected');
    expect(await editor.getByRole('textbox', { name: 'Your name' }).count()).toBe(0);
    await expect.poll(() => facilitator.getByRole('button', { name: /^Eddie Editor, editor, active/ }).count(), POLL).toBe(1);
  });

  it('the editor sees the facilitator’s cursor with their name, and follows their view', async () => {
    const pane = await facilitator.locator('.react-flow').boundingBox();
    if (!pane) throw new Error('no canvas');
    for (let i = 0; i < 5; i++) await facilitator.mouse.move(pane.x + 400 + i * 20, pane.y + 300 + i * 10, { steps: 3 });

    const cursor = editor.locator('.presence-cursor[data-presence-name="Fran Facilitator"]');
    await expect.poll(() => cursor.count(), POLL).toBe(1);
    expect(await cursor.textContent()).toContain('Fran Facilitator');
    // Only the facilitator's controls on the facilitator's page.
    expect(await editor.getByRole('group', { name: 'Facilitator controls' }).count()).toBe(0);
    expect(await facilitator.getByRole('group', { name: 'Facilitator controls' }).count()).toBe(1);

    const person = editor.getByRole('button', { name: /^Fran Facilitator, facilitator, active/ });
    await person.click();
    await expect.poll(() => person.getAttribute('aria-pressed'), POLL).toBe('true');

    // The facilitator zooms and pans; the editor's view goes along.
    await facilitator.getByRole('button', { name: 'Zoom in' }).click();
    await facilitator.getByRole('button', { name: 'Zoom in' }).click();
    await facilitator.mouse.move(pane.x + 600, pane.y + 450);
    await facilitator.mouse.down();
    await facilitator.mouse.move(pane.x + 450, pane.y + 380, { steps: 10 });
    await facilitator.mouse.up();
    const target = await viewCentreOf(facilitator);
    await expect
      .poll(async () => {
        const mine = await viewCentreOf(editor);
        return Math.abs(mine[0] - target[0]) <= 2 && Math.abs(mine[1] - target[1]) <= 2 && Math.abs(mine[2] - target[2]) < 0.01;
      }, POLL)
      .toBe(true);

    // Panning by oneself stops following.
    const editorPane = await editor.locator('.react-flow').boundingBox();
    if (!editorPane) throw new Error('no canvas');
    await editor.mouse.move(editorPane.x + 700, editorPane.y + 500);
    await editor.mouse.wheel(0, 200);
    await expect.poll(() => person.getAttribute('aria-pressed'), POLL).toBe('false');
  });

  it('runs a voting round from start to reveal, each person seeing only their own votes until it closes', async () => {
    await facilitator.getByText('Voting', { exact: true }).click();
    await facilitator.getByRole('spinbutton', { name: 'Votes per person' }).fill('2');
    await facilitator.getByRole('button', { name: 'Start voting' }).click();

    for (const page of [facilitator, editor]) {
      await expect.poll(() => page.getByText('Vote on the ideas', { exact: true }).count(), POLL).toBe(1);
    }
    // Votes are cast on the cards themselves.
    await facilitator.getByRole('button', { name: `Vote for “${IDEAS[0]}”` }).click();
    await expect.poll(() => facilitator.getByText('1 of 2 votes left').count(), POLL).toBe(1);

    // The editor sees nothing of the facilitator's vote: no card marked voted, all votes left, no results.
    await expect.poll(() => editor.getByText('2 of 2 votes left').count(), POLL).toBe(1);
    expect(await editor.locator('.card-vote').count()).toBe(2);
    expect(await editor.locator('.card-vote.is-voted').count()).toBe(0);
    expect(await editor.getByRole('heading', { name: 'Voting results' }).count()).toBe(0);

    await editor.getByRole('button', { name: `Vote for “${IDEAS[1]}”` }).click();
    await expect.poll(() => editor.getByText('1 of 2 votes left').count(), POLL).toBe(1);
    // One vote per card in this round: the card's control now takes the vote back instead of adding one.
    await expect.poll(() => editor.getByRole('button', { name: `Take back a vote from “${IDEAS[1]}”` }).count(), POLL).toBe(1);
    expect(await editor.getByRole('button', { name: `Vote for “${IDEAS[1]}”` }).count()).toBe(0);
    const voted = (page: Page) => page.locator('.card-vote.is-voted').locator('xpath=..').getAttribute('data-card-id');
    expect(await voted(facilitator)).toBe(await facilitator.locator('[data-card-id]', { hasText: IDEAS[0] }).getAttribute('data-card-id'));

    await facilitator.getByRole('button', { name: 'Close voting and show results' }).click();
    for (const page of [facilitator, editor]) {
      await expect.poll(() => page.getByRole('heading', { name: 'Voting results' }).count(), POLL).toBe(1);
      const results = page.locator('.vote-list--results .vote-item');
      await expect.poll(() => results.count(), POLL).toBe(2);
      const rows = await results.allTextContents();
      expect(rows.sort()).toEqual([`${IDEAS[0]}1 vote`, `${IDEAS[1]}1 vote`].sort());
      expect(await page.getByText('2 people voted').count()).toBe(1);
    }
  });

  it('shows the same remaining time on both pages (±1 s) once the facilitator starts the timer', async () => {
    await facilitator.getByText('Timer', { exact: true }).click();
    await facilitator.getByRole('spinbutton', { name: 'Minutes' }).fill('5');
    await facilitator.getByRole('button', { name: 'Start', exact: true }).click();

    for (const page of [facilitator, editor]) {
      await expect.poll(() => page.getByRole('timer').count(), POLL).toBe(1);
    }
    const remaining = (page: Page) => page.getByRole('timer').getAttribute('data-remaining-ms').then(Number);
    const shown = (page: Page) => page.locator('.workshop-timer__time').textContent();
    for (let i = 0; i < 3; i++) {
      const [a, b] = await Promise.all([remaining(facilitator), remaining(editor)]);
      expect(a).toBeGreaterThan(4 * 60_000);
      expect(a).toBeLessThanOrEqual(5 * 60_000);
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1_000);
      const [sa, sb] = await Promise.all([shown(facilitator), shown(editor)]);
      const seconds = (text: string | null) => {
        const [m, s] = (text ?? '0:00').split(':').map(Number);
        return (m ?? 0) * 60 + (s ?? 0);
      };
      expect(Math.abs(seconds(sa) - seconds(sb))).toBeLessThanOrEqual(1);
      await facilitator.waitForTimeout(400);
    }
  });
});
