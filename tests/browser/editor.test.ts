/**
 * The journey-map editor in real browsers (Debian's Chromium through playwright-core),
 * against the real server serving the built client: links between ideas and pain points,
 * per-user undo with two people, multi-select, search, personas and copy/paste.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCard, docToBoard, type AddCardInput, type CardKind, type LaneKind } from '@rejse/shared';
import { connectClient, createBoard, type CreatedBoard } from '../helpers/server.ts';
import { watchedPage } from '../helpers/browser.ts';
import { browserSuite } from '../helpers/browser.ts';

const POLL = { timeout: 15_000, interval: 100 };

const suite = browserSuite({ locale: 'en-GB' });
const openContext = (): Promise<BrowserContext> => suite.openContext();
const openPage = async (context?: BrowserContext): Promise<Page> => watchedPage(context ?? (await openContext()));

const connection = (page: Page) => page.getByRole('status', { name: 'Connection' });

/** Opens a board through a secret link and waits until it is connected. */
async function open(page: Page, link: string): Promise<void> {
  await page.goto(`${suite.server.url}${link}`);
  await expect.poll(() => connection(page).textContent(), POLL).toBe('Connected');
}

interface SeedCard {
  text: string;
  kind: CardKind;
  /** Stage by position (0 = first) and lane by kind. */
  stage: number;
  lane: LaneKind;
  fields?: Partial<AddCardInput>;
}

/**
 * A board from the blank template with cards added through a stock y-websocket client and
 * the shared edit operations (as any client would); returns the board and the cards' ids.
 */
async function seededBoard(title: string, cards: SeedCard[]): Promise<{ board: CreatedBoard; ids: Map<string, string> }> {
  const board = await createBoard(suite.server, { title, template: 'blank' });
  const client = connectClient(suite.server, board.id);
  try {
    await client.synced;
    const plain = docToBoard(client.doc, board.id);
    const ids = new Map<string, string>();
    for (const card of cards) {
      const stage = plain.stages[card.stage];
      const lane = plain.lanes.find((l) => l.kind === card.lane);
      if (!stage || !lane) throw new Error(`no cell for ${card.text}`);
      ids.set(card.text, addCard(client.doc, { stageId: stage.id, laneId: lane.id, kind: card.kind, text: card.text, ...card.fields }));
    }
    // Wait until the server has the cards: a fresh client sees them all.
    const check = connectClient(suite.server, board.id);
    try {
      await check.synced;
      await expect.poll(() => docToBoard(check.doc, board.id).cards.length, POLL).toBe(cards.length);
    } finally {
      check.destroy();
    }
    return { board, ids };
  } finally {
    client.destroy();
  }
}

const cardNode = (page: Page, text: string): Locator =>
  page.locator('.react-flow__node-card').filter({ has: page.locator('.card__text', { hasText: text }) });
const card = (page: Page, text: string): Locator => cardNode(page, text).locator('.card');

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A drag with the mouse, in small steps (React Flow needs moves to start a drag). */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 8, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.mouse.up();
}

/** The viewport's transform once it has stopped moving (zoom animations take a few frames). */
async function settledViewport(page: Page): Promise<string> {
  let previous = '';
  await expect
    .poll(
      async () => {
        const current = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
        const settled = current === previous;
        previous = current;
        return settled;
      },
      { timeout: 10_000, interval: 150 },
    )
    .toBe(true);
  return previous;
}

/** Zooms the map to a stage (from the toolbar's picker) so its cards are large enough to handle. */
async function zoomToStage(page: Page, label: string): Promise<void> {
  const before = await settledViewport(page);
  await page.getByRole('combobox', { name: 'Zoom to stage…' }).selectOption({ label });
  await expect.poll(() => page.locator('.react-flow__viewport').getAttribute('style'), POLL).not.toBe(before);
  await settledViewport(page);
}

