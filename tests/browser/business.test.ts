/**
 * The business case and the letter lab in a real browser, on the collection-letters template:
 * the idea inspector shows what an action is worth a year and how; the collection letter's
 * inspector shows both variants with readability and the debtor checklist.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, startServer, type RunningServer } from '../helpers/server.ts';
import { VIEWPORT, launchChromium, requireBuiltClient, watchedPage } from '../helpers/browser.ts';

const POLL = { timeout: 15_000, interval: 100 };

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

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

async function openPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
  contexts.push(context);
  return watchedPage(context);
}

async function settledViewport(page: Page): Promise<string> {
  let previous = '';
  await expect
    .poll(async () => {
      const current = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
      const settled = current === previous;
      previous = current;
      return settled;
    }, { timeout: 10_000, interval: 150 })
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
    const board = await createBoard(server, { title: 'Letters', template: 'collection-letters' });
    const page = await openPage();
    await page.goto(`${server.url}${board.links.editor}`);
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
});
