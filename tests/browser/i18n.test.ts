/**
 * Danish and Swedish in a real browser (Debian's Chromium through playwright-core), against
 * the real server serving the built client: the UI language follows the browser at first
 * visit and the language menu after that, without touching the live session; each board's
 * own locale decides how its numbers and dates are written, in the UI's examples and in the
 * report.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { VIEWPORT, launchChromium, watchedPage } from '../helpers/browser.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const clientDist = process.env.CLIENT_DIST ? path.resolve(process.env.CLIENT_DIST) : path.join(repoRoot, 'client', 'dist');
const POLL = { timeout: 15_000, interval: 100 };
/** Set to a directory to keep screenshots of each language for a person to look at. */
const SCREENSHOTS = process.env.REJSE_SCREENSHOTS;

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!existsSync(path.join(clientDist, 'index.html'))) {
    throw new Error(`The built client is missing (${clientDist}). Build it first: npx -y pnpm@10 --filter @rejse/client build`);
  }
  server = await startServer({ env: { CLIENT_DIST: clientDist } });
  browser = await launchChromium();
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/** A page in a fresh browser context whose browser prefers `locale` (navigator.languages). */
async function openPage(locale: string): Promise<{ page: Page; context: BrowserContext; sockets: () => number }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale });
  contexts.push(context);
  const page = await watchedPage(context);
  let sockets = 0;
  page.on('websocket', () => (sockets += 1));
  return { page, context, sockets: () => sockets };
}

/** Spaces as a person sees them: Swedish groups digits with a (narrow) no-break space. */
const normalise = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f\u2009]/g, ' ');

const languageMenu = (page: Page) => page.getByRole('combobox', { name: /^(Language|Sprog|Språk)$/ });
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

async function shoot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Creates a board from the home page's form, in the board language the form shows, and waits for it to connect. */
async function createFromHome(page: Page, template: string, labels: { submit: string; connection: string; connected: string }) {
  // The radio is drawn as a card; a click on its title picks it.
  await page.getByText(template, { exact: true }).click();
  await expect.poll(() => page.getByRole('radio', { name: new RegExp(template) }).isChecked(), POLL).toBe(true);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL(/\/b\/[^/]+$/);
  await expect.poll(() => page.getByRole('status', { name: labels.connection }).textContent(), POLL).toBe(labels.connected);
  return new URL(page.url()).pathname.split('/')[2] as string;
}

/** The facilitator token this browser kept for a board (the home page's create form stores it). */
async function tokenOf(page: Page, boardId: string): Promise<string> {
  const token = await page.evaluate((id) => {
    const boards = JSON.parse(localStorage.getItem('rejse.boards') ?? '[]') as { id: string; token?: string }[];
    return boards.find((b) => b.id === id)?.token ?? '';
  }, boardId);
  if (!token) throw new Error(`no token kept for board ${boardId}`);
  return token;
}

/** Opens the board's printable report (served by the server in the board's locale). */
async function openReport(context: BrowserContext, page: Page, boardId: string): Promise<Page> {
  const token = await tokenOf(page, boardId);
  const report = await context.newPage();
  // The API takes a board's token only as a bearer header (never a cookie).
  await report.setExtraHTTPHeaders({ Authorization: `Bearer ${token}` });
  await report.goto(`${server.url}/api/boards/${boardId}/report.html`);
  return report;
}

