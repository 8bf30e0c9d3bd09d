/**
 * Private cards and voting on the map, in three real browsers (Debian's Chromium through
 * playwright-core) against the real server serving the built client: a facilitator and two
 * editors. Private mode: an editor adds a card and types a sentence straight into it on the
 * map; only its author sees it (the facilitator sees a count, never the text), the facilitator
 * reveals it without its author's name. A vote round on the cards themselves: each editor's
 * budget goes down, the facilitator sees "N of M have voted", the totals land on every page's
 * cards, and the to-do list flags the unrated idea and rates it in one click per rating.
 * Screens in English, Danish and Swedish go to MAPVOTE_SCREENS_DIR (default /tmp/shots-mapvote).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { addCard, readLanes, readStages } from '@rejse/shared';
import { boardFetch, connectClient, createBoard, type CreatedBoard } from '../helpers/server.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { browserSuite, clickBarControl } from '../helpers/browser.ts';

const POLL = { timeout: 15_000, interval: 100 };
const SCREENS = process.env.MAPVOTE_SCREENS_DIR ?? '/tmp/shots-mapvote';
const SENTENCE = 'Call the customer before the letter goes out';
const RATED = 'Text a reminder before the due date';
const UNRATED = 'Offer a payment plan on My pages';

// The app's CSP allows no inline script; axe is injected as one, so these pages bypass it.
const suite = browserSuite({ bypassCSP: true });
let board: CreatedBoard;
let facilitator: Page;
let anna: Page;
let bo: Page;

const connection = (page: Page) => page.getByRole('status', { name: 'Connection' });
const cardWith = (page: Page, text: string) => page.locator('.canvas [data-card-id]', { hasText: text });
const privateCards = (page: Page) => page.locator('.canvas [data-private="true"]');
const privateBadge = (page: Page) => page.locator('.workshop-badge', { hasText: 'Private brainstorm' });

/** Opens the board through a link and gives the person a name (from beforeAll, where expect.poll is not available). */
async function join(page: Page, link: string, name: string): Promise<void> {
  await page.goto(`${suite.server.url}${link}`);
  await vi.waitFor(async () => expect(await connection(page).textContent()).toBe('Connected'), POLL);
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await vi.waitFor(async () => expect(await page.getByRole('textbox', { name: 'Your name' }).count()).toBe(0), POLL);
}

