/**
 * What a QA tester found on a board generated from a dunning process, measured in a real browser
 * (Debian's Chromium) against the real server, in English, Danish and Swedish:
 * - the cadence rules dialog holds every control of every rule row (no horizontal scroll);
 * - the time view's touchpoint chips never cover one another (across columns too);
 * - the time view has no serious axe violation (the green "No cadence or checkpoint warning.");
 * - the map toolbar's labels stay on one line, whole, at 1280×720.
 *
 * REJSE_SCREENSHOTS=<dir> keeps screenshots for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { defaultDunningProcess, type Locale } from '@rejse/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.ts';
import { browserSuite, openMapPage } from '../helpers/browser.ts';
import type { CreatedBoard } from '../helpers/server.ts';

const suite = browserSuite();
const SCREENSHOTS = process.env.REJSE_SCREENSHOTS;
if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
const shot = async (page: Page, name: string) => {
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
};

const SMALL = { width: 1280, height: 720 };
const LARGE = { width: 1440, height: 900 };

/** A board generated from the dunning form's defaults for `locale`, as the home page makes it. */
async function dunningBoard(locale: Locale): Promise<CreatedBoard> {
  const res = await fetch(`${suite.server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ locale, dunning: defaultDunningProcess(locale, '2027-03-01') }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CreatedBoard;
}

async function openTimeView(locale: Locale, viewport = LARGE, bypassCSP = false): Promise<Page> {
  const board = await dunningBoard(locale);
  const page = await openMapPage(suite, `/b/${board.id}?token=${encodeURIComponent(board.token)}`, { locale, viewport, bypassCSP });
  await page.getByRole('link', { name: /^(Time & cadence|Tid og rytme|Tid och frekvens)$/ }).click();
  await page.getByTestId('scenario-curves').waitFor();
  return page;
}

/** Pairs of elements (by text) whose boxes overlap by more than a pixel each way. */
const overlaps = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) => {
    const boxes = elements.map((el) => ({ text: (el.textContent ?? '').slice(0, 24), box: el.getBoundingClientRect() }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.box;
        const b = boxes[j]!.box;
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1 && y > 1) out.push(`${boxes[i]!.text} × ${boxes[j]!.text}`);
      }
    return out;
  });

describe('a board generated from a dunning process, as a QA tester found it', () => {
  it.each([
    ['en', LARGE],
    ['da', SMALL],
    ['sv', SMALL],
    ['en', SMALL],
  ] as const)('in %s at %o: every control of the cadence rules dialog is inside the dialog', async (locale, viewport) => {
    const page = await openTimeView(locale, viewport);
    await page.locator('.time-view__controls button[aria-haspopup="dialog"]').click();
    const dialog = page.locator('dialog.dialog[open]');
    await dialog.waitFor();
    // Every preset (the standard, Danish and Swedish rules) and a "most contacts in a window" rule.
    const presets = dialog.locator('.dunning-settings__buttons').last().locator('button');
    for (let i = 0; i < (await presets.count()); i++) await presets.nth(i).click();
    await dialog.locator('.dunning-settings__buttons select').selectOption('max-contacts');
    await dialog.locator('.dunning-settings__buttons').nth(1).locator('button').click();
    await page.waitForTimeout(200);
    const measured = await dialog.evaluate((el) => {
      const body = el.querySelector('.dialog__body') as HTMLElement;
      const frame = el.getBoundingClientRect();
      const outside = [...el.querySelectorAll('button, select, input, label, strong')]
        .map((c) => ({ c, box: c.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.left < frame.left - 0.5 || box.right > frame.right + 0.5))
        .map(
          ({ c, box }) =>
            `${(c.textContent || c.getAttribute('aria-label') || c.tagName).slice(0, 30)} ${Math.round(box.left)}–${Math.round(box.right)}`,
        );
      return {
        sideways: Math.max(el.scrollWidth - el.clientWidth, body.scrollWidth - body.clientWidth),
        outside,
        insideWindow: frame.left >= 0 && frame.right <= window.innerWidth,
      };
    });
    await dialog.locator('.dialog__body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await shot(page, `qa-cadence-${locale}-${viewport.width}`);
    expect(measured).toEqual({ sideways: 0, outside: [], insideWindow: true });
  });

  it.each(['en', 'da', 'sv'] as const)('in %s: no touchpoint chip of the time view covers another', async (locale) => {
    const page = await openTimeView(locale);
    await page.locator('.time-card').first().waitFor();
    await shot(page, `qa-time-${locale}`);
    expect(await page.locator('.time-card').count()).toBeGreaterThan(10);
    expect(await overlaps(page, '.time-card')).toEqual([]);
    // Each chip can be clicked where it is drawn: the chip itself is on top at its centre.
    const hidden = await page.locator('.time-card').evaluateAll((cards) =>
      cards
        .filter((card) => {
          const box = card.getBoundingClientRect();
          const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return box.right < window.innerWidth && !card.contains(top);
        })
        .map((card) => card.getAttribute('aria-label')),
    );
    expect(hidden).toEqual([]);
  });

  it('the time view has no serious axe violation (the green “no warning” line reads at 4.5:1)', async () => {
    const page = await openTimeView('en', LARGE, true);
    await page.locator('.cadence__ok').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each(['en', 'da', 'sv'] as const)('in %s at 1280×720: the map toolbar’s labels are on one line and whole', async (locale) => {
    const board = await dunningBoard(locale);
    const page = await openMapPage(suite, `/b/${board.id}?token=${encodeURIComponent(board.token)}`, { locale, viewport: SMALL });
    const toolbar = page.getByRole('toolbar').first();
    await toolbar.waitFor();
    await page.waitForTimeout(200);
    if (SCREENSHOTS) await toolbar.screenshot({ path: path.join(SCREENSHOTS, `qa-toolbar-${locale}.png`) });
    const problems = await toolbar.evaluate((bar) => {
      const out: string[] = [];
      const frame = bar.getBoundingClientRect();
      for (const button of bar.querySelectorAll<HTMLElement>('button, select, input')) {
        const box = button.getBoundingClientRect();
        const name = button.getAttribute('aria-label') || button.textContent || button.tagName;
        if (box.width === 0) continue;
        if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5) out.push(`${name}: outside the toolbar`);
        if (button.scrollHeight > button.clientHeight + 1 || button.scrollWidth > button.clientWidth + 1) out.push(`${name}: clipped`);
        const label = button.querySelector('span');
        if (label && label.getClientRects().length > 0) {
          const lineHeight = Number.parseFloat(getComputedStyle(label).lineHeight) || 20;
          if (label.getBoundingClientRect().height > lineHeight * 1.5) out.push(`${name}: wraps`);
        }
        // A button shown as an icon only still has its name (accessible and as a tooltip).
        if (!button.textContent?.trim() && button.tagName === 'BUTTON' && !button.getAttribute('aria-label'))
          out.push('a button without a name');
      }
      return out;
    });
    expect(problems).toEqual([]);
  });
});