describe('the UI in Danish and Swedish', () => {
  it('switches an English browser to Danish from the menu; a Danish board, its dialogs and its report speak Danish and write 1.000.000', async () => {
    const { page, context, sockets } = await openPage('en-GB');
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe('Journey maps');
    expect(await htmlLang(page)).toBe('en');

    await languageMenu(page).selectOption('da');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe('Kunderejsekort');
    expect(await htmlLang(page)).toBe('da');
    // The new board's language and currency follow the UI language until chosen.
    expect(await page.getByRole('combobox', { name: 'Tavlens sprog' }).inputValue()).toBe('da');
    expect(await page.getByRole('combobox', { name: 'Valuta' }).inputValue()).toBe('DKK');
    // The template gallery is in Danish too.
    await expect.poll(() => page.getByText('Inkassobreve hos et inkassobureau').count(), POLL).toBe(1);
    await shoot(page, 'da-home');

    const boardId = await createFromHome(page, 'Inkassobreve hos et inkassobureau', {
      submit: 'Opret tavle',
      connection: 'Forbindelse',
      connected: 'Forbundet',
    });
    // Danish UI around Danish template text.
    await expect.poll(() => page.getByRole('button', { name: 'Tilføj kort' }).count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('heading', { name: 'Rykker', exact: true }).count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('heading', { name: 'Smertepunkter', exact: true }).count(), POLL).toBeGreaterThan(0);
    await shoot(page, 'da-board');
    // The menu's choice reaches the server too: in this English browser a board's page is first
    // painted with its loading screen in Danish, before any of the app's code has run.
    const firstPaint = await context.newPage();
    await firstPaint.route('**/assets/*.js', (route) => route.abort());
    await firstPaint.goto(`${server.url}/b/${boardId}`);
    expect(await firstPaint.locator('.board-loading').textContent()).toBe('Henter tavlen…');
    expect(await htmlLang(firstPaint)).toBe('da');
    await firstPaint.close();

    // A dialog: removing a stage that holds cards asks what happens to them.
    // The header's tools show on hover or focus; the keyboard reaches them.
    const removeButton = page.getByRole('button', { name: 'Fjern fasen »Rykker«' }).first();
    await removeButton.focus();
    await removeButton.press('Enter');
    const remove = page.getByRole('dialog', { name: 'Fjern fasen »Rykker«' });
    await expect.poll(() => remove.isVisible(), POLL).toBe(true);
    expect(await remove.textContent()).toMatch(/Den indeholder \d+ kort\. Vælg, hvad der skal ske med dem\./);
    await shoot(page, 'da-remove-dialog');
    await remove.getByRole('button', { name: 'Annuller' }).click();
    await expect.poll(() => remove.count(), POLL).toBe(0);

    // The board's settings show how this board writes numbers, money and dates.
    await page.getByRole('button', { name: 'Tavlens indstillinger' }).click();
    const settings = page.getByRole('dialog', { name: 'Tavlens indstillinger' });
    await expect.poll(() => settings.isVisible(), POLL).toBe(true);
    expect(await settings.getByRole('combobox', { name: 'Sprog i eksport og rapport' }).inputValue()).toBe('da');
    const example = normalise(await settings.getByTestId('board-format-example').textContent());
    expect(example).toContain('1.000.000');
    expect(example).toMatch(/12\.500,50 kr\./);
    await shoot(page, 'da-settings');
    await settings.getByRole('button', { name: 'Annuller' }).click();

    // Switching the UI language back and forth re-renders text only: the live session stays.
    const before = sockets();
    expect(before).toBe(1);
    await languageMenu(page).selectOption('sv');
    await expect.poll(() => page.getByRole('status', { name: 'Anslutning' }).textContent(), POLL).toBe('Ansluten');
    await languageMenu(page).selectOption('da');
    await expect.poll(() => page.getByRole('status', { name: 'Forbindelse' }).textContent(), POLL).toBe('Forbundet');
    expect(sockets()).toBe(before);

    // The report follows the board's locale.
    const report = await openReport(context, page, boardId);
    expect(await report.evaluate(() => document.documentElement.lang)).toBe('da');
    const text = normalise(await report.locator('body').textContent());
    expect(text).toContain('Følelseskurve');
    expect(text).toContain('Placering');
    expect(text).toMatch(/Faser: \d+ · Kontaktpunkter: \d+/);
    expect(text).toMatch(/Dato: \d{1,2}\. [a-zæøå]+ \d{4}/);
    await shoot(report, 'da-report');
  });

  it('greets a Swedish browser in Swedish, writes 1 000 000 on a Swedish board, and keeps the board’s locale when the UI goes English', async () => {
    const { page, context } = await openPage('sv-SE');
    await page.goto(server.url);
    // First visit: the browser's language, no menu needed.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe('Kundresekartor');
    expect(await htmlLang(page)).toBe('sv');
    expect(await page.getByRole('combobox', { name: 'Valuta' }).inputValue()).toBe('SEK');
    await shoot(page, 'sv-home');

    const boardId = await createFromHome(page, 'Inkassobrev hos ett inkassobolag', {
      submit: 'Skapa tavla',
      connection: 'Anslutning',
      connected: 'Ansluten',
    });
    await expect.poll(() => page.getByRole('button', { name: 'Lägg till kort' }).count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('heading', { name: 'Påminnelse', exact: true }).count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('heading', { name: 'Smärtpunkter', exact: true }).count(), POLL).toBeGreaterThan(0);
    await shoot(page, 'sv-board');

    // The header's tools show on hover or focus; the keyboard reaches them.
    const removeButton = page.getByRole('button', { name: 'Ta bort fasen ”Påminnelse”' }).first();
    await removeButton.focus();
    await removeButton.press('Enter');
    const remove = page.getByRole('dialog', { name: 'Ta bort fasen ”Påminnelse”' });
    await expect.poll(() => remove.isVisible(), POLL).toBe(true);
    expect(await remove.textContent()).toMatch(/Den innehåller \d+ kort\. Välj vad som ska hända med dem\./);
    await remove.getByRole('button', { name: 'Avbryt' }).click();

    await page.getByRole('button', { name: 'Tavlans inställningar' }).click();
    let settings = page.getByRole('dialog', { name: 'Tavlans inställningar' });
    await expect.poll(() => settings.isVisible(), POLL).toBe(true);
    let example = normalise(await settings.getByTestId('board-format-example').textContent());
    expect(example).toContain('1 000 000');
    expect(example).toContain('12 500,50 kr');
    await shoot(page, 'sv-settings');
    await settings.getByRole('button', { name: 'Avbryt' }).click();

    // The UI goes English; the board keeps writing numbers the Swedish way.
    await languageMenu(page).selectOption('en');
    await expect.poll(() => page.getByRole('status', { name: 'Connection' }).textContent(), POLL).toBe('Connected');
    await page.getByRole('button', { name: 'Board settings' }).click();
    settings = page.getByRole('dialog', { name: 'Board settings' });
    await expect.poll(() => settings.isVisible(), POLL).toBe(true);
    example = normalise(await settings.getByTestId('board-format-example').textContent());
    expect(example).toMatch(/^Example: 1 000 000 · 12 500,50 kr/);
    await settings.getByRole('button', { name: 'Cancel' }).click();

    // Remembered in this browser: a reload stays English although the browser prefers Swedish.
    await page.reload();
    await expect.poll(() => page.getByRole('status', { name: 'Connection' }).textContent(), POLL).toBe('Connected');
    expect(await htmlLang(page)).toBe('en');

    const report = await openReport(context, page, boardId);
    const text = normalise(await report.locator('body').textContent());
    expect(await report.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(text).toContain('Känslokurva');
    expect(text).toMatch(/Datum: \d{1,2} [a-zåäö]+ \d{4}/);
    await shoot(report, 'sv-report');
  });

  it('the facilitator changes a board’s locale and currency in the settings, and another browser on the board sees it at once', async () => {
    const { page } = await openPage('en-GB');
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe('Journey maps');
    const boardId = await createFromHome(page, 'Blank journey map', {
      submit: 'Create board',
      connection: 'Connection',
      connected: 'Connected',
    });
    const token = await tokenOf(page, boardId);

    // A second browser, in Danish, on the same board with the same link.
    const other = await openPage('da-DK');
    await other.page.goto(`${server.url}/b/${boardId}?token=${encodeURIComponent(token)}`);
    await expect.poll(() => other.page.getByRole('status', { name: 'Forbindelse' }).textContent(), POLL).toBe('Forbundet');

    await page.getByRole('button', { name: 'Board settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Board settings' });
    await settings.getByRole('combobox', { name: 'Language of exports and report' }).selectOption('sv');
    await settings.getByRole('combobox', { name: 'Currency' }).selectOption('SEK');
    expect(normalise(await settings.getByTestId('board-format-example').textContent())).toContain('1 000 000');
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => settings.count(), POLL).toBe(0);

    // The Danish browser's UI stays Danish, while the board now writes Swedish numbers.
    await other.page.getByRole('button', { name: 'Tavlens indstillinger' }).click();
    const seen = other.page.getByRole('dialog', { name: 'Tavlens indstillinger' });
    await expect.poll(() => seen.getByRole('combobox', { name: 'Valuta' }).inputValue(), POLL).toBe('SEK');
    expect(normalise(await seen.getByTestId('board-format-example').textContent())).toMatch(/^Eksempel: 1 000 000/);
  });
});
