/**
 * What a workshop tester met at 1440×900 on a Danish board (locale da, DKK), in English, Danish
 * and Swedish, in a real browser (Debian's Chromium) against the real server serving the built client:
 *
 * - the to-do list keeps votes and score in view with two side panels open, and writes the score
 *   the board's way (59,6 on a Danish board, whatever the UI language), as it writes its money;
 * - the time view with two side panels open keeps the colour key of the debtor scenarios whole
 *   (no inner scroll box), scrolls the time axis sideways with a visible bar up to the last
 *   stage, and shows every weekly box;
 * - a due date is written the board's way too, in the to-do list and the Report tab;
 * - the two CSV exports download under different names;
 * - the Report tab and the downloaded report.html list the same participants, and no unnamed
 *   person as "Guest".
 *
 * REJSE_SCREENSHOTS=<dir> keeps a screenshot per view and language for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { docToBoard, formatDay, updateCard } from '@rejse/shared';
import { bearer, connectClient, tokenOf, type CreatedBoard } from '../helpers/server.ts';
import { browserSuite, clickBarControl, watchedPage } from '../helpers/browser.ts';

const POLL = { timeout: 20_000, interval: 100 };
const SCREENSHOTS = process.env.REJSE_SCREENSHOTS;
const LANGUAGES = ['en', 'da', 'sv'] as const;
const HISTORY = { en: 'History', da: 'Historik', sv: 'Historik' } as const;

const suite = browserSuite({ acceptDownloads: true });

beforeAll(() => {
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
});

/** A Danish board (locale da, DKK) from the collection-letters template: five debtor scenarios, seven stages. */
async function danishBoard(): Promise<CreatedBoard> {
  const res = await fetch(`${suite.server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: 'collection-letters', locale: 'da' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CreatedBoard;
}

/** Opens one of the board's views in a browser whose language is `locale`, the person named `name` (null: unnamed). */
async function openView(
  board: CreatedBoard,
  view: 'actions' | 'time' | 'report',
  locale: string,
  { name = 'Frida', link }: { name?: string | null; link?: string } = {},
): Promise<Page> {
  const context = await suite.openContext({ locale });
  if (name) await context.addInitScript((given) => localStorage.setItem('rejse.displayName', given), name);
  const page = await watchedPage(context);
  const token = link ? tokenOf(link) : board.token;
  await page.goto(`${suite.server.url}/b/${board.id}/${view}?token=${encodeURIComponent(token)}`);
  return page;
}

const shoot = async (page: Page, name: string) => {
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
};

/** Whether `inner` lies wholly inside `outer` (1 px of rounding allowed). */
const inside = (
  inner: { left: number; right: number; top: number; bottom: number },
  outer: { left: number; right: number; top: number; bottom: number },
) => inner.left >= outer.left - 1 && inner.right <= outer.right + 1 && inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;

describe.each(LANGUAGES)('a Danish board in %s at 1440×900', (locale) => {
  let board: CreatedBoard;
  beforeAll(async () => {
    board = await danishBoard();
  });

  it('to-do list: with card details and History open, votes and score stay in view, the score written the board’s way', async () => {
    const page = await openView(board, 'actions', locale);
    const rows = page.locator('.action-row');
    await rows.first().waitFor({ timeout: 20_000 });
    // Two side panels: the card's details and History.
    await rows.first().locator('.action-row__text').click();
    await clickBarControl(page, HISTORY[locale]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.prioritize__body').evaluate((el) => el.getBoundingClientRect().width), POLL).toBeLessThan(980);
    await shoot(page, `todo-panels-${locale}`);

    const layout = await page.locator('.prioritize__body').evaluate((body) => {
      const frame = body.getBoundingClientRect();
      const rect = (el: Element | null) => {
        const r = el?.getBoundingClientRect();
        return r ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : null;
      };
      const rows = [...body.querySelectorAll('.action-row')].slice(0, 3);
      return {
        frame: { left: frame.left, right: frame.right, top: frame.top, bottom: frame.bottom + 10_000 },
        sideways: body.scrollWidth - body.clientWidth,
        cells: rows.flatMap((row) => [rect(row.querySelector('.action-row__votes')), rect(row.querySelector('.score-button'))]),
        scores: rows.map((row) => row.querySelector('.score-button')?.textContent ?? ''),
      };
    });
    // Scores with a decimal comma, as "Worth 3.840.000 kr." beside them: the board is Danish.
    for (const score of layout.scores) expect(score).toMatch(/^\d+,\d$/);
    // Nothing runs off sideways: every row's votes and score are on screen.
    expect(layout.sideways).toBeLessThanOrEqual(0);
    for (const cell of layout.cells) {
      expect(cell).not.toBeNull();
      expect(inside(cell!, layout.frame)).toBe(true);
    }
  });

  it('time view: with card details and History open, the colour key is whole, the time axis scrolls to its last stage and every week shows', async () => {
    const page = await openView(board, 'time', locale);
    await page.getByTestId('scenario-curves').waitFor({ timeout: 20_000 });
    await page.locator('.time-card').first().click();
    await clickBarControl(page, HISTORY[locale]);
    await page.keyboard.press('Escape');
    const view = page.locator('.time-view');
    await expect.poll(() => view.evaluate((el) => el.getBoundingClientRect().width), POLL).toBeLessThan(1000);

    // The key: five scenarios, each name and swatch wholly visible once the view is scrolled to it.
    const legend = page.getByTestId('scenario-legend');
    await legend.scrollIntoViewIfNeeded();
    await shoot(page, `time-panels-${locale}`);
    const key = await legend.evaluate((list) => {
      const viewport = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
      let clipped = false;
      for (let el = list.parentElement; el && !el.classList.contains('time-view'); el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1) clipped = true;
        if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) clipped = true;
      }
      return {
        clipped,
        viewport,
        items: [...list.querySelectorAll('li')].map((li) => {
          const r = li.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: li.textContent ?? '' };
        }),
      };
    });
    expect(key.clipped).toBe(false);
    expect(key.items).toHaveLength(5);
    for (const item of key.items) expect(inside(item, key.viewport), item.text).toBe(true);

    // The time axis: no inner vertical scroll box, a horizontal bar taking room, and the last stage reachable.
    const scroller = page.locator('.time-view__scroll');
    const frame = page.locator('.time-view__scroll-frame');
    // A shade at the right edge says more stages lie that way (headless and overlay scroll bars show none).
    await expect.poll(() => frame.getAttribute('data-more'), POLL).toBe('right');
    expect(await frame.evaluate((el) => getComputedStyle(el, '::after').opacity)).toBe('1');
    const axis = await scroller.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
      const box = el.getBoundingClientRect();
      const last = el.querySelector('.time-column:last-child')?.getBoundingClientRect();
      return {
        squeezed: el.scrollHeight - el.clientHeight,
        wider: el.scrollWidth > el.clientWidth,
        lastInView: last ? last.right <= box.right + 1 && last.left >= box.left - 1 : false,
      };
    });
    expect(axis.squeezed).toBeLessThanOrEqual(0);
    expect(axis.wider).toBe(true);
    expect(axis.lastInView).toBe(true);
    // Scrolled to the end: the shade moves to the left edge.
    await expect.poll(() => frame.getAttribute('data-more'), POLL).toBe('left');

    // Every weekly box inside the view's width.
    const weeks = await page.locator('.cadence__weeks').evaluate((list) => {
      const frame = list.getBoundingClientRect();
      return [...list.querySelectorAll('.cadence__week')].map((week) => {
        const r = week.getBoundingClientRect();
        return r.left >= frame.left - 1 && r.right <= frame.right + 1;
      });
    });
    expect(weeks.length).toBeGreaterThan(3);
    expect(weeks.every(Boolean)).toBe(true);
  });
});

describe('the two CSV exports', () => {
  it('download under names that tell them apart', async () => {
    const board = await danishBoard();
    const page = await openView(board, 'actions', 'en');
    await page.locator('.action-row').first().waitFor({ timeout: 20_000 });
    const save = async (item: string) => {
      await page.locator('summary', { hasText: 'Export' }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByText(item, { exact: true }).click()]);
      return download.suggestedFilename();
    };
    const semicolons = await save('Action list: CSV with semicolons (Excel in Danish or Swedish)');
    await vi.waitFor(async () => expect(await page.locator('summary', { hasText: 'Export' }).isVisible()).toBe(true), POLL);
    const commas = await save('Action list: CSV with commas');
    expect(semicolons).toMatch(/-actions-semicolons\.csv$/);
    expect(commas).toMatch(/-actions-commas\.csv$/);
    expect(semicolons).not.toBe(commas);
  });
});

describe('a due date', () => {
  it('is written the board’s way in an English browser: a viewer’s to-do list and the Report tab on a Danish board', async () => {
    const board = await danishBoard();
    const writer = connectClient(suite.server, board.id, { token: board.token });
    await writer.synced;
    const ideas = docToBoard(writer.doc, board.id).cards.filter((card) => card.kind === 'idea');
    for (const idea of ideas) updateCard(writer.doc, idea.id, { dueDate: '2027-03-01' });
    const danish = formatDay('2027-03-01', 'da');
    expect(danish).not.toBe(formatDay('2027-03-01', 'en'));
    try {
      const viewer = await openView(board, 'actions', 'en', { link: board.links.viewer });
      await expect.poll(() => viewer.locator('.action-row__value', { hasText: '2027' }).first().textContent(), POLL).toBe(danish);
      const report = await openView(board, 'report', 'en');
      await expect
        .poll(() => report.locator('[data-report-action] td.nowrap', { hasText: '2027' }).first().textContent(), POLL)
        .toBe(danish);
    } finally {
      writer.destroy();
    }
  });
});

describe('the report’s participants', () => {
  it('are the same in the Report tab, in every language, and in report.html, with no unnamed person as “Guest”', async () => {
    const board = await danishBoard();
    const frida = await openView(board, 'report', 'en', { name: 'Frida' });
    const anders = await openView(board, 'report', 'da', { name: 'Anders', link: board.links.editor });
    // Unnamed: presence calls this person "Gäst".
    const unnamed = await openView(board, 'report', 'sv', { name: null, link: board.links.editor });
    const line = (page: Page) =>
      page.locator('.report__header p', { has: page.locator('strong', { hasText: /^(Participants|Deltagere|Deltagare):$/ }) });
    const expected = { en: 'Participants: Anders, Frida', da: 'Deltagere: Anders, Frida', sv: 'Deltagare: Anders, Frida' };
    const pages = [
      [frida, 'en'],
      [anders, 'da'],
      [unnamed, 'sv'],
    ] as const;
    // Everyone sees everyone, the unnamed person as "Gäst" among them, before the lists are read.
    for (const [page] of pages) await expect.poll(() => page.locator('.participants__list > li').count(), POLL).toBe(3);
    expect(await frida.locator('[data-participant-name="Gäst"]').count()).toBe(1);
    for (const [page, locale] of pages) {
      await expect
        .poll(async () => ((await line(page).count()) ? (await line(page).textContent())?.replace(/\s+/g, ' ').trim() : ''), POLL)
        .toBe(expected[locale]);
      await shoot(page, `report-${locale}`);
    }
    const html = await (await fetch(`${suite.server.url}/api/boards/${board.id}/report.html`, { headers: bearer(board.token) })).text();
    expect(html).toContain('<p><strong>Deltagere:</strong> Anders, Frida</p>');
    expect(html).not.toMatch(/Gäst|Gæst|Guest/);
  });
});