describe('the journey-map editor', () => {
  it('links an idea to a pain point by dragging a connector, and the pain point then shows "1 idea"', async () => {
    const { board } = await seededBoard('Links', [
      { text: 'Letter does not say which product', kind: 'pain', stage: 1, lane: 'pains' },
      { text: 'Name the product on the letter', kind: 'idea', stage: 1, lane: 'ideas' },
    ]);
    const page = await openPage();
    await open(page, board.links.editor);
    await zoomToStage(page, '2. Invoice');

    const pain = card(page, 'Letter does not say which product');
    const idea = cardNode(page, 'Name the product on the letter');
    await expect.poll(() => pain.count(), POLL).toBe(1);
    expect(await pain.textContent()).not.toContain('idea');

    // The idea's connector (the dot on its top edge appears on hover), dragged onto the pain point.
    await idea.hover();
    const handle = idea.locator('.react-flow__handle[data-handleid="top"]');
    await drag(page, await centreOf(handle), await centreOf(pain));

    await expect.poll(() => page.locator('.react-flow__edge').count(), POLL).toBe(1);
    await expect.poll(() => pain.locator('.card__related').textContent(), POLL).toBe('1 idea');
    expect(await idea.locator('.card__related').textContent()).toBe('Fixes 1 pain');
    // The names are on hover: the pain's badge lists the idea.
    expect(await pain.locator('.card__related').getAttribute('title')).toContain('Name the product on the letter');

    // Deleting the idea removes its link, and the count goes with it.
    await idea.click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__edge').count(), POLL).toBe(0);
    await expect.poll(() => pain.locator('.card__related').count(), POLL).toBe(0);
  });

  it('undoes a deleted card only for the user who deleted it, while another user’s concurrent edit survives', async () => {
    const { board } = await seededBoard('Undo', [
      { text: 'Reminder letter', kind: 'touchpoint', stage: 2, lane: 'touchpoints' },
      { text: 'Calls customer service', kind: 'touchpoint', stage: 3, lane: 'touchpoints' },
    ]);
    const [a, b] = await Promise.all([openPage(), openPage()]);
    await Promise.all([open(a, board.links.editor), open(b, board.links.editor)]);
    await Promise.all([zoomToStage(a, '3. Due date'), zoomToStage(b, '3. Due date')]);

    // A deletes the reminder card.
    await card(a, 'Reminder letter').click();
    await a.keyboard.press('Delete');
    await expect.poll(() => card(b, 'Reminder letter').count(), POLL).toBe(0);

    // Meanwhile B rewrites the other card.
    await card(b, 'Calls customer service').dblclick();
    const editor = b.getByRole('textbox', { name: 'Card text' });
    await editor.fill('Calls customer service to dispute the claim');
    await editor.press('Enter');
    await expect.poll(() => card(a, 'to dispute the claim').count(), POLL).toBe(1);

    // A undoes: the deleted card is back for everyone, and B's edit is untouched.
    await a.keyboard.press('Control+z');
    for (const page of [a, b]) {
      await expect.poll(() => card(page, 'Reminder letter').count(), POLL).toBe(1);
      expect(await card(page, 'Calls customer service to dispute the claim').count()).toBe(1);
    }

    // B's undo takes back only B's own edit: the card A restored stays.
    await b.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await b.keyboard.press('Control+z');
    for (const page of [a, b]) {
      await expect.poll(() => card(page, 'to dispute the claim').count(), POLL).toBe(0);
      expect(await card(page, 'Calls customer service').count()).toBe(1);
      expect(await card(page, 'Reminder letter').count()).toBe(1);
    }
  });

  it('moves several selected cards together, each keeping its lane', async () => {
    const { board } = await seededBoard('Multi-select', [
      { text: 'First reminder letter', kind: 'touchpoint', stage: 1, lane: 'touchpoints' },
      { text: 'Fee without a reason', kind: 'pain', stage: 1, lane: 'pains' },
      { text: 'Not selected', kind: 'note', stage: 1, lane: 'actions' },
    ]);
    const page = await openPage();
    await open(page, board.links.editor);
    await zoomToStage(page, '2. Invoice');
    const stageOf = (text: string) => cardNode(page, text).locator('.card').getAttribute('data-stage-id');
    const before = await stageOf('First reminder letter');

    // Shift-click selects the two cards.
    await card(page, 'First reminder letter').click();
    await card(page, 'Fee without a reason').click({ modifiers: ['Shift'] });
    await expect.poll(() => page.getByRole('heading', { name: '2 cards selected' }).count(), POLL).toBe(1);

    // Dragging one of them one stage to the right moves both.
    const from = await centreOf(card(page, 'First reminder letter'));
    const stageWidth = (await page.locator('.axis-header--stage').first().boundingBox())?.width ?? 0;
    await drag(page, from, { x: from.x + stageWidth, y: from.y });
    await expect.poll(() => stageOf('First reminder letter'), POLL).not.toBe(before);
    const after = await stageOf('First reminder letter');
    expect(await stageOf('Fee without a reason')).toBe(after);
    expect(await stageOf('Not selected')).toBe(before);
    const lanes = await Promise.all(
      ['First reminder letter', 'Fee without a reason'].map((text) => card(page, text).getAttribute('data-kind')),
    );
    expect(lanes).toEqual(['touchpoint', 'pain']);

    // A box drawn with Shift around two cards selects them.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.inspector').count(), POLL).toBe(0);
    const first = await card(page, 'First reminder letter').boundingBox();
    const second = await card(page, 'Fee without a reason').boundingBox();
    if (!first || !second) throw new Error('cards are not on screen');
    await page.keyboard.down('Shift');
    await page.mouse.move(first.x - 6, first.y - 6);
    await page.mouse.down();
    await page.mouse.move(second.x + second.width / 2, second.y + 10, { steps: 10 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => page.getByRole('heading', { name: '2 cards selected' }).count(), POLL).toBe(1);
  });

  it('highlights the cards a search matches and dims the rest, and Esc clears it', async () => {
    const { board } = await seededBoard('Search', [
      {
        text: 'Collection letter from the agency',
        kind: 'touchpoint',
        stage: 3,
        lane: 'touchpoints',
        fields: { channel: 'letter' },
      },
      {
        text: 'Customer calls to dispute',
        kind: 'touchpoint',
        stage: 4,
        lane: 'touchpoints',
        fields: { channel: 'phone' },
      },
      { text: 'Letter does not name the product', kind: 'pain', stage: 3, lane: 'pains' },
    ]);
    const page = await openPage();
    await open(page, board.links.editor);
    const search = page.getByRole('searchbox', { name: 'Search cards' });
    await search.fill('letter');

    const classOf = (text: string) => cardNode(page, text).getAttribute('class');
    await expect.poll(() => classOf('Customer calls to dispute'), POLL).toContain('is-dimmed');
    expect(await classOf('Collection letter from the agency')).toContain('is-match');
    expect(await classOf('Letter does not name the product')).toContain('is-match');
    expect(await page.getByRole('status').filter({ hasText: 'of 3' }).textContent()).toBe('2 of 3');

    // A kind filter narrows it down to the pain point.
    await page.locator('.filter-menu__summary').click();
    // The chips are labels around visually hidden checkboxes: a click on the label toggles them.
    await page.locator('.filter-menu .chip', { hasText: 'Pain point' }).click();
    expect(await page.getByRole('checkbox', { name: 'Pain point' }).isChecked()).toBe(true);
    await expect.poll(() => classOf('Collection letter from the agency'), POLL).toContain('is-dimmed');
    expect(await classOf('Letter does not name the product')).toContain('is-match');
    await page.keyboard.press('Escape');

    // Esc in the search field clears everything.
    await search.press('Escape');
    await expect.poll(() => page.locator('.react-flow__node-card.is-dimmed').count(), POLL).toBe(0);
    expect(await page.locator('.react-flow__node-card.is-match').count()).toBe(0);
    expect(await search.inputValue()).toBe('');
  });

  it('shows the active persona in the map header, for everyone on the board', async () => {
    const board = await createBoard(suite.server, { title: 'Personas', template: 'blank' });
    const [a, b] = await Promise.all([openPage(), openPage()]);
    await Promise.all([open(a, board.links.editor), open(b, board.links.viewer)]);

    await a.getByRole('button', { name: 'Add persona' }).click();
    const dialog = a.getByRole('dialog', { name: 'Personas' });
    await dialog.getByRole('button', { name: 'Add persona' }).click();
    const name = dialog.getByRole('textbox', { name: 'Name' });
    await expect.poll(() => name.count(), POLL).toBe(1);
    await name.fill('Young prepaid customer');
    await dialog.getByRole('textbox', { name: 'Segment' }).fill('18–25, prepaid');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Pays late when payday is late; prefers SMS.');
    await dialog.getByRole('button', { name: 'Done' }).click();

    for (const page of [a, b]) {
      const badge = page.locator('.persona-badge__summary');
      await expect.poll(() => badge.locator('.persona-badge__name').textContent(), POLL).toBe('Young prepaid customer');
      expect(await badge.locator('.persona-badge__segment').textContent()).toBe('18–25, prepaid');
      // The description shows on hover and when the badge is opened.
      expect(await badge.getAttribute('title')).toBe('Pays late when payday is late; prefers SMS.');
    }
    await b.locator('.persona-badge__summary').click();
    await expect
      .poll(() => b.locator('.persona-badge__description').textContent(), POLL)
      .toBe('Pays late when payday is late; prefers SMS.');
    // A viewer sees the persona but is not offered to edit it.
    expect(await b.getByRole('button', { name: 'Edit personas' }).count()).toBe(0);
  });

  it('copies and pastes a card as a new card with a new id, also onto another board in the same suite.browser, and duplicates with Ctrl+D', async () => {
    const { board, ids } = await seededBoard('Copy', [
      {
        text: 'Service SMS on the due date',
        kind: 'touchpoint',
        stage: 2,
        lane: 'touchpoints',
        fields: { channel: 'sms', emotion: 1 },
      },
    ]);
    const other = await createBoard(suite.server, { title: 'Paste target', template: 'blank' });
    const context = await openContext();
    const page = await openPage(context);
    await open(page, board.links.editor);
    await zoomToStage(page, '3. Due date');

    const copies = () => page.locator('.card', { hasText: 'Service SMS on the due date' });
    await card(page, 'Service SMS on the due date').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => copies().count(), POLL).toBe(2);
    const cardIds = await copies().evaluateAll((els) => els.map((el) => el.getAttribute('data-card-id')));
    const original = ids.get('Service SMS on the due date');
    expect(cardIds).toContain(original);
    const pasted = cardIds.find((id) => id !== original);
    expect(pasted).toBeTruthy();
    // Same cell, same fields.
    const pastedCard = page.locator(`.card[data-card-id="${pasted}"]`);
    expect(await pastedCard.getAttribute('data-stage-id')).toBe(
      await page.locator(`.card[data-card-id="${original}"]`).getAttribute('data-stage-id'),
    );
    expect(await pastedCard.locator('.card__channel').textContent()).toBe('SMS');

    // Ctrl+D duplicates the selection (the pasted card is selected now).
    await page.keyboard.press('Control+d');
    await expect.poll(() => copies().count(), POLL).toBe(3);

    // Another board in the same browser takes the copy too.
    const second = await openPage(context);
    await open(second, other.links.facilitator);
    await second.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await second.keyboard.press('Control+v');
    await expect.poll(() => second.locator('.card', { hasText: 'Service SMS on the due date' }).count(), POLL).toBe(1);
    const there = await second.locator('.card', { hasText: 'Service SMS on the due date' }).getAttribute('data-card-id');
    expect(cardIds).not.toContain(there);
  });
});
