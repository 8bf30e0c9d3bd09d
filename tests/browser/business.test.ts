/**
 * The business case and the letter lab in a real browser, on the collection-letters template:
 * the idea inspector shows what an action is worth a year and how; the collection letter's
 * inspector shows both variants with readability and the debtor checklist.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rankActions, type Board } from '@rejse/shared';
import { boardFetch, createBoard } from '../helpers/server.ts';
import { browserSuite } from '../helpers/browser.ts';

const POLL = { timeout: 15_000, interval: 100 };

const suite = browserSuite({ locale: 'en-GB' });
const openPage = (): Promise<Page> => suite.openPage();

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

async function zoomToStage(page: Page, label: string): Promise<void> {
  const before = await settledViewport(page);
  await page.getByRole('combobox', { name: 'Zoom to stage…' }).selectOption({ label });
  await expect.poll(() => page.locator('.react-flow__viewport').getAttribute('style'), POLL).not.toBe(before);
  await settledViewport(page);
}

describe('business case and letter lab', () => {
  it('shows an idea’s yearly value with its formula, and the letter variants with readability and checklist', async () => {
    const board = await createBoard(suite.server, { title: 'Letters', template: 'collection-letters' });
    const page = await openPage();
    await page.goto(`${suite.server.url}${board.links.editor}`);
    await expect.poll(() => page.getByRole('status', { name: 'Connection' }).textContent(), POLL).toBe('Connected');
    await zoomToStage(page, '4. Collection letter');

    // The search selects the first match (the idea sits below the fold) and opens the inspector.
    const search = page.getByRole('searchbox');
    await search.fill('Name the original creditor');
    await search.press('Enter');
    const inspector = page.locator('.inspector');
    const value = inspector.locator('.business-case__value');
    await expect
      .poll(async () => (await value.textContent())?.replace(/\u00a0/g, ' '), POLL)
      .toBe('Worth DKK 3,840,000 a year (DKK 2,304,000 – DKK 5,376,000)');
    await inspector.getByText('How it is worked out').click();
    expect((await inspector.locator('.business-case__formula li').first().textContent())?.replace(/\u00a0/g, ' ')).toBe(
      '“Calls customer service” (Customer contact): 800,000 contacts a year × 12% fewer = 96,000 contacts avoided',
    );

    await search.fill('Collection letter from the credit-management firm');
    await search.press('Enter');
    const variants = inspector.locator('.letter-lab__variant');
    await expect.poll(() => variants.count(), POLL).toBe(2);
    const a = variants.nth(0);
    const b = variants.nth(1);
    expect(await a.getByRole('radio', { name: 'In use today' }).isChecked()).toBe(true);
    expect(await a.locator('.letter-lab__verdict').getAttribute('data-readability-level')).toBe('very-hard');
    expect(await a.getByText('What the debtor can see: 2 of 7').count()).toBe(1);
    expect(await b.getByText('What the debtor can see: 7 of 7').count()).toBe(1);
    expect(await a.locator('li[data-found="false"]').allTextContents()).toContain('✗ Who the original creditor ismissing');
  });

  it('ranks the to-do list by value and by value per effort, and sizes the matrix chips by value', async () => {
    const board = await createBoard(suite.server, { title: 'Worth it', template: 'collection-letters' });
    const plain = (await (await boardFetch(suite.server, `/api/boards/${board.id}`)).json()) as Board;
    const byValue = rankActions(plain, { by: 'value' });
    const byValuePerEffort = rankActions(plain, { by: 'value-per-effort' });
    const page = await openPage();
    await page.goto(`${suite.server.url}${board.links.facilitator}`);
    await expect.poll(() => page.getByRole('status', { name: 'Connection' }).textContent(), POLL).toBe('Connected');
    await page.getByRole('navigation', { name: 'Board views' }).getByRole('link', { name: 'To-do list' }).click();
    const rankBy = page.getByRole('combobox', { name: 'Rank by' });
    const rowTexts = () => page.locator('li.action-row .action-row__text').allTextContents();

    await rankBy.selectOption({ label: 'Value a year' });
    await expect.poll(rowTexts, POLL).toEqual(byValue.map((r) => r.card.text));
    // Each row says what it is worth; the one without figures says nothing.
    const worth = (id: string) => page.locator(`li[data-card-row="${id}"] .action-row__worth`);
    const topMid = Math.round(byValue[0]!.businessCase.value!.mid).toLocaleString('en');
    expect((await worth(byValue[0]!.card.id).textContent())?.replace(/\u00a0/g, ' ')).toBe(`Worth DKK ${topMid} a year`);
    expect(await worth(byValue.find((r) => r.businessCase.value === null)!.card.id).count()).toBe(0);
    await rankBy.selectOption({ label: 'Value per effort' });
    await expect.poll(rowTexts, POLL).toEqual(byValuePerEffort.map((r) => r.card.text));

    await page.getByText('Impact/effort matrix', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'Size by value a year' }).check();
    const top = byValue[0]!;
    const unvalued = byValue.find((r) => r.businessCase.value === null)!;
    const scaleOf = (id: string) =>
      page.locator(`[data-matrix-card="${id}"]`).evaluate((el) => (el as HTMLElement).style.getPropertyValue('--chip-scale'));
    await expect.poll(() => scaleOf(top.card.id), POLL).toBe('2');
    expect(await scaleOf(unvalued.card.id)).toBe('1');
    const topLabel = (await page.locator(`[data-matrix-card="${top.card.id}"]`).getAttribute('aria-label'))?.replace(/\u00a0/g, ' ');
    expect(topLabel).toMatch(/; worth DKK [\d,]+ a year$/);
    expect(await page.locator(`[data-matrix-card="${unvalued.card.id}"]`).getAttribute('aria-label')).toMatch(/; no value yet$/);
    // Bigger value, bigger chip.
    const height = async (id: string) => (await page.locator(`[data-matrix-card="${id}"]`).boundingBox())?.height ?? 0;
    expect(await height(top.card.id)).toBeGreaterThan((await height(unvalued.card.id)) * 1.5);
  });
});
