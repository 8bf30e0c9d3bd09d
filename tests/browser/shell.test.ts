/**
 * The app's shell in a real browser at 1440×900: a part that loads later (the export menu's
 * items, the to-do list) and is gone after a redeploy gives a "new version" message with a
 * Reload button, never a blank page; the page itself never scrolls while a card's details are
 * open; the shortcuts dialog opens at its title; the workshop bar's "More" menu closes once a
 * choice is made; the home page's title placeholder fits its field; the letter lab has no stray
 * list bullets and no serious accessibility faults. With SHELL_SCREENS_DIR set, screens of
 * each in English, Danish and Swedish are written there.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createBoard, type CreatedBoard } from '../helpers/server.ts';
import { browserSuite, clickBarControl, VIEWPORT } from '../helpers/browser.ts';
import { seriousViolations } from '../helpers/axe.ts';

const POLL = { timeout: 15_000, interval: 100 };
const SCREENS = process.env.SHELL_SCREENS_DIR;
const LOCALES = ['en', 'da', 'sv'] as const;
type Locale = (typeof LOCALES)[number];
const LETTER = 'First reminder with a reminder fee';

const WORDS: Record<
  Locale,
  { connected: string; export: string; todo: string; newVersion: string; reload: string; shortcuts: string; comments: string }
> = {
  en: {
    connected: 'Connected',
    export: 'Export',
    todo: 'To-do list',
    newVersion: 'A newer version of Rejse is running',
    reload: 'Reload',
    shortcuts: 'Keyboard shortcuts',
    comments: 'Comments',
  },
  da: {
    connected: 'Forbundet',
    export: 'Eksportér',
    todo: 'To-do-liste',
    newVersion: 'En nyere version af Rejse kører',
    reload: 'Genindlæs',
    shortcuts: 'Tastaturgenveje',
    comments: 'Kommentarer',
  },
  sv: {
    connected: 'Ansluten',
    export: 'Exportera',
    todo: 'Att göra-lista',
    newVersion: 'En nyare version av Rejse körs',
    reload: 'Ladda om',
    shortcuts: 'Kortkommandon',
    comments: 'Kommentarer',
  },
};

const suite = browserSuite({ bypassCSP: true });

async function shot(page: Page, name: string): Promise<void> {
  if (!SCREENS) return;
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`) });
}

/** Each board page's uncaught errors. */
const pageErrors = new WeakMap<Page, Error[]>();

async function openBoard(link: string, locale: Locale, prepare?: (page: Page) => Promise<unknown>): Promise<Page> {
  const context = await suite.openContext({ locale });
  await context.addInitScript(() => localStorage.setItem('rejse.displayName', 'Mette'));
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  pageErrors.set(page, errors);
  await prepare?.(page);
  await page.goto(`${suite.server.url}${link}`);
  await page.locator('.react-flow__node-card').first().waitFor({ timeout: 20_000 });
  return page;
}

/** Opens the card details of the card with `text` (the search selects it and opens them). */
async function openCard(page: Page, text: string): Promise<void> {
  const search = page.getByRole('searchbox');
  await search.fill(text);
  await search.press('Enter');
  await page.locator('.inspector').waitFor({ timeout: 10_000 });
  await search.fill('');
}

