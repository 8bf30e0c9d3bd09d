/**
 * The dunning time view in a real browser (Debian's Chromium) against the real server: the
 * ruler under the stage headers, the touchpoints at their day, the scenario switcher that
 * changes the emotion curve, the cadence strip and its warnings, and a day edited in the
 * inspector moving the ruler — live, in English, Danish and Swedish.
 *
 * REJSE_SCREENSHOTS=<dir> keeps a screenshot per language for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type CreatedBoard, type RunningServer } from '../helpers/server.ts';
import { VIEWPORT, launchChromium, requireBuiltClient, watchedPage } from '../helpers/browser.ts';

const POLL = { timeout: 20_000, interval: 100 };
const SCREENSHOTS = process.env.REJSE_SCREENSHOTS;

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  requireBuiltClient();
  server = await startServer();
  browser = await launchChromium();
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function boardFrom(template: string, locale: string): Promise<CreatedBoard> {
  const res = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template, locale }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CreatedBoard;
}

/** Opens a board's time view in a browser whose language is `locale`, past the name prompt. */
async function openTimeView(board: CreatedBoard, locale: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale });
  contexts.push(context);
  const page = await watchedPage(context);
  await page.goto(`${server.url}/b/${board.id}/time?token=${encodeURIComponent(board.token)}`);
  const nameBox = page.getByRole('textbox', { name: /^(Your name|Dit navn|Ditt namn)$/ });
  await vi.waitFor(async () => expect((await page.getByTestId('stage-ruler').count()) + (await nameBox.count())).toBeGreaterThan(0), POLL);
  if ((await nameBox.count()) > 0) {
    await nameBox.fill('Kreditchef');
    await nameBox.press('Enter');
  }
  await page.getByTestId('scenario-curves').waitFor();
  return page;
}

const curves = (page: Page) =>
  page
    .locator('[data-testid="scenario-curves"] g[data-scenario]')
    .evaluateAll((groups) => groups.map((g) => ({ scenario: g.getAttribute('data-scenario'), means: g.getAttribute('data-means') })));

describe('the dunning time view', () => {
  it('switching debtor scenarios changes the emotion curve; the ruler and cadence follow the touchpoints’ days', async () => {
    const board = await boardFrom('collection-letters', 'en');
    const page = await openTimeView(board, 'en');
    // The ruler under the stage headers: the days each stage spans.
    const rulers = await page.getByTestId('stage-ruler').allTextContents();
    expect(rulers).toEqual(['no day', 'D\u221214', 'D+14', 'D+40 – D+41', 'D+42', 'D+42', 'D+45']);
    // All five scenarios overlaid, then one at a time: the curve changes.
    const overlaid = await curves(page);
    expect(overlaid).toHaveLength(5);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'dunning-en-overlaid.png'), fullPage: true });
    await page.getByTestId('scenario-switcher').selectOption({ label: 'Forgot — Paid' });
    await expect.poll(() => curves(page), POLL).toHaveLength(1);
    const forgot = (await curves(page))[0]!;
    await page.getByTestId('scenario-switcher').selectOption({ label: 'Vulnerable customer — Payment plan' });
    await expect.poll(async () => (await curves(page))[0]?.scenario, POLL).not.toBe(forgot.scenario);
    const vulnerable = (await curves(page))[0]!;
    expect(vulnerable.means).not.toEqual(forgot.means);
    // The vulnerable path meets the collection letter before any hardship offer.
    await expect
      .poll(() => page.getByTestId('dunning-warnings').textContent(), POLL)
      .toMatch(/Vulnerable customer reaches “Collection letter from the credit-management firm” \(D\+40\) without a hardship offer/);
    // The forgetful debtor's path: three contacts, one a week, no warning.
    await page.getByTestId('scenario-switcher').selectOption({ label: 'Forgot — Paid' });
    await expect.poll(() => page.getByTestId('dunning-no-warnings').count(), POLL).toBe(1);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'dunning-en.png'), fullPage: true });

    // A day edited in the inspector moves the touchpoint and the ruler, live.
    await page.getByRole('button', { name: 'D+14: First reminder with a reminder fee' }).click();
    const day = page.getByTestId('touchpoint-day');
    await day.fill('10');
    await day.press('Tab');
    await expect.poll(async () => (await page.getByTestId('stage-ruler').allTextContents())[2], POLL).toBe('D+10');
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'dunning-en-inspector.png') });
    // With the inspector open the wide time view scrolls inside itself; the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expect(page.getByRole('button', { name: 'D+10: First reminder with a reminder fee' }).count()).resolves.toBe(1);
  });

  it.each([
    ['da', 'Glemte det — Betalt', 'Sårbar kunde — Afdragsordning', 'Dage hver fase spænder over'],
    ['sv', 'Glömde bort — Betald', 'Sårbar kund — Avbetalningsplan', 'Dagar som varje fas spänner över'],
  ])(
    'speaks %s: the pre-reminder window shows its 12 days and no warning on any path',
    async (locale, forgotLabel, vulnerableLabel, rulerName) => {
      const board = await boardFrom('pre-reminder-window', locale);
      const page = await openTimeView(board, locale);
      expect(await page.getByLabel(rulerName).allTextContents()).toEqual([
        'D\u221214',
        'D0',
        'D+1',
        'D+7',
        'D+12',
        'D+13 – D+15',
        'D+12 – D+20',
      ]);
      expect(await page.getByTestId('dunning-no-warnings').count()).toBe(1);
      await page.getByTestId('scenario-switcher').selectOption({ label: forgotLabel });
      await expect.poll(() => curves(page), POLL).toHaveLength(1);
      const before = (await curves(page))[0]!.means;
      await page.getByTestId('scenario-switcher').selectOption({ label: vulnerableLabel });
      await expect.poll(async () => (await curves(page))[0]?.means, POLL).not.toBe(before);
      if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `dunning-${locale}.png`), fullPage: true });
    },
  );
});

