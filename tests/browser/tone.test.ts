/**
 * The blind tone round in real browsers, on the collection-letters template: the facilitator
 * starts it from the collection letter's letter lab; two participants rate "Letter 1" and
 * "Letter 2" (each in their own order, never told which one is sent today); the facilitator
 * closes it and everyone sees the results per variant — and only then which one is in use.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Board } from '@rejse/shared';
import { boardFetch, createBoard, type CreatedBoard } from '../helpers/server.ts';
import { browserSuite } from '../helpers/browser.ts';

const POLL = { timeout: 15_000, interval: 100 };
const LETTER = 'Collection letter from the credit-management firm';

const suite = browserSuite();

async function join(link: string, name: string): Promise<Page> {
  const page = await suite.openPage();
  await page.goto(`${suite.server.url}${link}`);
  await expect.poll(() => page.getByRole('status', { name: 'Connection' }).textContent(), POLL).toBe('Connected');
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  return page;
}

/** Rates every letter on the page: variant A's text gets `a`, variant B's `b`, whatever their numbers. */
async function rateLetters(page: Page, texts: { a: string; b: string }, ratings: { a: string; b: string }): Promise<string[]> {
  const panel = page.locator('.tone-round');
  const shown: string[] = [];
  for (const n of [1, 2]) {
    const letter = panel.locator(`[data-tone-letter="${n}"]`);
    const text = (await letter.locator('.tone-letter__text').textContent()) ?? '';
    const variant = text === texts.a ? 'a' : text === texts.b ? 'b' : null;
    expect(variant, `letter ${n} shows one of the two variants`).not.toBeNull();
    shown.push(variant!);
    await letter
      .getByRole('group', { name: `Tone of letter ${n}` })
      .getByRole('radio', { name: ratings[variant!] })
      .check();
    await expect.poll(() => letter.getByRole('radio', { name: ratings[variant!] }).isChecked(), POLL).toBe(true);
  }
  return shown;
}

describe('the blind tone round', () => {
  let board: CreatedBoard;
  let texts: { a: string; b: string };

  it('runs from start to results, revealing the variant in use only after the round closes', async () => {
    board = await createBoard(suite.server, { title: 'Letters', template: 'collection-letters' });
    const plain = (await (await boardFetch(suite.server, `/api/boards/${board.id}`)).json()) as Board;
    const letter = plain.cards.find((c) => c.text === LETTER)!;
    texts = { a: letter.message!.a!, b: letter.message!.b! };
    expect(letter.message?.inUse).toBe('a');

    const facilitator = await join(board.links.facilitator, 'Fran Facilitator');
    const ana = await join(board.links.editor, 'Ana Editor');
    const bo = await join(board.links.editor, 'Bo Editor');

    // The facilitator opens the collection letter and starts the round from its letter lab.
    const search = facilitator.getByRole('searchbox');
    await search.fill(LETTER);
    await search.press('Enter');
    const inspector = facilitator.locator('.inspector');
    await expect.poll(() => inspector.getByRole('radio', { name: 'In use today' }).count(), POLL).toBe(2);
    await inspector.getByRole('button', { name: 'Start a blind tone round' }).click();
    // While it runs, nobody is shown which variant is sent today — not even in the letter lab.
    await expect.poll(() => inspector.getByText('Hidden during the blind tone round').count(), POLL).toBe(2);
    expect(await inspector.getByRole('radio', { name: 'In use today' }).count()).toBe(0);

    const heading = `Blind tone round: ${LETTER}`;
    for (const page of [facilitator, ana, bo]) {
      await expect.poll(() => page.getByRole('heading', { name: heading }).count(), POLL).toBe(1);
      const panel = page.locator('.tone-round');
      expect(await panel.getByRole('heading', { name: 'Letter 1' }).count()).toBe(1);
      expect(await panel.getByRole('heading', { name: 'Letter 2' }).count()).toBe(1);
      const words = (await panel.textContent()) ?? '';
      expect(words).not.toMatch(/In use today|Variant A|Variant B/);
    }

    // Ana finds the poor letter threatening, Bo harsh; both find the rewrite helpful or friendly.
    const anaOrder = await rateLetters(ana, texts, { a: '1 Threatening', b: '5 Helpful' });
    const boOrder = await rateLetters(bo, texts, { a: '2 Harsh', b: '4 Friendly' });
    expect([...anaOrder].sort()).toEqual(['a', 'b']);
    expect([...boOrder].sort()).toEqual(['a', 'b']);
    // Ratings are secret while the round is open: nobody sees results yet.
    for (const page of [facilitator, ana, bo]) expect(await page.getByRole('heading', { name: /^Tone round results/ }).count()).toBe(0);
    // The editors have no button to close the round.
    expect(await ana.getByRole('button', { name: 'Close the round and show results' }).count()).toBe(0);

    await facilitator.getByRole('button', { name: 'Close the round and show results' }).click();
    for (const page of [facilitator, ana, bo]) {
      await expect.poll(() => page.getByRole('heading', { name: `Tone round results: ${LETTER}` }).count(), POLL).toBe(1);
      const results = page.locator('.tone-result');
      const a = results.and(page.locator('[data-variant="a"]'));
      const b = results.and(page.locator('[data-variant="b"]'));
      expect(await page.getByText('2 people rated').count()).toBe(1);
      expect(await a.locator('.tone-result__mean').textContent()).toBe('Average 1.5 of 5 from 2 ratings');
      expect(await b.locator('.tone-result__mean').textContent()).toBe('Average 4.5 of 5 from 2 ratings');
      // Now, and only now, the variant in use is named: the threatening one.
      expect(await a.getByText('In use today').count()).toBe(1);
      expect(await b.getByText('In use today').count()).toBe(0);
      expect(await a.getByRole('listitem', { name: 'Threatening: 1' }).count()).toBe(1);
      expect(await a.getByRole('listitem', { name: 'Harsh: 1' }).count()).toBe(1);
    }
    // The letter lab shows which variant is in use again.
    await expect.poll(() => inspector.getByRole('radio', { name: 'In use today' }).count(), POLL).toBe(2);
    expect(await inspector.getByRole('radio', { name: 'In use today' }).first().isChecked()).toBe(true);
  });
});