describe('the app shell', () => {
  let board: CreatedBoard;

  it('says a new version is available, with a Reload button, when a lazily loaded part is gone', async () => {
    board = await createBoard(suite.server, { title: 'Letters', template: 'collection-letters' });
    for (const locale of LOCALES) {
      const words = WORDS[locale];
      // The server was rebuilt: the export menu's items and the to-do list are no longer there.
      const page = await openBoard(board.links.editor, locale, (p) =>
        p.route(/\/assets\/(ExportItems|PrioritizeView)-[^/]+\.js$/, (route) => route.fulfill({ status: 404, body: 'Not found' })),
      );
      await page.getByText(words.export, { exact: true }).click();
      const alert = page.getByRole('alert').filter({ hasText: words.newVersion });
      await expect.poll(() => alert.count(), POLL).toBe(1);
      expect(await alert.getByRole('button', { name: words.reload }).isVisible()).toBe(true);
      // The board is still there and still works.
      expect(await page.locator('.react-flow__node-card').count()).toBeGreaterThan(10);
      await openCard(page, LETTER);
      expect(await page.locator('.inspector').isVisible()).toBe(true);
      await shot(page, `new-version-export-${locale}`);

      // The to-do list's code is gone too: the view says so in its place, the tabs stay.
      await page.getByRole('link', { name: words.todo }).click();
      await expect.poll(() => page.locator('.new-version-part').textContent(), POLL).toBe(words.newVersion);
      expect(await page.getByRole('link', { name: words.todo }).isVisible()).toBe(true);
      await shot(page, `new-version-todo-${locale}`);
      expect(await seriousViolations(page)).toEqual([]);
      // A chunk that failed to load is no uncaught error of the page.
      expect(pageErrors.get(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('keeps the app frame in place while a card’s details are open: only the panel scrolls', async () => {
    board ??= await createBoard(suite.server, { title: 'Letters', template: 'collection-letters' });
    for (const locale of LOCALES) {
      const page = await openBoard(board.links.editor, locale);
      await openCard(page, LETTER);
      await page.locator('.inspector .composer').waitFor();
      expect(await page.evaluate(() => document.scrollingElement?.scrollHeight)).toBe(VIEWPORT.height);
      const header = await page.locator('.board-header, header').first().boundingBox();
      await page.mouse.move(header!.x + 300, header!.y + 20);
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0);
      await shot(page, `card-open-wheel-${locale}`);
      await page.context().close();
    }
  });

  it('opens the keyboard shortcuts dialog at its title', async () => {
    board ??= await createBoard(suite.server, { title: 'Letters', template: 'collection-letters' });
    for (const locale of LOCALES) {
      const page = await openBoard(board.links.editor, locale);
      await page.getByRole('button', { name: WORDS[locale].shortcuts }).first().click();
      const dialog = page.getByRole('dialog', { name: WORDS[locale].shortcuts });
      await dialog.waitFor();
      await page.waitForTimeout(200);
      expect(await dialog.evaluate((d) => d.scrollTop)).toBe(0);
      const title = await dialog.getByRole('heading', { name: WORDS[locale].shortcuts }).boundingBox();
      const box = await dialog.boundingBox();
      expect(title!.y).toBeGreaterThanOrEqual(box!.y);
      // Focus is in the dialog; Esc closes it.
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      await shot(page, `shortcuts-${locale}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count(), POLL).toBe(0);
      await page.context().close();
    }
  });

  it('closes the workshop bar’s "More" menu once a choice is made', async () => {
    board ??= await createBoard(suite.server, { title: 'Letters', template: 'collection-letters' });
    for (const locale of LOCALES) {
      const page = await openBoard(board.links.facilitator, locale);
      // With the card details open, the bar folds the series entries into "More".
      await openCard(page, LETTER);
      const more = page.locator('.workshop-bar__more details').first();
      await more.waitFor({ timeout: 10_000 });
      await clickBarControl(page, WORDS[locale].comments);
      await expect.poll(() => page.locator('.series-panel, [data-series-tab="comments"]').count(), POLL).toBeGreaterThan(0);
      await expect.poll(() => more.evaluate((d) => (d as HTMLDetailsElement).open), POLL).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
      await shot(page, `more-after-choice-${locale}`);
      // Opened again, it shows the chosen entry as pressed, and readable.
      await more.locator('summary').click();
      const chosen = more.getByRole('button', { name: WORDS[locale].comments, pressed: true });
      expect(await chosen.isVisible()).toBe(true);
      const colours = await chosen.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
      expect(colours[0]).not.toBe(colours[1]);
      await shot(page, `more-reopened-${locale}`);
      // The comments tab it opened (restyled with it) has no serious accessibility faults.
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('fits the home page’s title placeholder in its field', async () => {
    for (const locale of LOCALES) {
      const page = await (await suite.openContext({ locale })).newPage();
      await page.goto(suite.server.url);
      const input = page.locator('input[placeholder]').first();
      await input.waitFor();
      const overflow = await input.evaluate((el) => {
        const field = el as HTMLInputElement;
        const style = getComputedStyle(field);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = field.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
        return context.measureText(field.placeholder).width - room;
      });
      expect(overflow, `the ${locale} placeholder overflows by ${overflow} px`).toBeLessThanOrEqual(0);
      await shot(page, `home-${locale}`);
      await page.context().close();
    }
  });

  it('says in the reader’s language why a file that is no board file cannot be imported', async () => {
    const expected = {
      en: 'The file does not say which version of Rejse made it',
      da: 'Filen siger ikke, hvilken version af Rejse der lavede den',
      sv: 'Filen anger inte vilken version av Rejse som skapade den',
    } as const;
    for (const locale of LOCALES) {
      const page = await (await suite.openContext({ locale })).newPage();
      await page.goto(suite.server.url);
      await page.locator('input[type="file"]').setInputFiles({
        name: 'notes.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"hello":1}'),
      });
      const refusal = page.locator('.import-board [role="alert"]');
      await expect.poll(() => refusal.textContent(), { timeout: 10_000 }).toContain(expected[locale]);
      // Nothing of the server's English wording shows.
      expect(await refusal.textContent()).not.toContain('schemaVersion');
      await shot(page, `import-refused-${locale}`);
      await page.context().close();
    }
  });

  it('shows the letter lab’s checklist without stray bullets, and without serious accessibility faults', async () => {
    board ??= await createBoard(suite.server, { title: 'Letters', template: 'collection-letters' });
    for (const locale of LOCALES) {
      const page = await openBoard(board.links.editor, locale);
      await openCard(page, LETTER);
      const lab = page.locator('.letter-lab');
      await lab.scrollIntoViewIfNeeded();
      await lab.locator('.letter-lab__verdict').first().scrollIntoViewIfNeeded();
      expect(
        await lab
          .locator('.letter-lab__checklist')
          .first()
          .evaluate((list) => getComputedStyle(list).listStyleType),
      ).toBe('none');
      await shot(page, `letter-lab-${locale}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    }
  });
});