describe('a board generated from a dunning process on the home page', () => {
  it.each([
    ['en', 'Generate from a dunning process', 'Reminder 2', 'Create board', '0', 'EUR'],
    ['da', 'Generér ud fra et rykkerforløb', 'Rykker 2', 'Opret tavle', '100', 'DKK'],
    ['sv', 'Generera från en påminnelseprocess', 'Påminnelse 2', 'Skapa tavla', '60', 'SEK'],
  ])(
    'in %s: the form starts from the country’s defaults, and the new map shows each stage’s days under its header',
    async (locale, option, reminder2, submit, firstFee, currency) => {
      const context = await browser.newContext({ viewport: VIEWPORT, locale });
      contexts.push(context);
      const page = await watchedPage(context);
      await page.goto(server.url);
      await page.getByRole('radio', { name: option }).check();
      const form = page.getByTestId('dunning-process');
      await form.waitFor();
      // The defaults: reminder 1's fee is the country's (100 DKK; 60 SEK; none set in English).
      expect(await form.locator('[data-step="reminder1"] [data-field="fee"]').inputValue()).toBe(firstFee);
      expect(await form.locator('[data-step="reminder1"]').textContent()).toContain(currency);
      // Reminder 2 a day later than the default.
      const day = page.getByRole('group', { name: reminder2 }).locator('[data-field="day"]');
      await day.fill('25');
      if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `generate-form-${locale}.png`) });
      await page.getByRole('button', { name: submit }).click();
      await expect.poll(() => page.url(), POLL).toMatch(/\/b\/[A-Za-z0-9_-]+$/);
      const nameBox = page.getByRole('textbox', { name: /^(Your name|Dit navn|Ditt namn)$/ });
      await vi.waitFor(
        async () => expect((await page.getByTestId('map-stage-ruler').count()) + (await nameBox.count())).toBeGreaterThan(0),
        POLL,
      );
      if ((await nameBox.count()) > 0) {
        await nameBox.fill('Kreditchef');
        await nameBox.press('Enter');
      }
      // The ruler under the stage headers on the map: one per stage, in order.
      await expect
        .poll(() => page.getByTestId('map-stage-ruler').allTextContents(), POLL)
        .toEqual(['D\u221214', 'D0', 'D+1 – D+12', 'D+13 – D+16', 'D+25 – D+27', 'D+35', 'D+50', 'D+55', 'D+90']);
      // The ruler sits in the stage headers at working zoom (in the projected overview the stage
      // names take the whole header): zoom in with the wheel until the overview type is gone.
      const canvas = page.locator('.canvas');
      const paneBox = await page.locator('.react-flow').boundingBox();
      if (!paneBox) throw new Error('no canvas');
      await page.mouse.move(paneBox.x + 40, paneBox.y + 40);
      for (let i = 0; i < 20 && /\bis-(summary|far)\b/.test((await canvas.getAttribute('class')) ?? ''); i++) {
        await page.mouse.wheel(0, -120);
        await page.waitForTimeout(50);
      }
      // Readable and out of the way: inside its header, above the title, never over it.
      const overlap = await page.evaluate(() => {
        const rulers = [...document.querySelectorAll('[data-testid="map-stage-ruler"] .stage-ruler__span')];
        return rulers.map((ruler) => {
          const header = ruler.closest('.react-flow__node')!;
          const title = header.querySelector('.axis-header__title')!.getBoundingClientRect();
          const box = ruler.getBoundingClientRect();
          const node = header.getBoundingClientRect();
          return {
            title: title.top,
            ruler: box.bottom,
            above: box.bottom <= title.top + 0.5,
            inside: box.left >= node.left && box.right <= node.right + 0.5 && box.top >= node.top,
            height: box.height,
          };
        });
      });
      if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `map-ruler-${locale}.png`) });
      // At working zoom only the stages on screen are drawn: each drawn ruler is placed right.
      expect(overlap.length).toBeGreaterThan(0);
      for (const r of overlap) expect(r, JSON.stringify(r)).toMatchObject({ above: true, inside: true });
    },
  );
});
