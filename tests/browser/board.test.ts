/**
 * Two people on one board in real browsers (Debian's Chromium through playwright-core),
 * against the real server serving the built client.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createBoard } from '../helpers/server.ts';
import { browserSuite } from '../helpers/browser.ts';

const POLL = { timeout: 15_000, interval: 100 };

const suite = browserSuite();

/** A page in its own browser context: its own storage, no BroadcastChannel shared with the others. */
const openPage = (): Promise<Page> => suite.openPage();

const connection = (page: Page) => page.getByRole('status', { name: 'Connection' });

/** The id of the stage whose header reads `title`. */
async function stageIdOf(page: Page, title: string): Promise<string> {
  const header = page.locator('[data-stage-id]').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  const id = await header.getAttribute('data-stage-id');
  if (!id) throw new Error(`no stage header "${title}"`);
  return id;
}

async function laneIdOf(page: Page, title: string): Promise<string> {
  const header = page.locator('[data-lane-id]').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  const id = await header.getAttribute('data-lane-id');
  if (!id) throw new Error(`no lane header "${title}"`);
  return id;
}

describe('the board in two browsers', () => {
  it('shows a card added in one browser in the other, moves it everywhere when it is dragged, and keeps it after reloading', async () => {
    const board = await createBoard(suite.server, { title: 'Two browsers', template: 'blank' });
    // Both open the editor's secret link; the page keeps its token and takes it out of the address.
    const url = `${suite.server.url}${board.links.editor}`;
    const [a, b] = await Promise.all([openPage(), openPage()]);
    await Promise.all([a.goto(url), b.goto(url)]);
    for (const page of [a, b]) {
      await expect.poll(() => connection(page).textContent(), POLL).toBe('Connected');
      expect(new URL(page.url()).search).toBe('');
    }

    const dueDate = await stageIdOf(a, 'Due date');
    const reminder = await stageIdOf(a, 'Reminder');
    const touchpoints = await laneIdOf(a, 'Touchpoints');

    // A adds a card with the cell's "+" button and types its text.
    await a.getByRole('button', { name: 'Add card to Due date · Touchpoints' }).click();
    const editor = a.getByRole('textbox', { name: 'Card text' });
    await editor.fill('Customer forgets the due date');
    await editor.press('Enter');
    await expect.poll(() => editor.count(), POLL).toBe(0);

    const cardIn = (page: Page) => page.locator('[data-card-id]', { hasText: 'Customer forgets the due date' });
    await expect.poll(() => cardIn(b).count(), POLL).toBe(1);
    expect(await cardIn(b).getAttribute('data-stage-id')).toBe(dueDate);
    expect(await cardIn(b).getAttribute('data-lane-id')).toBe(touchpoints);
    expect(await cardIn(b).getAttribute('data-kind')).toBe('touchpoint');

    // B drags it into the Reminder stage of the same lane.
    const from = await cardIn(b).boundingBox();
    const cell = b.getByRole('button', { name: 'Add card to Reminder · Touchpoints' }).locator('..');
    const to = await cell.boundingBox();
    if (!from || !to) throw new Error('card or target cell is not on screen');
    await b.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await b.mouse.down();
    await b.mouse.move(to.x + to.width / 2, to.y + 30, { steps: 15 });
    await b.mouse.up();

    await expect.poll(() => cardIn(b).getAttribute('data-stage-id'), POLL).toBe(reminder);
    await expect.poll(() => cardIn(a).getAttribute('data-stage-id'), POLL).toBe(reminder);
    expect(await cardIn(a).getAttribute('data-lane-id')).toBe(touchpoints);

    // Both reload: the card is still there, in its new cell, text intact.
    await Promise.all([a.reload(), b.reload()]);
    for (const page of [a, b]) {
      await expect.poll(() => connection(page).textContent(), POLL).toBe('Connected');
      await expect.poll(() => cardIn(page).count(), POLL).toBe(1);
      expect(await cardIn(page).getAttribute('data-stage-id')).toBe(reminder);
      expect(await cardIn(page).getAttribute('data-lane-id')).toBe(touchpoints);
    }
  });

  it('creates a board from the home page and opens it', async () => {
    const page = await openPage();
    await page.goto(suite.server.url);
    await page.getByRole('textbox', { name: 'Title' }).fill('Pre-reminder window');
    await page.getByRole('button', { name: 'Create board' }).click();
    await expect.poll(() => page.url(), POLL).toMatch(/\/b\/[A-Za-z0-9_-]+$/);
    await expect.poll(() => connection(page).textContent(), POLL).toBe('Connected');
    await expect.poll(() => page.getByRole('textbox', { name: 'Board title' }).inputValue(), POLL).toBe('Pre-reminder window');

    await page.goto(suite.server.url);
    await expect.poll(() => page.getByRole('link', { name: /Pre-reminder window/ }).count(), POLL).toBe(1);
  });

  it('tells the user when a board does not exist, and when its link is missing', async () => {
    const page = await openPage();
    await page.goto(`${suite.server.url}/b/no-such-board`);
    await expect.poll(() => page.getByRole('heading', { name: 'Board not found' }).count(), POLL).toBe(1);

    const board = await createBoard(suite.server, { title: 'Needs a link' });
    await page.goto(`${suite.server.url}${board.url}`);
    await expect.poll(() => page.getByRole('heading', { name: 'This board needs its link' }).count(), POLL).toBe(1);
  });

  it('gives a view-only link the tools to look around but none to edit', async () => {
    const board = await createBoard(suite.server, { title: 'Look, do not touch', template: 'collection-letters' });
    const viewer = await openPage();
    await viewer.goto(`${suite.server.url}${board.links.viewer}`);
    await expect.poll(() => connection(viewer).textContent(), POLL).toMatch(/Connected/);
    await expect.poll(() => viewer.locator('.react-flow__node-card').count(), POLL).toBeGreaterThan(0);
    expect(await viewer.getByRole('button', { name: 'Zoom to fit' }).count()).toBe(1);
    expect(await viewer.getByRole('button', { name: 'Add card', exact: true }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Undo', exact: true }).count()).toBe(0);

    const editor = await openPage();
    await editor.goto(`${suite.server.url}${board.links.editor}`);
    await expect.poll(() => editor.getByRole('button', { name: 'Add card', exact: true }).count(), POLL).toBe(1);
  });
});