async function storedTexts(): Promise<string[]> {
  const stored = (await (await boardFetch(suite.server, `/api/boards/${board.id}`)).json()) as { cards: { text: string }[] };
  return stored.cards.map((c) => c.text);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`) });
}

/** Shows the page in another UI language, shoots it, and goes back to English. */
async function shootIn(page: Page, name: string, ready = '.canvas [data-card-id]'): Promise<void> {
  await shoot(page, `en-${name}`);
  for (const code of ['da', 'sv'] as const) {
    await page.evaluate((locale) => localStorage.setItem('rejse.locale', locale), code);
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang'), POLL).toBe(code);
    await expect.poll(() => page.locator(ready).count(), POLL).toBeGreaterThan(0);
    await page.waitForTimeout(600);
    await shoot(page, `${code}-${name}`);
  }
  await page.evaluate(() => localStorage.setItem('rejse.locale', 'en'));
  await page.reload();
  await expect.poll(() => connection(page).textContent(), POLL).toBe('Connected');
  await expect.poll(() => page.locator(ready).count(), POLL).toBeGreaterThan(0);
}

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  board = await createBoard(suite.server, { title: 'Collection workshop', template: 'blank' });
  const seed = connectClient(suite.server, board.id);
  await seed.synced;
  const stage = readStages(seed.doc)[0]!.id;
  const ideas = readLanes(seed.doc).find((l) => l.kind === 'ideas')!.id;
  addCard(seed.doc, { stageId: stage, laneId: ideas, kind: 'idea', text: RATED, impact: 4, effort: 2 });
  addCard(seed.doc, { stageId: stage, laneId: ideas, kind: 'idea', text: UNRATED });
  await vi.waitFor(async () => expect(await storedTexts()).toHaveLength(2), POLL);
  seed.destroy();

  [facilitator, anna, bo] = await Promise.all([suite.openPage(), suite.openPage(), suite.openPage()]);
  await join(facilitator, board.links.facilitator, 'Mette Facilitator');
  await join(anna, board.links.editor, 'Anna Andersen');
  await join(bo, board.links.editor, 'Bo Berg');
});

describe('private cards on the map', () => {
  it('an editor types a sentence into a new private card that only they see; the reveal puts it on every board without a name', async () => {
    await clickBarControl(facilitator, 'Start private brainstorm');
    for (const page of [anna, bo]) await expect.poll(() => privateBadge(page).count(), POLL).toBe(1);

    // "Add card" puts the caret into the new card on the map: the sentence, spaces and all, goes into it.
    await anna.getByRole('button', { name: 'Add card', exact: true }).click();
    await expect.poll(() => anna.getByRole('textbox', { name: 'Card text' }).count(), POLL).toBe(1);
    await anna.keyboard.type(SENTENCE);
    await anna.keyboard.press('Enter');
    await expect.poll(() => privateCards(anna).count(), POLL).toBe(1);
    expect(await privateCards(anna).locator('.card__text').textContent()).toBe(SENTENCE);
    expect(await privateCards(anna).getByText('Private', { exact: true }).count()).toBe(1);
    expect(await privateCards(anna).getAttribute('class')).toContain('card--private');
    // The new card stays selected: the inspector shows it like any card, says it is private, and its edits stay private.
    const inspector = anna.locator('[data-inspected-card]');
    await expect
      .poll(() => inspector.getAttribute('data-inspected-card'), POLL)
      .toBe(await privateCards(anna).getAttribute('data-card-id'));
    expect(await inspector.getByText('Only you see this card until the facilitator reveals the private cards.').count()).toBe(1);
    await inspector.locator('.segmented__option--idea').click();
    await expect.poll(() => privateCards(anna).getAttribute('data-kind'), POLL).toBe('idea');
    await inspector.locator('.segmented__option--touchpoint').click();
    await expect.poll(() => privateCards(anna).getAttribute('data-kind'), POLL).toBe('touchpoint');
    // Her private edits are undone and redone like any of hers, one step at a time.
    await anna.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => privateCards(anna).getAttribute('data-kind'), POLL).toBe('idea');
    await anna.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => privateCards(anna).getAttribute('data-kind'), POLL).toBe('touchpoint');

    // An editor who adds a card and leaves it empty keeps nothing.
    await bo.getByRole('button', { name: 'Add card', exact: true }).click();
    await expect.poll(() => privateCards(bo).count(), POLL).toBe(1);
    await bo.keyboard.press('Escape');
    await expect.poll(() => privateCards(bo).count(), POLL).toBe(0);

    // The facilitator sees one private card for Anna, never its text; Bo sees nothing of it.
    const annaRow = facilitator.locator('.private-counts__row', { hasText: 'Anna Andersen' });
    await expect.poll(() => annaRow.textContent(), POLL).toContain('1 private card');
    // Bo's emptied card leaves the counts at their next refresh (they are asked for every 2 s).
    await expect.poll(() => facilitator.locator('.private-counts__row').count(), POLL).toBe(1);
    expect(await facilitator.getByText(SENTENCE).count()).toBe(0);
    expect(await bo.getByText(SENTENCE).count()).toBe(0);
    expect(await storedTexts()).not.toContain(SENTENCE);
    expect(await seriousViolations(anna)).toEqual([]);
    await shootIn(anna, 'editor-private-card');
    // Close up: the private badge and the dashed border (the overview shows the border only).
    await anna.getByRole('combobox', { name: 'Zoom to stage…' }).selectOption({ label: '1. Credit check' });
    await expect.poll(() => privateCards(anna).locator('.card__private').isVisible(), POLL).toBe(true);
    await shoot(anna, 'en-editor-private-card-close');
    await anna.getByRole('button', { name: 'Zoom to fit' }).click();
    await shootIn(facilitator, 'facilitator-private-counts');

    await clickBarControl(facilitator, 'Reveal private cards');
    for (const page of [facilitator, anna, bo]) {
      await expect.poll(() => cardWith(page, SENTENCE).count(), POLL).toBe(1);
      expect(await cardWith(page, SENTENCE).locator('.card__text').textContent()).toBe(SENTENCE);
      expect(await privateCards(page).count()).toBe(0);
    }
    expect(await storedTexts()).toContain(SENTENCE);
    expect((await storedTexts()).filter((text) => text.includes('Anna'))).toEqual([]);
    // Once revealed, the private steps are gone: nothing to undo, and Ctrl+Z brings nothing back as private.
    await expect.poll(() => anna.getByRole('button', { name: 'Undo' }).getAttribute('aria-disabled'), POLL).toBe('true');
    await anna.keyboard.press('Escape');
    await anna.keyboard.press('Control+z');
    await anna.waitForTimeout(500);
    expect(await privateCards(anna).count()).toBe(0);
    expect(await cardWith(anna, SENTENCE).count()).toBe(1);
  });
});

describe('voting on the map', () => {
  const voteFor = (page: Page, text: string) => page.getByRole('button', { name: `Vote for “${text}”` });

  it('editors vote on the cards within their budget, the facilitator follows how many have voted, and the totals land on the cards', async () => {
    await facilitator.getByText('Voting', { exact: true }).click();
    await facilitator.getByRole('spinbutton', { name: 'Votes per person' }).fill('2');
    await facilitator.getByRole('button', { name: 'Start voting' }).click();

    for (const page of [anna, bo]) await expect.poll(() => page.getByText('2 of 2 votes left').count(), POLL).toBe(1);
    await expect.poll(() => facilitator.getByText('0 of 2 have voted').count(), POLL).toBe(1);
    // Only ideas carry the control in a round on ideas.
    expect(await cardWith(anna, SENTENCE).locator('.card-vote').count()).toBe(0);

    await voteFor(anna, UNRATED).click();
    await expect.poll(() => anna.getByText('1 of 2 votes left').count(), POLL).toBe(1);
    await expect.poll(() => anna.getByRole('button', { name: `Take back a vote from “${UNRATED}”` }).count(), POLL).toBe(1);
    await expect.poll(() => facilitator.getByText('1 of 2 have voted').count(), POLL).toBe(1);
    // Bo sees nothing of Anna's vote.
    expect(await bo.getByText('2 of 2 votes left').count()).toBe(1);
    expect(await bo.locator('.card-vote.is-voted').count()).toBe(0);

    // Bo votes from the keyboard: Enter presses the card's vote button and opens nothing else.
    await voteFor(bo, UNRATED).focus();
    await bo.keyboard.press('Enter');
    await expect.poll(() => bo.getByText('1 of 2 votes left').count(), POLL).toBe(1);
    expect(await bo.getByRole('textbox', { name: 'Card text' }).count()).toBe(0);
    await voteFor(anna, RATED).click();
    await expect.poll(() => anna.getByText('0 of 2 votes left').count(), POLL).toBe(1);
    await expect.poll(() => facilitator.getByText('2 of 2 have voted').count(), POLL).toBe(1);
    expect(await seriousViolations(anna)).toEqual([]);
    await shootIn(anna, 'editor-voting');
    await shoot(facilitator, 'en-facilitator-voting');

    await facilitator.getByRole('button', { name: 'Close voting and show results' }).click();
    for (const page of [facilitator, anna, bo]) {
      await expect.poll(() => cardWith(page, UNRATED).locator('.card-votes').textContent(), POLL).toBe('2 votes');
      expect(await cardWith(page, RATED).locator('.card-votes').textContent()).toBe('1 vote');
      expect(await page.locator('.card-vote').count()).toBe(0);
    }
    await shootIn(bo, 'editor-totals');
  });

  it('the to-do list flags the unrated idea where it is ranked and rates it in one click per rating', async () => {
    await facilitator.getByRole('link', { name: 'To-do list' }).click();
    const row = facilitator.locator('[data-card-row]', { hasText: UNRATED });
    await expect.poll(() => row.locator('.unrated-flag').textContent(), POLL).toContain('Not rated: impact and effort');
    expect(await facilitator.locator('[data-card-row]', { hasText: RATED }).locator('.unrated-flag').count()).toBe(0);
    expect(await row.locator('.action-row__votes').textContent()).toBe('2');
    expect(await seriousViolations(facilitator)).toEqual([]);
    await shootIn(facilitator, 'facilitator-todo-flag', '[data-card-row]');

    await facilitator.getByRole('button', { name: `Rate the impact of “${UNRATED}” 4 of 5` }).click();
    await expect.poll(() => row.locator('.unrated-flag').textContent(), POLL).toContain('Not rated: effort');
    await facilitator.getByRole('button', { name: `Rate the effort of “${UNRATED}” 2 of 5` }).click();
    await expect.poll(() => row.locator('.unrated-flag').count(), POLL).toBe(0);
    // Rated and voted for most, it now leads the list; everyone's board has the ratings.
    await expect.poll(() => row.getAttribute('data-rank'), POLL).toBe('1');
    await expect
      .poll(async () => {
        const stored = (await (await boardFetch(suite.server, `/api/boards/${board.id}`)).json()) as {
          cards: { text: string; impact?: number; effort?: number }[];
        };
        const idea = stored.cards.find((c) => c.text === UNRATED);
        return [idea?.impact, idea?.effort];
      }, POLL)
      .toEqual([4, 2]);
  });
});
